import { inject } from "vitest";
import pg from "pg";

let counter = 0;

/** A fresh, migrated database copied from the run's template. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject("pgAdminUrl");
  const template = inject("pgTemplate");
  const name = `${template.replace("crisis_tpl_", "crisis_t")}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export function adminUrl() {
  return inject("pgAdminUrl");
}
