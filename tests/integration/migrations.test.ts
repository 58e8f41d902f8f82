import { cp, mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "@/lib/db/migrate";
import { adminUrl } from "../support/db";
import { adminQuery } from "../support/pg-server";
import { catalogSnapshot, diffSnapshots } from "../support/catalog";
import { renderDdl } from "@/scripts/lib/prisma-ddl";

const created: string[] = [];
async function emptyDatabase(label: string) {
  const name = `crisis_mig_${label}_${process.pid}_${created.length}`;
  await adminQuery(adminUrl(), `CREATE DATABASE ${name}`);
  created.push(name);
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}
afterAll(async () => {
  for (const name of created) await adminQuery(adminUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function copyOfMigrations() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migs-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  it("applies every migration once, with Prisma's bookkeeping", async () => {
    const url = await emptyDatabase("apply");
    const files = await readMigrations();
    const result = await migrate(url);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at instanceof Date)).toBe(true);
    const tables = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'Workspace'`);
    expect(tables[0].n).toBe("1");
  });

  it("is idempotent: a second run applies nothing", async () => {
    const url = await emptyDatabase("idem");
    await migrate(url);
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBe((await readMigrations()).length);
    const rows = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0].n)).toBe(second.alreadyApplied.length);
  });

  it("refuses to continue when an applied migration's file has changed", async () => {
    const url = await emptyDatabase("checksum");
    const dir = await copyOfMigrations();
    try {
      await migrate(url, { dir });
      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first.name, "migration.sql"), first.sql + "\n-- edited afterwards\n");
      await expect(migrate(url, { dir })).rejects.toThrow(/checksum mismatch/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("applies once when several instances start at the same time", async () => {
    const url = await emptyDatabase("concurrent");
    const results = await Promise.all([migrate(url), migrate(url), migrate(url), migrate(url)]);
    const appliedCounts = results.map((r) => r.applied.length);
    const total = (await readMigrations()).length;
    expect(appliedCounts.filter((n) => n === total)).toHaveLength(1);
    expect(appliedCounts.filter((n) => n === 0)).toHaveLength(3);
    const rows = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0].n)).toBe(total);
  });

  it("rolls back a failing migration and leaves the database as it was", async () => {
    const url = await emptyDatabase("fail");
    const dir = await copyOfMigrations();
    try {
      await migrate(url, { dir });
      const before = await catalogSnapshot(url);
      const bad = path.join(dir, "29991231000000_broken");
      await mkdir(bad);
      await writeFile(
        path.join(bad, "migration.sql"),
        `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n`,
      );
      const error = await migrate(url, { dir }).catch((e) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect(error.message).toContain("29991231000000_broken");
      expect(error.message).toContain("NoSuchTable");
      expect(await catalogSnapshot(url)).toEqual(before);
      const rows = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
      expect(rows[0].n).toBe("0");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("schema drift", () => {
  it("the migrations produce exactly what prisma/schema.prisma describes", async () => {
    const fromMigrations = await emptyDatabase("drift_m");
    const fromSchema = await emptyDatabase("drift_s");
    await migrate(fromMigrations);
    const sql = await renderDdl({
      from: { kind: "empty" },
      toSchemaFile: path.join(process.cwd(), "prisma", "schema.prisma"),
      databaseUrl: fromSchema,
    });
    expect(sql).toContain("CREATE TABLE");
    await query(fromSchema, sql);
    const differences = diffSnapshots(await catalogSnapshot(fromMigrations), await catalogSnapshot(fromSchema));
    expect(differences, "run `npm run db:diff -- <name>` to add a migration").toEqual([]);
    // The comparison must be able to fail: a column missing on one side is a difference.
    await query(fromSchema, `ALTER TABLE "Workspace" ADD COLUMN "probe" INTEGER`);
    expect(diffSnapshots(await catalogSnapshot(fromMigrations), await catalogSnapshot(fromSchema))).toEqual([
      expect.stringContaining("probe"),
    ]);
  });
});
