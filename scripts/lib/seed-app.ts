/**
 * `npm run db:seed`: applies pending migrations, then seeds the demo
 * workspace into an empty database (DATABASE_URL, or the embedded PostgreSQL
 * in DATA_DIR when it is unset). A database that already has accounts is left
 * as it is.
 */
import { ConfigError, config } from "../../lib/config";
import { migrate } from "../../lib/db/migrate";
import { openDatabase } from "./database";

const log = (msg: string) => console.log(`[seed] ${msg}`);

async function main() {
  const c = config();
  const db = await openDatabase(log);
  try {
    await migrate(db.direct, { log });
    const { seedDemo, DEMO_USERS } = await import("../../lib/seed/demo");
    const { getDb, disconnectDb } = await import("../../lib/db/client");
    try {
      const users = await getDb().user.count();
      if (users > 0) {
        const demo = await getDb().user.findUnique({ where: { email: DEMO_USERS[0].email } });
        log(demo ? "the demo workspace is already there; nothing to do" : "the database already has accounts; the demo is only seeded into an empty database");
        return;
      }
      await seedDemo(c.DEMO_PASSWORD);
      log("seeded the demo workspace “Demo County Crisis Response Plan”. Sign in as:");
      for (const u of DEMO_USERS) log(`  ${u.email}`);
      log(`  password: ${c.DEMO_PASSWORD}`);
    } finally {
      await disconnectDb();
    }
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `\n${err.message}\n` : err instanceof Error ? err.message : err);
  process.exit(1);
});
