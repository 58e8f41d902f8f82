import path from "node:path";
import { config, setDatabaseUrl } from "../../lib/config";
import { startEmbedded, type EmbeddedServer } from "../../lib/db/embedded";

/** `url` for ordinary queries (may be a pooler); `direct` for migrations, locks and LISTEN. */
export type Database = { url: string; direct: string; embedded?: EmbeddedServer };

/**
 * The database the app uses: DATABASE_URL, or (unset) the embedded PostgreSQL
 * in DATA_DIR/pg, started here. `npm start`, `npm run db:migrate` and
 * `npm run db:seed` all go through this, so they always reach the same data.
 */
export async function openDatabase(log: (msg: string) => void, opts: { persistentData?: boolean } = {}): Promise<Database> {
  const c = config();
  if (c.DATABASE_URL) {
    log("using the PostgreSQL server from DATABASE_URL");
    return { url: c.DATABASE_URL, direct: c.DIRECT_DATABASE_URL || c.DATABASE_URL };
  }
  const dir = path.join(c.dataDir, "pg");
  const shown = dir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), dir) : dir;
  log(`starting embedded PostgreSQL in ${shown}…`);
  let embedded: EmbeddedServer;
  try {
    embedded = await startEmbedded({ dataDir: dir, port: c.EMBEDDED_PG_PORT || undefined, persistent: opts.persistentData ?? true, log });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dir}.\n${reason}\n` +
        `If the app is running (npm start), it already holds this database: stop it first, or set DATABASE_URL.`,
    );
  }
  setDatabaseUrl(embedded.url());
  log(`PostgreSQL is running on port ${embedded.port}`);
  return { url: embedded.url(), direct: embedded.url(), embedded };
}
