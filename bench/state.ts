import type { Ctx } from "./lib/context";
import { Client, mapLimit, signIn } from "./lib/http";
import { cpuMeter, descendants, rssMiB } from "./lib/proc";
import type { BenchResult, Row } from "./lib/report";
import { seedDataset } from "./lib/seed";
import { SseConnection } from "./lib/sse";
import { BENCH_PASSWORD } from "./lib/stack";
import { fmt, summarize } from "./lib/stats";
import { ANSWERABLE, INDEX, valueFor } from "./lib/values";
import { saveStatement } from "../lib/workbook/save-sql";

/**
 * A state-wide deployment on one app instance: 300 plans of 20 members each,
 * with full answers and history, then for 5 minutes at once:
 * - 1,000 open live streams (GET …/events), spread over every plan;
 * - 100 editors, each saving an answer of their own plan every 2 s;
 * - 20 people opening pages (overview or a worksheet), a couple of seconds apart;
 * - 2 PDF exports a minute.
 * Reported: p50/p95 per path, errors, CPU and memory of the app and of
 * PostgreSQL (sampled every 10 s; the memory trend is a least-squares slope
 * after the first minute), and in the same run /api/health once a second and
 * the app's save statement over raw `pg` every 200 ms as references.
 */

type Sizes = { plans: number; members: number; streams: number; editors: number; openers: number; seconds: number; exportsPerMinute: number; saveEveryMs: number };

const sizesFor = (quick: boolean): Sizes =>
  quick
    ? { plans: 30, members: 20, streams: 100, editors: 10, openers: 4, seconds: 60, exportsPerMinute: 2, saveEveryMs: 2000 }
    : { plans: 300, members: 20, streams: 1000, editors: 100, openers: 20, seconds: 300, exportsPerMinute: 2, saveEveryMs: 2000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const num = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return den ? num / den : 0;
}

