import "server-only";
import type { PoolConfig } from "pg";
import { config } from "@/lib/config";

/** pg Pool settings, always explicit: pg's own defaults are easy to outgrow. */
export function poolConfig(connectionString: string): PoolConfig {
  const c = config();
  return {
    connectionString,
    max: c.DB_POOL_MAX,
    idleTimeoutMillis: c.DB_POOL_IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: c.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: c.DB_STATEMENT_TIMEOUT_MS,
    application_name: "crisis-plan-workbook",
  };
}
