import pg from "pg";

/** Advisory lock keys, one per kind of start-up work. */
export const LOCK_KEYS = { migrate: 72707369, seed: 72707370 } as const;

/**
 * Runs `fn` while holding a session-level advisory lock on its own direct
 * connection, so that several instances starting at once do the work one
 * after another. `connectionString` must reach PostgreSQL directly
 * (DIRECT_DATABASE_URL): a transaction-mode pooler would release the lock
 * with the transaction, or hand it to another client.
 */
export async function withSessionLock<T>(connectionString: string, key: number, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, application_name: "crisis-plan-startup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