export async function runState(ctx: Ctx): Promise<BenchResult> {
  const started = performance.now();
  const cfg = sizesFor(ctx.quick);
  const prefix = ctx.uid("st");
  const data = await seedDataset(ctx.pool, { prefix, count: cfg.plans, passwordHash: ctx.demo.passwordHash, members: cfg.members });
  ctx.log(
    `state: seeded ${cfg.plans} plans × ${cfg.members} members, ${data.answers.toLocaleString("en-US")} answers, ${data.revisions.toLocaleString("en-US")} revisions (${data.seconds.toFixed(1)} s)`,
  );
  const plan = (i: number) => ({ id: `bw_${prefix}_${i + 1}`, workbookId: `bb_${prefix}_${i + 1}` });
  const email = (i: number, k: number) => `${prefix}-${i + 1}-${k}@bench.example`;

  // Who signs in: an editor (member 2) in each of the first `editors` plans, a
  // page opener (member 3) in the next plans, and a watcher (member 4) in every
  // plan whose streams stand for the team's open tabs and phones.
  const people = [
    ...Array.from({ length: cfg.editors }, (_, i) => ({ role: "editor" as const, plan: i % cfg.plans, email: email(i % cfg.plans, 2) })),
    ...Array.from({ length: cfg.openers }, (_, i) => ({ role: "opener" as const, plan: (cfg.editors + i) % cfg.plans, email: email((cfg.editors + i) % cfg.plans, 3) })),
    ...Array.from({ length: cfg.plans }, (_, i) => ({ role: "watcher" as const, plan: i, email: email(i, 4) })),
  ];
  const t0 = performance.now();
  const cookies = await mapLimit(people, 4, (p) => signIn(ctx.app.baseUrl, p.email, BENCH_PASSWORD));
  ctx.log(`state: ${people.length} people signed in (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const cookieOf = (role: string) => people.map((p, i) => ({ ...p, cookie: cookies[i] })).filter((p) => p.role === role);

  const errors: Record<string, number> = { save: 0, page: 0, export: 0, stream: 0, health: 0, raw: 0 };
  const lastError: Record<string, string> = {};
  const fail = (path: string, why: string) => {
    errors[path]++;
    lastError[path] = why.slice(0, 200);
  };

  // 1,000 live streams, opened a few at a time.
  const watchers = cookieOf("watcher");
  const ackAt = new Map<string, number>();
  const delivery: number[] = [];
  const streams: SseConnection[] = [];
  let eventsHeard = 0;
  await mapLimit(
    Array.from({ length: cfg.streams }, (_, n) => watchers[n % watchers.length]),
    20,
    async (w) => {
      const s = new SseConnection(`${ctx.app.baseUrl}/api/v1/workspaces/${plan(w.plan).id}/events`, { cookie: w.cookie }, (e) => {
        if (e.event !== "answer.saved") return;
        eventsHeard++;
        const d = JSON.parse(e.data) as { itemKey: string; version: number };
        const at = ackAt.get(`${plan(w.plan).id}:${d.itemKey}:${d.version}`);
        if (at !== undefined) delivery.push(e.at - at);
      });
      streams.push(s);
      try {
        await s.open(60_000);
        if (s.status !== 200) fail("stream", `open answered ${s.status}`);
      } catch (err) {
        fail("stream", (err as Error).message);
      }
    },
  );
  ctx.log(`state: ${streams.length} live streams open (${errors.stream} failed)`);

  const lat: Record<string, number[]> = { save: [], overview: [], worksheet: [], export: [], health: [], raw: [] };
  const samples: Array<{ t: number; app: number; pg: number }> = [];
  let stop = false;
  const deadline = performance.now() + cfg.seconds * 1000;
  const clients: Client[] = [];
  const client = (cookie: string) => {
    const c = new Client(ctx.app.baseUrl);
    c.cookie = cookie;
    clients.push(c);
    return c;
  };

  // The benchmark's own PostgreSQL is a child of this process; the app's processes descend from scripts/start.ts.
  const pgPids = () => descendants(process.pid).filter((p) => p.comm.startsWith("postgres")).map((p) => p.pid);
  const appPids = () => descendants(ctx.app.pid).filter((p) => !p.comm.startsWith("postgres") && p.comm !== "esbuild").map((p) => p.pid);
  const sampleMemory = () => {
    const app = appPids().reduce((a, pid) => a + rssMiB(pid), 0);
    const pg = pgPids().reduce((a, pid) => a + rssMiB(pid), 0);
    samples.push({ t: (performance.now() - t1) / 1000, app, pg });
  };

  const editors = cookieOf("editor").map((e, i) => {
    // Each editor works on items no other editor of that plan touches.
    const same = cookieOf("editor").filter((x) => x.plan === e.plan);
    const slot = same.indexOf(e);
    const items = ANSWERABLE.filter((_, k) => k % same.length === slot);
    return { ...e, c: client(e.cookie), items, i, versions: new Map<string, number>() };
  });
  // Versions as seeded, so the first saves are based on what is stored.
  for (const ed of editors) {
    const { rows } = await ctx.pool.query<{ itemKey: string; version: number }>(`SELECT "itemKey", version FROM "Answer" WHERE "workbookId" = $1`, [plan(ed.plan).workbookId]);
    for (const r of rows) ed.versions.set(r.itemKey, r.version);
  }
  let seq = 5_000_000;
  const meter = cpuMeter();
  const t1 = performance.now();
  sampleMemory();
  const sampler = setInterval(sampleMemory, 10_000);

  const editorLoops = editors.map(async (ed) => {
    const offset = (cfg.saveEveryMs * ed.i) / editors.length;
    for (let n = 0; ; n++) {
      await sleep(t1 + offset + n * cfg.saveEveryMs - performance.now());
      if (stop || performance.now() >= deadline) return;
      const it = ed.items[n % ed.items.length];
      const base = ed.versions.get(it.key) ?? 0;
      try {
        const res = await ed.c.putJson(`/api/v1/workspaces/${plan(ed.plan).id}/answers/${encodeURIComponent(it.key)}`, { value: valueFor(it.item, ++seq), baseVersion: base });
        if (res.status === 200) {
          const v = (JSON.parse(res.body.toString("utf8")) as { version: number }).version;
          ed.versions.set(it.key, v);
          ackAt.set(`${plan(ed.plan).id}:${it.key}:${v}`, res.endedAt);
          lat.save.push(res.ms);
        } else if (res.status === 409) {
          fail("save", `409 where none was expected (${it.key})`);
          const cur = (JSON.parse(res.body.toString("utf8")) as { current?: { version?: number } }).current;
          if (typeof cur?.version === "number") ed.versions.set(it.key, cur.version);
        } else fail("save", `${res.status} ${res.body.toString("utf8").slice(0, 120)}`);
      } catch (err) {
        fail("save", (err as Error).message);
      }
    }
  });

  const openers = cookieOf("opener").map((o, i) => ({ ...o, c: client(o.cookie), i }));
  const openerLoops = openers.map(async (o) => {
    await sleep((2000 * o.i) / openers.length);
    for (let n = 0; !stop && performance.now() < deadline; n++) {
      const overview = n % 3 === 0;
      const sheet = INDEX.worksheets[(n * 7 + o.i) % INDEX.worksheets.length];
      const path = overview ? `/w/${plan(o.plan).id}` : `/w/${plan(o.plan).id}/worksheets/${sheet.key}`;
      try {
        const res = await o.c.get(path);
        if (res.status === 200) (overview ? lat.overview : lat.worksheet).push(res.ms);
        else fail("page", `${res.status} ${path}`);
      } catch (err) {
        fail("page", (err as Error).message);
      }
      // Reading the page a moment before opening the next.
      await sleep(1000 + ((n * 389 + o.i * 97) % 2000));
    }
  });

  const exporter = (async () => {
    const c = client(openers[0]?.cookie ?? editors[0].cookie);
    const p = openers[0]?.plan ?? editors[0].plan;
    const every = 60_000 / cfg.exportsPerMinute;
    for (let n = 0; ; n++) {
      await sleep(t1 + 5_000 + n * every - performance.now());
      if (stop || performance.now() >= deadline) return;
      try {
        const res = await c.get(`/api/v1/workspaces/${plan(p).id}/export.pdf?kind=workbook`, { timeoutMs: 180_000 });
        if (res.status === 200) lat.export.push(res.ms);
        else fail("export", `${res.status} ${res.body.toString("utf8").slice(0, 120)}`);
      } catch (err) {
        fail("export", (err as Error).message);
      }
    }
  })();

  const healthLoop = (async () => {
    const c = new Client(ctx.app.baseUrl);
    clients.push(c);
    for (let n = 0; ; n++) {
      await sleep(t1 + 500 + n * 1000 - performance.now());
      if (stop || performance.now() >= deadline) return;
      try {
        const res = await c.get("/api/health");
        if (res.status === 200) lat.health.push(res.ms);
        else fail("health", String(res.status));
      } catch (err) {
        fail("health", (err as Error).message);
      }
    }
  })();

  // Raw pg: the app's own save statement (lib/workbook/save-sql.ts) on a plan
  // nobody edits through the app, every 200 ms, one connection.
  const rawLoop = (async () => {
    const target = plan(cfg.plans - 1);
    const versions = new Map<string, number>();
    const { rows } = await ctx.pool.query<{ itemKey: string; version: number }>(`SELECT "itemKey", version FROM "Answer" WHERE "workbookId" = $1`, [target.workbookId]);
    for (const r of rows) versions.set(r.itemKey, r.version);
    const userId = `bu_${prefix}_${cfg.plans}_1`;
    for (let n = 0; ; n++) {
      await sleep(t1 + 100 + n * 200 - performance.now());
      if (stop || performance.now() >= deadline) return;
      const it = ANSWERABLE[n % ANSWERABLE.length];
      const base = versions.get(it.key) ?? 0;
      const value = valueFor(it.item, ++seq);
      const at = new Date().toISOString();
      const s = performance.now();
      try {
        const r = await ctx.pool.query<{ saved: number | null }>(
          saveStatement({
            workbookId: target.workbookId,
            workspaceId: target.id,
            worksheetKey: it.worksheetKey,
            itemKey: it.key,
            newValue: JSON.stringify(value),
            baseVersion: base,
            userId,
            updatedAt: at,
            event: JSON.stringify({ itemKey: it.key, worksheetKey: it.worksheetKey, version: base + 1, value, updatedBy: { id: userId, name: "Bench" }, updatedAt: at }),
            restoredFromId: null,
            audit: null,
          }),
        );
        lat.raw.push(performance.now() - s);
        if (r.rows[0]?.saved == null) fail("raw", `conflict on ${it.key}`);
        else versions.set(it.key, base + 1);
      } catch (err) {
        fail("raw", (err as Error).message);
      }
    }
  })();

  await Promise.all([...editorLoops, ...openerLoops, exporter, healthLoop, rawLoop]);
  stop = true;
  clearInterval(sampler);
  sampleMemory();
  const cpu = meter.stop();
  const seconds = (performance.now() - t1) / 1000;
  const droppedStreams = streams.filter((s) => s.ended).length;
  if (droppedStreams) fail("stream", `${droppedStreams} streams ended during the run`);
  for (const s of streams) s.close();
  for (const c of clients) c.close();

  // Memory: trend after the first minute (warm-up: caches, JIT), as % of the mean per minute.
  const steady = samples.filter((s) => s.t >= Math.min(60, seconds / 3));
  const trend = (pick: (s: (typeof samples)[number]) => number) => {
    const pts = steady.map((s) => [s.t / 60, pick(s)] as [number, number]);
    const mean = pts.reduce((a, p) => a + p[1], 0) / Math.max(1, pts.length);
    return { perMinuteMiB: slope(pts), perMinutePct: mean ? (100 * slope(pts)) / mean : 0, mean, first: samples[0] ? pick(samples[0]) : NaN, last: samples.length ? pick(samples[samples.length - 1]) : NaN };
  };
  const appMem = trend((s) => s.app);
  const pgMem = trend((s) => s.pg);

  const S = Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, summarize(v)])) as Record<string, ReturnType<typeof summarize>>;
  const deliveries = summarize(delivery);
  const totalErrors = Object.values(errors).reduce((a, b) => a + b, 0);
  const rows: Row[] = [
    {
      metric: `save (${cfg.editors} editors, one save each every ${cfg.saveEveryMs / 1000} s)`,
      unit: "ms",
      value: S.save.p50,
      p95: S.save.p95,
      n: S.save.n,
      reference: { label: "raw pg, same statement, p95", value: S.raw.p95, unit: `(p50 ${fmt(S.raw.p50)})` },
      ratio: S.save.p95 / S.raw.p95,
      target: "p95 ≤ 100",
      met: S.save.p95 <= 100,
    },
    {
      metric: "workbook overview page",
      unit: "ms",
      value: S.overview.p50,
      p95: S.overview.p95,
      n: S.overview.n,
      reference: { label: "/api/health p95", value: S.health.p95, unit: `(p50 ${fmt(S.health.p50)})` },
      ratio: S.overview.p95 / S.health.p95,
      target: "p95 ≤ 10× /api/health p95",
      met: S.overview.p95 <= 10 * S.health.p95,
    },
    {
      metric: "worksheet page",
      unit: "ms",
      value: S.worksheet.p50,
      p95: S.worksheet.p95,
      n: S.worksheet.n,
      reference: { label: "/api/health p95", value: S.health.p95 },
      ratio: S.worksheet.p95 / S.health.p95,
      target: "p95 ≤ 10× /api/health p95",
      met: S.worksheet.p95 <= 10 * S.health.p95,
    },
    { metric: `PDF export (${cfg.exportsPerMinute} a minute)`, unit: "ms", value: S.export.p50, p95: S.export.p95, n: S.export.n },
    { metric: "/api/health (reference, once a second)", unit: "ms", value: S.health.p50, p95: S.health.p95, n: S.health.n },
    { metric: "raw pg: the save statement (reference, every 200 ms)", unit: "ms", value: S.raw.p50, p95: S.raw.p95, n: S.raw.n },
    {
      metric: `live: save response → event (${cfg.streams} streams open)`,
      unit: "ms",
      value: deliveries.p50,
      p95: deliveries.p95,
      n: deliveries.n,
      note: `${eventsHeard.toLocaleString("en-US")} answer events delivered`,
    },
    {
      metric: "errors",
      unit: "",
      value: totalErrors,
      target: "0",
      met: totalErrors === 0,
      note: Object.entries(errors)
        .filter(([, n]) => n)
        .map(([k, n]) => `${k} ${n} (last: ${lastError[k]})`)
        .join("; "),
    },
    {
      metric: "app memory (RSS of all its processes)",
      unit: "MiB",
      value: appMem.mean,
      note: `trend ${appMem.perMinutePct >= 0 ? "+" : ""}${appMem.perMinutePct.toFixed(2)} %/min after the first minute (${fmt(appMem.perMinuteMiB)} MiB/min); start ${fmt(appMem.first)}, end ${fmt(appMem.last)}`,
      target: "trend < 1 %/min",
      met: Math.abs(appMem.perMinutePct) < 1,
    },
    {
      metric: "PostgreSQL memory (RSS, shared buffers counted per process)",
      unit: "MiB",
      value: pgMem.mean,
      note: `trend ${pgMem.perMinutePct >= 0 ? "+" : ""}${pgMem.perMinutePct.toFixed(2)} %/min; start ${fmt(pgMem.first)}, end ${fmt(pgMem.last)}`,
    },
    {
      metric: "CPU (cores of 2)",
      unit: "cores",
      value: cpu.app,
      note: `app ${fmt(cpu.app)}, PostgreSQL ${fmt(cpu.postgres)}, load generator ${fmt(cpu.client)}, other people's processes ${fmt(cpu.other)}`,
    },
  ];
  ctx.log(
    `state: ${fmt(seconds)} s; save p95 ${fmt(S.save.p95)} ms, overview p95 ${fmt(S.overview.p95)} ms, worksheet p95 ${fmt(S.worksheet.p95)} ms, health p95 ${fmt(S.health.p95)} ms, errors ${totalErrors}`,
  );
  return {
    name: "state",
    status: "ok",
    rows,
    cpu,
    details: { config: cfg, seconds, latency: S, delivery: deliveries, errors, lastError, memory: { app: appMem, postgres: pgMem, samples }, droppedStreams },
    seconds: (performance.now() - started) / 1000,
  };
}
