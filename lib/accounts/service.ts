import "server-only";
import { forgetAccess } from "@/lib/auth/access-cache";
import { requireActor, type Actor } from "@/lib/auth/authorize";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { changePasswordSchema, profileSchema, signUpSchema } from "./schemas";

export async function signUp(input: unknown) {
  const data = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await getDb().user.create({
      data: { email: data.email, name: data.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in instead.", [
        { path: "email", message: "An account with this email already exists" },
      ]);
    }
    throw err;
  }
}

export async function getMe(actor: Actor) {
  const who = requireActor(actor);
  const user = await getDb().user.findUnique({ where: { id: who.userId }, select: { id: true, email: true, name: true, createdAt: true } });
  if (!user) throw new AppError("unauthenticated", "Please sign in to continue.");
  return user;
}

export async function updateProfile(actor: Actor, input: unknown) {
  const who = requireActor(actor);
  const data = parseInput(profileSchema, input);
  const user = await getDb().user.update({ where: { id: who.userId }, data: { name: data.name }, select: { id: true, name: true, email: true } });
  forgetAccess({ userId: who.userId });
  return user;
}

export async function changePassword(actor: Actor, input: unknown) {
  const who = requireActor(actor);
  const data = parseInput(changePasswordSchema, input);
  const user = await getDb().user.findUnique({ where: { id: who.userId } });
  if (!user?.passwordHash || !(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw new AppError("validation_failed", "Your current password is not correct.", [
      { path: "currentPassword", message: "This is not your current password" },
    ]);
  }
  await getDb().user.update({ where: { id: who.userId }, data: { passwordHash: await hashPassword(data.newPassword) } });
}
