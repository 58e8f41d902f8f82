import pg from "pg";
import type { Ctx } from "./lib/context";
import { sizes } from "./lib/context";
import { Client, mapLimit, signIn } from "./lib/http";
import { cpuMeter, type CpuReport } from "./lib/proc";
import type { BenchResult, Row } from "./lib/report";
import { createUsers, createWorkspace, pgssRead, pgssReset, type StatementStat } from "./lib/seed";
import { BENCH_PASSWORD } from "./lib/stack";
import { fmt, median, spread, summarize } from "./lib/stats";
import { ANSWERABLE, canonical, valueFor, type AnswerableItem } from "./lib/values";
import { saveStatement } from "../lib/workbook/save-sql";

/**
 * Autosave under load: N editors (each a signed-in HTTP client with its own
 * keep-alive connection) save answers through
 * PUT /api/v1/workspaces/{id}/answers/{itemKey} with the right base version,
 * as fast as the server answers, for a fixed time per round. Editors share one
 * workspace (as a planning team does) but each owns its own item keys, so no
 * save should ever conflict. Afterwards the database must hold every
 * acknowledged save: the final value/version of each answer, and exactly one
 * AnswerRevision per accepted version.
 *
 * Reference: the same number of version-checked upserts of the same rows with
 * plain `pg` at the same concurrency.
 */

type Ack = { key: string; version: number; canon: string };
type Sink = { lat: number[]; acks: Ack[]; conflicts: number; errors: number; lastError?: string };

const RAW_UPSERT = `/*bench*/ INSERT INTO "Answer" (id, "workbookId", "worksheetKey", "itemKey", value, version, "updatedById", "updatedAt")
  VALUES (md5(random()::text), $1, $2, $3, $4::jsonb, $5 + 1, $6, now())
  ON CONFLICT ("workbookId", "itemKey") DO UPDATE
    SET value = EXCLUDED.value, version = EXCLUDED.version, "updatedById" = EXCLUDED."updatedById", "updatedAt" = EXCLUDED."updatedAt"
    WHERE "Answer".version = $5
  RETURNING version`;

async function currentVersions(pool: pg.Pool, workbookId: string) {
  const { rows } = await pool.query<{ itemKey: string; version: number }>(`/*bench*/ SELECT "itemKey", version FROM "Answer" WHERE "workbookId" = $1`, [
    workbookId,
  ]);
  return new Map(rows.map((r) => [r.itemKey, r.version]));
}

/** Every acknowledged save must be in the database exactly once. */
async function verify(pool: pg.Pool, workbookId: string, acks: Ack[], fromVersions: Map<string, number>) {
  const keys = [...new Set(acks.map((a) => a.key))];
  const { rows: revs } = await pool.query<{ itemKey: string; version: number; newValue: unknown }>(
    `/*bench*/ SELECT "itemKey", version, "newValue" FROM "AnswerRevision" WHERE "workbookId" = $1 AND "itemKey" = ANY($2::text[])`,
    [workbookId, keys],
  );
  const byKeyVersion = new Map<string, unknown[]>();
  for (const r of revs) {
    if (r.version <= (fromVersions.get(r.itemKey) ?? 0)) continue;
    const k = `${r.itemKey}@${r.version}`;
    const list = byKeyVersion.get(k) ?? [];
    list.push(r.newValue);
    byKeyVersion.set(k, list);
  }
  let missingRevision = 0;
  let duplicateRevision = 0;
  let wrongValue = 0;
  const acked = new Set<string>();
  const last = new Map<string, Ack>();
  for (const a of acks) {
    const k = `${a.key}@${a.version}`;
    acked.add(k);
    const list = byKeyVersion.get(k) ?? [];
    if (list.length === 0) missingRevision++;
    else if (list.length > 1) duplicateRevision++;
    else if (canonical(list[0]) !== a.canon) wrongValue++;
    const prev = last.get(a.key);
    if (!prev || a.version > prev.version) last.set(a.key, a);
  }
  const unacknowledged = [...byKeyVersion.keys()].filter((k) => !acked.has(k)).length;
  const { rows: finals } = await pool.query<{ itemKey: string; version: number; value: unknown }>(
    `/*bench*/ SELECT "itemKey", version, value FROM "Answer" WHERE "workbookId" = $1 AND "itemKey" = ANY($2::text[])`,
    [workbookId, keys],
  );
  const finalByKey = new Map(finals.map((f) => [f.itemKey, f]));
  let finalMismatch = 0;
  for (const [key, a] of last) {
    const f = finalByKey.get(key);
    if (!f || f.version !== a.version || canonical(f.value) !== a.canon) finalMismatch++;
  }
  return {
    acknowledged: acks.length,
    missingRevision,
    duplicateRevision,
    wrongValue,
    finalMismatch,
    unacknowledgedRevisions: unacknowledged,
    lostUpdates: missingRevision + wrongValue + finalMismatch,
  };
}

