import pg from "pg";
import { ANSWERABLE, TEMPLATE_KEY, TEMPLATE_VERSION, WORKSHEET_KEYS, valueFor } from "./values";

/**
 * Bulk seeding with plain SQL (generate_series), fast enough for a thousand
 * workspaces. Ids carry a prefix per benchmark run so nothing collides with
 * the demo data that scripts/start.ts seeds.
 */

export type Demo = { workspaceId: string; workbookId: string; coordinatorId: string; memberId: string; viewerId: string; passwordHash: string };

export async function demoInfo(db: pg.Pool): Promise<Demo> {
  const { rows } = await db.query<{ workspaceId: string; workbookId: string; email: string; userId: string; passwordHash: string }>(
    `SELECT w.id AS "workspaceId", b.id AS "workbookId", u.email, u.id AS "userId", u."passwordHash"
       FROM "Workspace" w JOIN "Workbook" b ON b."workspaceId" = w.id
       JOIN "Membership" m ON m."workspaceId" = w.id JOIN "User" u ON u.id = m."userId"
      WHERE w.name = 'Demo County Crisis Response Plan'`,
  );
  const by = (email: string) => rows.find((r) => r.email === email);
  const coordinator = by("coordinator@example.org");
  if (!coordinator) throw new Error("The demo workspace was not seeded (DEMO_SEED off?)");
  return {
    workspaceId: coordinator.workspaceId,
    workbookId: coordinator.workbookId,
    coordinatorId: coordinator.userId,
    memberId: by("member@example.org")!.userId,
    viewerId: by("viewer@example.org")!.userId,
    passwordHash: coordinator.passwordHash,
  };
}

