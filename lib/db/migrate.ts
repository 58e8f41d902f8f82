import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { LOCK_KEYS } from "./lock";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, keeping
 * Prisma's own `_prisma_migrations` bookkeeping so `prisma migrate deploy`
 * recognises the result wherever its engine is available.
 *
 * - An advisory lock (Prisma's own key) makes concurrent starts apply once.
 * - Each migration runs in its own transaction: a failure leaves the database
 *   as it was and names the migration.
 * - A migration whose file changed after it was applied stops the run.
 */

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const ADVISORY_LOCK_KEY = LOCK_KEYS.migrate;

export class MigrationError extends Error {
  constructor(message: string, readonly migration?: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

export function checksum(sql: string) {
  return createHash("sha256").update(sql).digest("hex");
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const out: MigrationFile[] = [];
  for (const name of entries) {
    const full = path.join(dir, name);
    if (!(await stat(full)).isDirectory()) continue;
    const sql = await readFile(path.join(full, "migration.sql"), "utf8");
    out.push({ name, sql, checksum: checksum(sql) });
  }
  return out;
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function migrate(
  connectionString: string,
  opts: { dir?: string; log?: (msg: string) => void } = {},
): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const migrations = await readMigrations(opts.dir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(BOOKKEEPING);
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const m of migrations) {
        const appliedChecksum = done.get(m.name);
        if (appliedChecksum !== undefined) {
          if (appliedChecksum !== m.checksum) {
            throw new MigrationError(
              `Migration ${m.name} was changed after it was applied (checksum mismatch). ` +
                `Restore the original file and put the change in a new migration.`,
              m.name,
            );
          }
          result.alreadyApplied.push(m.name);
          continue;
        }
        const id = randomUUID();
        const startedAt = new Date();
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
            [id, m.checksum, m.name, startedAt],
          );
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {});
          const reason = err instanceof Error ? err.message : String(err);
          throw new MigrationError(
            `Migration ${m.name} failed and was rolled back; the database is unchanged by it. Cause: ${reason}`,
            m.name,
          );
        }
        log(`applied migration ${m.name}`);
        result.applied.push(m.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