function partition(n: number): AnswerableItem[][] {
  const parts: AnswerableItem[][] = Array.from({ length: n }, () => []);
  ANSWERABLE.forEach((it, i) => parts[i % n].push(it));
  return parts;
}

type Editor = { client: Client; userId: string; items: AnswerableItem[]; next: number };

async function httpRound(
  ctx: Ctx,
  workspaceId: string,
  editors: Editor[],
  versions: Map<string, number>,
  opts: { seconds?: number; saves?: number; paceMs?: number },
  seq: { n: number },
) {
  const sink: Sink = { lat: [], acks: [], conflicts: 0, errors: 0 };
  const t0 = performance.now();
  const deadline = opts.seconds !== undefined ? t0 + opts.seconds * 1000 : Infinity;
  let lastEnd = t0;
  await Promise.all(
    editors.map(async (ed, e) => {
      let done = 0;
      // Paced: each editor saves once per paceMs (offsets spread over the first period), like a debounced autosave.
      const offset = opts.paceMs ? (opts.paceMs * e) / editors.length : 0;
      while (performance.now() < deadline && (opts.saves === undefined || done < opts.saves) && sink.errors < 50) {
        if (opts.paceMs) {
          const slot = t0 + offset + done * opts.paceMs;
          const wait = slot - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (performance.now() >= deadline) break;
        }
        done++;
        const it = ed.items[ed.next++ % ed.items.length];
        const value = valueFor(it.item, ++seq.n);
        const base = versions.get(it.key) ?? 0;
        const res = await ed.client.putJson(`/api/v1/workspaces/${workspaceId}/answers/${encodeURIComponent(it.key)}`, { value, baseVersion: base });
        lastEnd = Math.max(lastEnd, res.endedAt);
        const text = res.body.toString("utf8");
        if (res.status === 200) {
          const version = (JSON.parse(text) as { version: number }).version;
          versions.set(it.key, version);
          sink.lat.push(res.ms);
          sink.acks.push({ key: it.key, version, canon: canonical(value) });
        } else if (res.status === 409) {
          sink.conflicts++;
          const cur = (JSON.parse(text) as { current?: { version?: number } }).current;
          if (typeof cur?.version === "number") versions.set(it.key, cur.version);
        } else {
          sink.errors++;
          sink.lastError = `${res.status} ${text.slice(0, 200)}`;
        }
      }
    }),
  );
  if (sink.errors >= 50) ctx.log(`autosave: stopping round after 50 errors; last: ${sink.lastError}`);
  return { ...sink, seconds: (lastEnd - t0) / 1000 };
}

async function rawRound(pool: pg.Pool, workbookId: string, parts: AnswerableItem[][], userId: string, total: number, seq: { n: number }) {
  const versions = await currentVersions(pool, workbookId);
  const clients = await Promise.all(parts.map(() => pool.connect()));
  const lat: number[] = [];
  let issued = 0;
  let conflicts = 0;
  const t0 = performance.now();
  try {
    await Promise.all(
      parts.map(async (items, w) => {
        const c = clients[w];
        let next = 0;
        while (issued < total) {
          issued++;
          const it = items[next++ % items.length];
          const value = JSON.stringify(valueFor(it.item, ++seq.n));
          const base = versions.get(it.key) ?? 0;
          const s = performance.now();
          const r = await c.query<{ version: number }>(RAW_UPSERT, [workbookId, it.worksheetKey, it.key, value, base, userId]);
          lat.push(performance.now() - s);
          if (r.rows[0]) versions.set(it.key, r.rows[0].version);
          else conflicts++;
        }
      }),
    );
  } finally {
    for (const c of clients) c.release();
  }
  return { lat, seconds: (performance.now() - t0) / 1000, count: lat.length, conflicts };
}