/** Users `${prefix}-1@bench.example` … with the demo password. Returns ids and emails in order. */
export async function createUsers(db: pg.Pool, prefix: string, count: number, passwordHash: string) {
  const { rows } = await db.query<{ id: string; email: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
     SELECT 'bu_' || $1 || '_' || i, $1 || '-' || i || '@bench.example', 'Bench ' || $1 || ' ' || i, $3, now(), now()
       FROM generate_series(1, $2::int) i
     RETURNING id, email`,
    [prefix, count, passwordHash],
  );
  return rows.sort((a, b) => Number(a.id.split("_").pop()) - Number(b.id.split("_").pop()));
}

/** One empty workspace with its workbook and these members. */
export async function createWorkspace(db: pg.Pool, key: string, name: string, members: Array<{ userId: string; role: "COORDINATOR" | "MEMBER" | "VIEWER" }>) {
  const workspaceId = `bw_${key}`;
  const workbookId = `bb_${key}`;
  await db.query(
    `INSERT INTO "Workspace" (id, name, jurisdiction, population, "createdAt", "updatedAt") VALUES ($1, $2, 'Bench County', 100000, now(), now())`,
    [workspaceId, name],
  );
  await db.query(`INSERT INTO "Workbook" (id, "workspaceId", "templateKey", "templateVersion") VALUES ($1, $2, $3, $4)`, [
    workbookId,
    workspaceId,
    TEMPLATE_KEY,
    TEMPLATE_VERSION,
  ]);
  await db.query(
    `INSERT INTO "Membership" (id, "workspaceId", "userId", role)
     SELECT 'bm_' || $1 || '_' || ord, $2, u, r::"Role" FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(u, r, ord)`,
    [key, workspaceId, members.map((m) => m.userId), members.map((m) => m.role)],
  );
  return { workspaceId, workbookId };
}

export type Dataset = {
  prefix: string;
  workspaces: number;
  workspaceIds: string[];
  /** The workspaces `extraMember` belongs to, spread evenly over the dataset. */
  memberOf: string[];
  answers: number;
  revisions: number;
  seconds: number;
};

/**
 * `count` workspaces, each with a workbook (crisis-response v1), two members
 * of its own, an answer to every answerable item (127), 300 saved versions in
 * the history and a status per worksheet. `extraMember` joins `memberOf`
 * workspaces spread evenly over the set (as MEMBER), like someone who works
 * with a few teams.
 */
export async function seedDataset(
  db: pg.Pool,
  opts: { prefix: string; count: number; passwordHash: string; extraMemberId?: string; memberOf?: number; members?: number },
): Promise<Dataset> {
  const t0 = performance.now();
  const p = opts.prefix;
  const members = opts.members ?? 2;
  const step = Math.max(1, Math.floor(opts.count / Math.max(1, opts.memberOf ?? 1)));
  const memberOf = opts.extraMemberId
    ? Array.from({ length: opts.count }, (_, i) => i + 1)
        .filter((i) => (i - 1) % step === 0)
        .slice(0, opts.memberOf ?? 0)
    : [];
  // 300 revisions per workbook: the first 46 items have 3 versions, the other 81 have 2.
  const template = ANSWERABLE.map((a, i) => ({
    itemKey: a.key,
    worksheetKey: a.worksheetKey,
    version: i < 46 ? 3 : 2,
    value: valueFor(a.item, i + 1, 2),
    older: valueFor(a.item, i + 2, 1),
  }));
  const revisionsPerWorkbook = template.reduce((s, t) => s + t.version, 0);
  const statuses = WORKSHEET_KEYS.map((k, i) => ({ worksheetKey: k, status: ["IN_PROGRESS", "READY_FOR_REVIEW", "COMPLETE", "IN_PROGRESS"][i % 4] }));
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
       SELECT 'bu_' || $1 || '_' || i || '_' || k, $1 || '-' || i || '-' || k || '@bench.example', 'Planner ' || i || '.' || k, $3, now(), now()
         FROM generate_series(1, $2::int) i, generate_series(1, $4::int) k`,
      [p, opts.count, opts.passwordHash, members],
    );
    await client.query(
      `INSERT INTO "Workspace" (id, name, jurisdiction, population, "createdAt", "updatedAt")
       SELECT 'bw_' || $1 || '_' || i, 'Bench plan ' || i, 'Bench County ' || i, 10000 + i, now() - interval '30 days', now()
         FROM generate_series(1, $2::int) i`,
      [p, opts.count],
    );
    await client.query(
      `INSERT INTO "Workbook" (id, "workspaceId", "templateKey", "templateVersion", "createdAt")
       SELECT 'bb_' || $1 || '_' || i, 'bw_' || $1 || '_' || i, $3, $4, now() - interval '30 days' FROM generate_series(1, $2::int) i`,
      [p, opts.count, TEMPLATE_KEY, TEMPLATE_VERSION],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "createdAt")
       SELECT 'bm_' || $1 || '_' || i || '_' || k, 'bw_' || $1 || '_' || i, 'bu_' || $1 || '_' || i || '_' || k,
              (CASE WHEN k = 1 THEN 'COORDINATOR' ELSE 'MEMBER' END)::"Role", now()
         FROM generate_series(1, $2::int) i, generate_series(1, $5::int) k
       UNION ALL
       SELECT 'bm_' || $1 || '_' || i || '_x', 'bw_' || $1 || '_' || i, $3, 'MEMBER'::"Role", now() FROM unnest($4::int[]) i`,
      [p, opts.count, opts.extraMemberId ?? null, memberOf, members],
    );
    await client.query(
      `INSERT INTO "Answer" (id, "workbookId", "worksheetKey", "itemKey", value, version, "updatedById", "updatedAt")
       SELECT md5($1 || i || ':' || t."itemKey"), 'bb_' || $1 || '_' || i, t."worksheetKey", t."itemKey", t.value, t.version,
              'bu_' || $1 || '_' || i || '_' || (1 + (t.version % 2)), now() - (t.version || ' hours')::interval
         FROM generate_series(1, $2::int) i,
              jsonb_to_recordset($3::jsonb) AS t("itemKey" text, "worksheetKey" text, version int, value jsonb)`,
      [p, opts.count, JSON.stringify(template)],
    );
    await client.query(
      `INSERT INTO "AnswerRevision" ("workbookId", "worksheetKey", "itemKey", version, "oldValue", "newValue", "actorId", "createdAt")
       SELECT 'bb_' || $1 || '_' || i, t."worksheetKey", t."itemKey", v,
              CASE WHEN v = 1 THEN NULL ELSE t.older END,
              CASE WHEN v = t.version THEN t.value ELSE t.older END,
              'bu_' || $1 || '_' || i || '_' || (1 + (v % 2)), now() - ((10 - v) || ' hours')::interval
         FROM generate_series(1, $2::int) i,
              jsonb_to_recordset($3::jsonb) AS t("itemKey" text, "worksheetKey" text, version int, value jsonb, older jsonb),
              generate_series(1, t.version) v`,
      [p, opts.count, JSON.stringify(template)],
    );
    await client.query(
      `INSERT INTO "WorksheetState" (id, "workbookId", "worksheetKey", status, "updatedById", "updatedAt")
       SELECT md5($1 || 's' || i || ':' || t."worksheetKey"), 'bb_' || $1 || '_' || i, t."worksheetKey", t.status::"WorksheetStatus", 'bu_' || $1 || '_' || i || '_1', now()
         FROM generate_series(1, $2::int) i, jsonb_to_recordset($3::jsonb) AS t("worksheetKey" text, status text)`,
      [p, opts.count, JSON.stringify(statuses)],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  // Fresh statistics, as autovacuum would have gathered on a live system.
  await db.query(`ANALYZE "User", "Workspace", "Workbook", "Membership", "Answer", "AnswerRevision", "WorksheetState"`);
  return {
    prefix: p,
    workspaces: opts.count,
    workspaceIds: Array.from({ length: opts.count }, (_, i) => `bw_${p}_${i + 1}`),
    memberOf: memberOf.map((i) => `bw_${p}_${i}`),
    answers: opts.count * template.length,
    revisions: opts.count * revisionsPerWorkbook,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** pg_stat_statements: reset, and read what ran since (in the app's database). */
export async function pgssReset(db: pg.Pool) {
  await db.query("SELECT pg_stat_statements_reset()");
}

export type StatementStat = { query: string; calls: number; totalMs: number; meanMs: number; rows: number };

export async function pgssRead(db: pg.Pool): Promise<StatementStat[]> {
  const { rows } = await db.query<{ query: string; calls: string; total: number; mean: number; rows: string }>(
    `SELECT s.query, s.calls, s.total_exec_time AS total, s.mean_exec_time AS mean, s.rows
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = current_database()
        AND s.query NOT ILIKE '%pg_stat_statements%'
      ORDER BY s.total_exec_time DESC`,
  );
  return rows.map((r) => ({ query: r.query.replace(/\s+/g, " ").trim(), calls: Number(r.calls), totalMs: r.total, meanMs: r.mean, rows: Number(r.rows) }));
}

/** Statements issued by the app only: the benchmark tags its own SQL with a bench comment. */
export function appStatements(stats: StatementStat[]) {
  return stats.filter((s) => !/\/\*bench\*\//.test(s.query));
}
