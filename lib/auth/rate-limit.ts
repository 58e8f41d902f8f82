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

export async function checkSignInLimit(email: string, client: string): Promise<LimitState> {
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
    if (row._count._all >= limits[row.key]) {
      const oldest = row._min.createdAt ?? new Date();
      const retry = Math.max(1, Math.ceil((oldest.getTime() + c.SIGNIN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
      return { limited: true, retryAfterSeconds: retry };
    }
  }
  return { limited: false };
}

export async function recordFailedSignIn(email: string, client: string) {
  const { emailKey, clientKey } = keys(email, client);
  await getDb().signInAttempt.createMany({ data: [{ key: emailKey }, { key: clientKey }] });
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
