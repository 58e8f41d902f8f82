import "server-only";
import bcrypt from "bcryptjs";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

const COST = 10;

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string) {
  return bcrypt.compare(password, hash);
}

/** A hash to compare against when the address is unknown, so timing reveals nothing. */
export const DUMMY_HASH = bcrypt.hashSync("not-a-real-password-for-timing", COST);
