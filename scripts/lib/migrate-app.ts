/**
 * `npm run db:migrate`: applies pending migrations from prisma/migrations to
 * DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR when it is unset.
 */
import { ConfigError, config } from "../../lib/config";
import { migrate } from "../../lib/db/migrate";
import { openDatabase } from "./database";

const log = (msg: string) => console.log(`[migrate] ${msg}`);

async function main() {
  config();
  const db = await openDatabase(log);
  try {
    const result = await migrate(db.direct, { log });
    log(result.applied.length ? `applied ${result.applied.length} migration(s)` : "database schema is up to date");
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `\n${err.message}\n` : err instanceof Error ? err.message : err);
  process.exit(1);
});
