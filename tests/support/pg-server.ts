import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

/**
 * The PostgreSQL server integration tests run against: a throwaway embedded
 * server under the OS temp folder, or TEST_DATABASE_URL when it is set (CI
 * uses that to run the suite on a second major version).
 */
export type TestServer = { adminUrl: string; dbUrl: (name: string) => string; stop: () => Promise<void> };

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const base = new URL(external);
    return {
      adminUrl: external,
      dbUrl: (name) => {
        const u = new URL(base.toString());
        u.pathname = `/${name}`;
        return u.toString();
      },
      stop: async () => {},
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "crisis-test-pg-"));
  await chmod(dir, 0o755);
  let server: EmbeddedServer;
  try {
    server = await startEmbedded({ dataDir: path.join(dir, "pg"), persistent: false });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    adminUrl: server.url(),
    dbUrl: (name) => server.url(name),
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function adminQuery(adminUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

const RUN = `${process.pid}_${Date.now().toString(36)}`;
export const TEMPLATE_DB = `crisis_tpl_${RUN}`;

/** Creates the migrated template that every test database is copied from. */
export async function prepareTemplate(server: TestServer) {
  await adminQuery(server.adminUrl, `CREATE DATABASE ${TEMPLATE_DB}`);
  await migrate(server.dbUrl(TEMPLATE_DB));
  return TEMPLATE_DB;
}

export async function dropRunDatabases(server: TestServer) {
  const { rows } = await adminQuery(
    server.adminUrl,
    `SELECT datname FROM pg_database WHERE datname LIKE 'crisis_%${RUN}%'`,
  );
  for (const r of rows) {
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
  }
}