/** Raw pg at a pace: each of the connections sends one upsert every paceMs, for `seconds`. */
async function rawPacedRound(pool: pg.Pool, workbookId: string, parts: AnswerableItem[][], userId: string, seconds: number, paceMs: number, seq: { n: number }) {
  const versions = await currentVersions(pool, workbookId);
  const clients = await Promise.all(parts.map(() => pool.connect()));
  const lat: number[] = [];
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  try {
    await Promise.all(
      parts.map(async (items, w) => {
        const c = clients[w];
        const offset = (paceMs * w) / parts.length;
        for (let done = 0; ; done++) {
          const wait = t0 + offset + done * paceMs - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (performance.now() >= deadline) break;
          const it = items[done % items.length];
          const base = versions.get(it.key) ?? 0;
          const s = performance.now();
          const r = await c.query<{ version: number }>(RAW_UPSERT, [workbookId, it.worksheetKey, it.key, JSON.stringify(valueFor(it.item, ++seq.n)), base, userId]);
          lat.push(performance.now() - s);
          if (r.rows[0]) versions.set(it.key, r.rows[0].version);
        }
      }),
    );
  } finally {
    for (const c of clients) c.release();
  }
  return { lat, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The database side of saveAnswer on its own: the same statements in one
 * transaction per save, straight over `pg` (no Next.js, Prisma or HTTP).
 * "as-is" sends the app's own statement (lib/workbook/save-sql.ts, shared with
 * saveAnswer): one data-modifying statement that checks the version and writes
 * the answer, its revision, the worksheet's first move to "in progress" and the
 * live event with its NOTIFY. The other variants are earlier designs, kept to
 * show the before/after in the same run:
 * - "before: statement per step": the seven-statement transaction, with an
 *   upsert that locked the worksheet's status row on every save;
 * - "before, no sheet lock": the same, moving the status with an UPDATE …
 *   WHERE status = 'NOT_STARTED' that locks nothing when nothing moves;
 * - "no-notify": the statement-per-step design without pg_notify.
 */
type TxnVariant = "as-is" | "before: statement per step" | "before, no sheet lock" | "no-notify";

async function rawTxnRound(
  pool: pg.Pool,
  ids: { workspaceId: string; workbookId: string },
  parts: AnswerableItem[][],
  userId: string,
  total: number,
  seq: { n: number },
  variant: TxnVariant,
) {
  const versions = await currentVersions(pool, ids.workbookId);
  const clients = await Promise.all(parts.map(() => pool.connect()));
  const lat: number[] = [];
  let issued = 0;
  let conflicts = 0;
  const t0 = performance.now();
  const { workspaceId, workbookId } = ids;
  try {
    await Promise.all(
      parts.map(async (items, w) => {
        const c = clients[w];
        let next = 0;
        while (issued < total) {
          issued++;
          const it = items[next++ % items.length];
          const value = valueFor(it.item, ++seq.n);
          const newValue = JSON.stringify(value);
          const base = versions.get(it.key) ?? 0;
          const s = performance.now();
          if (variant === "as-is") {
            // The app's own statement (lib/workbook/save-sql.ts): one round trip, no explicit transaction.
            const at = new Date().toISOString();
            const version = base + 1;
            const event = JSON.stringify({ itemKey: it.key, worksheetKey: it.worksheetKey, version, value, updatedBy: { id: userId, name: "Bench" }, updatedAt: at });
            const r = await c.query<{ saved: number | null }>(
              saveStatement({ workbookId, workspaceId, worksheetKey: it.worksheetKey, itemKey: it.key, newValue, baseVersion: base, userId, updatedAt: at, event, restoredFromId: null, audit: null }),
            );
            if (r.rows[0]?.saved == null) {
              conflicts++;
              const cur = await c.query<{ version: number }>(`SELECT version FROM "Answer" WHERE "workbookId" = $1 AND "itemKey" = $2`, [workbookId, it.key]);
              if (cur.rows[0]) versions.set(it.key, cur.rows[0].version);
              continue;
            }
            versions.set(it.key, version);
            lat.push(performance.now() - s);
            continue;
          }
          await c.query("BEGIN");
          try {
            const cur = await c.query<{ value: unknown; version: number }>(
              `/*bench*/ SELECT value, version, "updatedById", "updatedAt" FROM "Answer" WHERE "workbookId" = $1 AND "itemKey" = $2 FOR UPDATE`,
              [workbookId, it.key],
            );
            const row = cur.rows[0];
            if ((row?.version ?? 0) !== base) {
              conflicts++;
              await c.query("ROLLBACK");
              if (row) versions.set(it.key, row.version);
              continue;
            }
            const version = base + 1;
            const at = new Date();
            if (row) {
              await c.query(
                `/*bench*/ UPDATE "Answer" SET value = $1::jsonb, version = $2, "updatedById" = $3, "updatedAt" = $4 WHERE "workbookId" = $5 AND "itemKey" = $6`,
                [newValue, version, userId, at, workbookId, it.key],
              );
            } else {
              await c.query(
                `/*bench*/ INSERT INTO "Answer" (id, "workbookId", "worksheetKey", "itemKey", value, version, "updatedById", "updatedAt") VALUES (md5(random()::text), $1, $2, $3, $4::jsonb, $5, $6, $7)`,
                [workbookId, it.worksheetKey, it.key, newValue, version, userId, at],
              );
            }
            await c.query(
              `/*bench*/ INSERT INTO "AnswerRevision" ("workbookId", "worksheetKey", "itemKey", version, "oldValue", "newValue", "actorId", "restoredFromId", "createdAt")
               VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, NULL, $8)`,
              [workbookId, it.worksheetKey, it.key, version, row ? JSON.stringify(row.value) : null, newValue, userId, at],
            );
            const moved =
              variant === "before: statement per step"
                ? await c.query(
                    `/*bench*/ INSERT INTO "WorksheetState" (id, "workbookId", "worksheetKey", status, "updatedById", "updatedAt")
                     VALUES (md5(random()::text), $1, $2, 'IN_PROGRESS', $3, $4)
                     ON CONFLICT ("workbookId", "worksheetKey") DO UPDATE SET status = 'IN_PROGRESS', "updatedById" = $3, "updatedAt" = $4
                       WHERE "WorksheetState".status = 'NOT_STARTED'
                     RETURNING "worksheetKey"`,
                    [workbookId, it.worksheetKey, userId, at],
                  )
                : await c.query(
                    `/*bench*/ WITH upd AS (
                       UPDATE "WorksheetState" SET status = 'IN_PROGRESS', "updatedById" = $3, "updatedAt" = $4
                        WHERE "workbookId" = $1 AND "worksheetKey" = $2 AND status = 'NOT_STARTED' RETURNING "worksheetKey"
                     ), ins AS (
                       INSERT INTO "WorksheetState" (id, "workbookId", "worksheetKey", status, "updatedById", "updatedAt")
                       SELECT md5(random()::text), $1, $2, 'IN_PROGRESS', $3, $4
                        WHERE NOT EXISTS (SELECT 1 FROM "WorksheetState" WHERE "workbookId" = $1 AND "worksheetKey" = $2)
                       ON CONFLICT ("workbookId", "worksheetKey") DO NOTHING RETURNING "worksheetKey"
                     )
                     SELECT "worksheetKey" FROM upd UNION ALL SELECT "worksheetKey" FROM ins`,
                    [workbookId, it.worksheetKey, userId, at],
                  );
            if (moved.rowCount) {
              await c.query(
                `/*bench*/ INSERT INTO "WorksheetStatusChange" ("workbookId", "worksheetKey", "fromStatus", "toStatus", "actorId", "createdAt") VALUES ($1, $2, 'NOT_STARTED', 'IN_PROGRESS', $3, $4)`,
                [workbookId, it.worksheetKey, userId, at],
              );
            }
            const payload = JSON.stringify({ itemKey: it.key, worksheetKey: it.worksheetKey, version, value, updatedBy: { id: userId, name: "Bench" }, updatedAt: at.toISOString() });
            if (variant === "no-notify") {
              await c.query(`/*bench*/ INSERT INTO "LiveEvent" ("workspaceId", type, payload) VALUES ($1, 'answer.saved', $2::jsonb)`, [workspaceId, payload]);
            } else {
              await c.query(
                `/*bench*/ WITH e AS (INSERT INTO "LiveEvent" ("workspaceId", type, payload) VALUES ($1, 'answer.saved', $2::jsonb) RETURNING id)
                 SELECT pg_notify('live_events', json_build_object('id', e.id, 'w', $1::text, 't', 'answer.saved')::text) FROM e`,
                [workspaceId, payload],
              );
            }
            await c.query("COMMIT");
            versions.set(it.key, version);
            lat.push(performance.now() - s);
          } catch (err) {
            await c.query("ROLLBACK").catch(() => {});
            throw err;
          }
        }
      }),
    );
  } finally {
    for (const c of clients) c.release();
  }
  return { lat, seconds: (performance.now() - t0) / 1000, count: lat.length, conflicts };
}

/** One editor, one request at a time: what each layer adds (health → session → save). */
async function latencyLadder(client: Client, workspaceId: string, items: AnswerableItem[], versions: Map<string, number>, count: number, seq: { n: number }) {
  const out = { health: [] as number[], me: [] as number[], save: [] as number[] };
  for (let i = 0; i < count; i++) {
    out.health.push((await client.get("/api/health")).ms);
    out.me.push((await client.get("/api/v1/me")).ms);
    const it = items[i % items.length];
    const res = await client.putJson(`/api/v1/workspaces/${workspaceId}/answers/${encodeURIComponent(it.key)}`, {
      value: valueFor(it.item, ++seq.n),
      baseVersion: versions.get(it.key) ?? 0,
    });
    if (res.status === 200) {
      versions.set(it.key, (JSON.parse(res.body.toString("utf8")) as { version: number }).version);
      out.save.push(res.ms);
    }
  }
  return { health: summarize(out.health), me: summarize(out.me), save: summarize(out.save) };
}

function topStatements(stats: StatementStat[], saves: number) {
  const app = stats.filter((s) => !s.query.includes("/*bench*/"));
  const calls = app.reduce((a, s) => a + s.calls, 0);
  const dbMs = app.reduce((a, s) => a + s.totalMs, 0);
  return {
    statementsPerSave: saves ? calls / saves : NaN,
    dbMsPerSave: saves ? dbMs / saves : NaN,
    top: app.slice(0, 12).map((s) => ({
      perSave: saves ? Math.round((s.calls / saves) * 100) / 100 : 0,
      meanMs: Math.round(s.meanMs * 1000) / 1000,
      msPerSave: saves ? Math.round((s.totalMs / saves) * 1000) / 1000 : 0,
      query: s.query.slice(0, 220),
    })),
  };
}

export async function runAutosave(ctx: Ctx): Promise<BenchResult> {
  const started = performance.now();
  const cfg = sizes(ctx.quick).autosave;
  const maxN = Math.max(...cfg.levels);
  const key = ctx.uid("as");
  // Editors: the demo coordinator and member, plus bench users up to maxN.
  const extra = await createUsers(ctx.pool, key, maxN - 2, ctx.demo.passwordHash);
  const people = [
    { userId: ctx.demo.coordinatorId, email: "coordinator@example.org", role: "COORDINATOR" as const },
    { userId: ctx.demo.memberId, email: "member@example.org", role: "MEMBER" as const },
    ...extra.map((u) => ({ userId: u.id, email: u.email, role: "MEMBER" as const })),
  ];
  const { workspaceId, workbookId } = await createWorkspace(ctx.pool, key, "Bench autosave plan", people);
  const signInStart = performance.now();
  const cookies = await mapLimit(people, 4, (p) => signIn(ctx.app.baseUrl, p.email, BENCH_PASSWORD));
  ctx.log(`autosave: ${people.length} editors signed in (${((performance.now() - signInStart) / 1000).toFixed(1)} s)`);
  const clients = cookies.map((cookie) => {
    const c = new Client(ctx.app.baseUrl);
    c.cookie = cookie;
    return c;
  });

  const rows: Row[] = [];
  const levels: Record<string, unknown>[] = [];
  const seq = { n: 1000 };
  let ladder: Awaited<ReturnType<typeof latencyLadder>> | undefined;
  let lostTotal = 0;
  let cpuAt50: CpuReport | undefined;
  try {
    {
      const versions = await currentVersions(ctx.pool, workbookId);
      const items = ANSWERABLE.slice(0, 8);
      await latencyLadder(clients[0], workspaceId, items, versions, 10, seq);
      ladder = await latencyLadder(clients[0], workspaceId, items, versions, ctx.quick ? 30 : 100, seq);
      ctx.log(`autosave: one request at a time: /api/health p50 ${fmt(ladder.health.p50)} ms, /api/v1/me ${fmt(ladder.me.p50)} ms, save ${fmt(ladder.save.p50)} ms`);
    }
    for (const n of cfg.levels) {
      const parts = partition(n);
      const editors: Editor[] = parts.map((items, i) => ({ client: clients[i], userId: people[i].userId, items, next: 0 }));
      const before = await currentVersions(ctx.pool, workbookId);
      const versions = new Map(before);
      // Warm-up (also creates each answer once, so measured saves are updates like most autosaves).
      const warm = await httpRound(ctx, workspaceId, editors, versions, { saves: Math.max(cfg.warmupSaves, Math.ceil(ANSWERABLE.length / n)) }, seq);
      await pgssReset(ctx.pool);
      const meter = cpuMeter();
      ctx.profiler?.start();
      const rounds: Awaited<ReturnType<typeof httpRound>>[] = [];
      for (let r = 0; r < cfg.rounds; r++) rounds.push(await httpRound(ctx, workspaceId, editors, versions, { seconds: cfg.roundSeconds }, seq));
      const cpu = meter.stop();
      const profile = await ctx.profiler?.stop(`autosave-${n}`);
      if (n === maxN) cpuAt50 = cpu;
      const stmts = topStatements(await pgssRead(ctx.pool), rounds.reduce((a, r) => a + r.acks.length, 0));
      // At the top level also a paced round: every editor saves once a second (a debounced autosave), not flat out.
      const paced = n === maxN ? await httpRound(ctx, workspaceId, editors, versions, { seconds: cfg.pacedSeconds, paceMs: 1000 }, seq) : undefined;
      const allAcks = [...rounds.flatMap((r) => r.acks), ...(paced?.acks ?? [])];
      // Warm-up saves are checked too: everything acknowledged since `before`.
      const check = await verify(ctx.pool, workbookId, [...warm.acks, ...allAcks], before);
      lostTotal += check.lostUpdates;
      // Raw pg at the editors' pace, on the same rows: only after the check, since it writes no revisions.
      const rawPaced = n === maxN ? await rawPacedRound(ctx.pool, workbookId, parts, people[0].userId, cfg.pacedSeconds, 1000, seq) : undefined;

      // Reference: same rows, same concurrency, same number of writes as each HTTP round.
      const rawRounds = [];
      for (const r of rounds) rawRounds.push(await rawRound(ctx.pool, workbookId, parts, people[0].userId, Math.max(r.acks.length, n), seq));
      // The product's own SQL without the app around it (and, at the top level, the proposed variants).
      const txn: Record<string, { p50: number; p95: number; savesPerSecond: number; conflicts: number }> = {};
      for (const variant of (n === maxN ? ["as-is", "before: statement per step", "before, no sheet lock", "no-notify"] : ["as-is"]) as TxnVariant[]) {
        const total = Math.max(n * 20, Math.round(median(rounds.map((r) => r.acks.length))));
        const t = await rawTxnRound(ctx.pool, { workspaceId, workbookId }, parts, people[0].userId, total, seq, variant);
        const st = summarize(t.lat);
        txn[variant] = { p50: st.p50, p95: st.p95, savesPerSecond: t.count / t.seconds, conflicts: t.conflicts };
      }

      const lat = summarize(rounds.flatMap((r) => r.lat));
      const rawLat = summarize(rawRounds.flatMap((r) => r.lat));
      const rates = rounds.map((r) => r.acks.length / r.seconds);
      const rawRates = rawRounds.map((r) => r.count / r.seconds);
      const roundP95 = rounds.map((r) => summarize(r.lat).p95);
      const conflicts = rounds.reduce((a, r) => a + r.conflicts, 0);
      const errors = rounds.reduce((a, r) => a + r.errors, 0);
      const target50 = n === 50;
      rows.push({
        metric: `${n} editor${n === 1 ? "" : "s"}: throughput`,
        unit: "saves/s",
        value: median(rates),
        spread: spread(Math.min(...rates), Math.max(...rates)),
        n: rounds.length,
        reference: { label: "raw pg", value: median(rawRates) },
        ratio: median(rates) / median(rawRates),
        ...(target50 ? { target: "≥ 0.3× raw pg", met: median(rates) / median(rawRates) >= 0.3 } : {}),
      });
      const savesMeasured = rounds.reduce((a, r) => a + r.acks.length, 0);
      const cpuPerSave = (cpu.app * cpu.seconds * 1000) / Math.max(1, savesMeasured);
      rows.push({
        metric: `${n} editor${n === 1 ? "" : "s"}: app CPU per save`,
        unit: "ms",
        value: cpuPerSave,
        note: `app ${fmt(cpu.app)} cores, PostgreSQL ${fmt(cpu.postgres)}, load generator ${fmt(cpu.client)}, others ${fmt(cpu.other)}`,
        ...(target50 ? { target: "≤ 2", met: cpuPerSave <= 2 } : {}),
      });
      rows.push({
        metric: `${n} editor${n === 1 ? "" : "s"}: save latency`,
        unit: "ms",
        value: lat.p50,
        p95: lat.p95,
        spread: `p95/round ${spread(Math.min(...roundP95), Math.max(...roundP95))}`,
        n: lat.n,
        reference: { label: "raw pg p50", value: rawLat.p50, unit: `(p95 ${fmt(rawLat.p95)})` },
        ratio: lat.p50 / rawLat.p50,
      });
      if (paced && rawPaced) {
        const pl = summarize(paced.lat);
        const rl = summarize(rawPaced.lat);
        rows.push({
          metric: `${n} editors, one save each per second: save latency`,
          unit: "ms",
          value: pl.p50,
          p95: pl.p95,
          n: pl.n,
          reference: { label: "raw pg at the same pace, p95", value: rl.p95, unit: `(p50 ${fmt(rl.p50)})` },
          ratio: pl.p95 / rl.p95,
          target: "p95 ≤ 30 and ≤ 3× raw pg",
          met: pl.p95 <= 30 && pl.p95 <= 3 * rl.p95,
          note: `${fmt(paced.acks.length / paced.seconds)} saves/s offered and served; ${paced.errors} errors`,
        });
      }
      for (const [variant, t] of Object.entries(txn)) {
        rows.push({
          metric: `${n} editor${n === 1 ? "" : "s"}: saveAnswer's SQL over pg${variant === "as-is" ? "" : ` (${variant})`}`,
          unit: "ms",
          value: t.p50,
          p95: t.p95,
          note: `${fmt(t.savesPerSecond)} saves/s`,
        });
      }
      rows.push({
        metric: `${n} editor${n === 1 ? "" : "s"}: lost updates`,
        unit: "saves",
        value: check.lostUpdates,
        n: check.acknowledged,
        target: "0",
        met: check.lostUpdates === 0 && check.duplicateRevision === 0,
        note: `${check.acknowledged} acknowledged; ${conflicts} conflicts, ${errors} errors; duplicate revisions ${check.duplicateRevision}`,
      });
      levels.push({
        editors: n,
        rounds: rounds.map((r, i) => ({
          seconds: r.seconds,
          saves: r.acks.length,
          savesPerSecond: rates[i],
          p50: summarize(r.lat).p50,
          p95: roundP95[i],
          conflicts: r.conflicts,
          errors: r.errors,
          lastError: r.lastError,
        })),
        latency: lat,
        paced: paced ? { latency: summarize(paced.lat), saves: paced.acks.length, seconds: paced.seconds, errors: paced.errors } : undefined,
        rawPaced: rawPaced ? { latency: summarize(rawPaced.lat), seconds: rawPaced.seconds } : undefined,
        raw: { latency: rawLat, rates: rawRates, conflicts: rawRounds.reduce((a, r) => a + r.conflicts, 0) },
        verification: check,
        saveAnswerSql: txn,
        cpu,
        statements: stmts,
        profile,
      });
      ctx.log(
        `autosave: ${n} editors → ${fmt(median(rates))} saves/s, p50 ${fmt(lat.p50)} ms, p95 ${fmt(lat.p95)} ms (raw pg ${fmt(median(rawRates))}/s, p50 ${fmt(rawLat.p50)} ms); lost ${check.lostUpdates}; ${fmt(stmts.statementsPerSave)} statements/save`,
      );
    }
  } finally {
    for (const c of clients) c.close();
  }
  return {
    name: "autosave",
    status: "ok",
    rows,
    cpu: cpuAt50,
    details: { workspaceId, editors: people.length, config: cfg, lostUpdatesTotal: lostTotal, ladder, levels },
    seconds: (performance.now() - started) / 1000,
  };
}
