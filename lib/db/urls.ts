import { config } from "@/lib/config";

/**
 * The two database URLs.
 *
 * DATABASE_URL: every ordinary query. It may point at a connection pooler in
 * transaction mode (PgBouncer, a managed provider's pooled endpoint): queries
 * on it use unnamed statements only and assume nothing survives between
 * transactions.
 *
 * DIRECT_DATABASE_URL (default: DATABASE_URL): a direct connection to
 * PostgreSQL for what needs a session of its own: LISTEN, session-level
 * advisory locks (migrations, seeding), job queues.
 */
export function databaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a database.");
  }
  return url;
}

export function directDatabaseUrl(): string {
  return config().DIRECT_DATABASE_URL || databaseUrl();
}

/** Whether DATABASE_URL goes through a pooler (a different DIRECT_DATABASE_URL is set). */
export function isPooled(): boolean {
  const c = config();
  return Boolean(c.DIRECT_DATABASE_URL && c.DIRECT_DATABASE_URL !== c.DATABASE_URL);
}
