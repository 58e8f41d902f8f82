import "server-only";
import type { PoolConfig } from "pg";
import { config } from "@/lib/config";

/**
 * pg Pool settings, always explicit: pg's own defaults are easy to outgrow.
 *
 * Through a transaction-mode pooler (`pooled`), no startup parameter other
 * than application_name is sent: PgBouncer refuses unknown ones such as
 * statement_timeout. Set the timeout on the database role there instead
 * (`ALTER ROLE … SET statement_timeout = '15s'`).
 */
export function poolConfig(connectionString: string, opts: { pooled?: boolean } = {}): PoolConfig {
  const c = config();
  return {
    connectionString,
    max: c.DB_POOL_MAX,
    idleTimeoutMillis: c.DB_POOL_IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: c.DB_CONNECT_TIMEOUT_MS,
    ...(opts.pooled ? {} : { statement_timeout: c.DB_STATEMENT_TIMEOUT_MS }),
    application_name: "crisis-plan-workbook",
  };
}
