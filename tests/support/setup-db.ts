import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./db";
import { resetConfigCache } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";

// Each integration test file gets its own database, copied from the migrated template.
const direct = await createTestDatabase();
process.env.DATABASE_URL = direct;

// With TEST_PGBOUNCER_PORT set, global-setup puts PgBouncer in transaction mode in
// front of the test server: ordinary queries go through it, and LISTEN and locks
// use the direct connection, as in a pooled deployment.
const pooler = inject("pgPoolerUrl");
if (pooler) {
  const u = new URL(pooler);
  u.pathname = new URL(direct).pathname;
  process.env.DATABASE_URL = u.toString();
  process.env.DIRECT_DATABASE_URL = direct;
}
resetConfigCache();

afterAll(async () => {
  await disconnectDb();
});
