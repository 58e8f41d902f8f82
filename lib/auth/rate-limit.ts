import "server-only";
import { getDb } from "@/lib/db/client";
import { config } from "@/lib/config";

/**
 * Sign-in rate limiting, kept in PostgreSQL so it holds across app instances.
 * Failed attempts are counted per address and per client within a window;
 * past the limit, sign-in is refused even with the right password.
 */

export type LimitState = { limited: false } | { limited: true; retryAfterSeconds: number };

function keys(email: string, client: string) {
  return { emailKey: `email:${email.trim().toLowerCase()}`, clientKey: `client:${client}` };
}

/** `counted` is how many of the rows in the window belong to the attempt being checked (0 or 1 per key). */
async function limitState(email: string, client: string, counted: 0 | 1): Promise<LimitState> {
  const c = config();
  const { emailKey, clientKey } = keys(email, client);
  const windowStart = new Date(Date.now() - c.SIGNIN_WINDOW_MINUTES * 60_000);
  const rows = await getDb().signInAttempt.groupBy({
    by: ["key"],
    where: { key: { in: [emailKey, clientKey] }, createdAt: { gte: windowStart } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const limits: Record<string, number> = { [emailKey]: c.SIGNIN_MAX_ATTEMPTS, [clientKey]: c.SIGNIN_MAX_ATTEMPTS * 4 };
  for (const row of rows) {
    if (row._count._all - counted >= limits[row.key]) {
      const oldest = row._min.createdAt ?? new Date();
      const retry = Math.max(1, Math.ceil((oldest.getTime() + c.SIGNIN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
      return { limited: true, retryAfterSeconds: retry };
    }
  }
  return { limited: false };
}

export async function checkSignInLimit(email: string, client: string): Promise<LimitState> {
  return limitState(email, client, 0);
}

/**
 * Counts an attempt before its password is checked, then checks the limit.
 * Checking first and recording after would let many simultaneous guesses all
 * pass the check; this way the last of them to count sees all the others.
 * The attempt stays recorded as a failure unless `settleSignInAttempt` is
 * called after a success; a refused attempt is not counted.
 */
export async function beginSignInAttempt(email: string, client: string): Promise<LimitState & { attemptIds: bigint[] }> {
  const { emailKey, clientKey } = keys(email, client);
  const db = getDb();
  const rows = await db.signInAttempt.createManyAndReturn({ data: [{ key: emailKey }, { key: clientKey }], select: { id: true } });
  const attemptIds = rows.map((r) => r.id);
  const state = await limitState(email, client, 1);
  if (state.limited) await db.signInAttempt.deleteMany({ where: { id: { in: attemptIds } } });
  return { ...state, attemptIds };
}

/** After a successful sign-in: the address's failures are forgiven and the attempt does not count against the client. */
export async function settleSignInAttempt(email: string, attemptIds: bigint[]) {
  const { emailKey } = keys(email, "");
  await getDb().signInAttempt.deleteMany({ where: { OR: [{ key: emailKey }, { id: { in: attemptIds } }] } });
}

export async function clearSignInFailures(email: string) {
  const { emailKey } = keys(email, "");
  await getDb().signInAttempt.deleteMany({ where: { key: emailKey } });
}

/** Drops attempts older than the window; called opportunistically. */
export async function pruneSignInAttempts() {
  const windowStart = new Date(Date.now() - config().SIGNIN_WINDOW_MINUTES * 60_000 * 2);
  await getDb().signInAttempt.deleteMany({ where: { createdAt: { lt: windowStart } } });
}
