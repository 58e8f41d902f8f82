import type { Ctx } from "./lib/context";
import { sizes } from "./lib/context";
import { Client, signIn } from "./lib/http";
import { cpuMeter } from "./lib/proc";
import type { BenchResult, Row } from "./lib/report";
import { pgssRead, pgssReset } from "./lib/seed";
import { BENCH_PASSWORD } from "./lib/stack";
import { fmt, median, spread, summarize } from "./lib/stats";
import { INDEX } from "./lib/values";

/**
 * Page render: the full HTML response of the workbook overview /w/{id} and of
 * a worksheet page /w/{id}/worksheets/{key}, signed in, one request at a time,
 * for workspaces picked across the seeded dataset (each workspace has an
 * answer to every item and 300 saved versions; the reader belongs to the
 * sampled ones only). Reference: /api/health, interleaved in the same rounds.
 */

type Kind = "overview" | "worksheet" | "health";

export async function runRender(ctx: Ctx): Promise<BenchResult> {
  const started = performance.now();
  const cfg = sizes(ctx.quick).render;
  const ds = ctx.dataset;
  // The reader belongs to these workspaces, spread evenly over the dataset.
  const sample = ds.memberOf;
  const worksheets = INDEX.worksheets.map((w) => ({ key: w.key, title: w.title }));
  const client = new Client(ctx.app.baseUrl);
  client.cookie = await signIn(ctx.app.baseUrl, "reader@bench.example", BENCH_PASSWORD);
  let cursor = 0;
  const pick = (kind: Kind) => {
    const i = cursor++;
    const ws = sample[i % sample.length];
    const sheet = worksheets[(i * 7) % worksheets.length];
    if (kind === "overview") return { path: `/w/${ws}`, expect: "Bench plan" };
    if (kind === "worksheet") return { path: `/w/${ws}/worksheets/${sheet.key}`, expect: "Bench plan" };
    return { path: "/api/health", expect: '"ok"' };
  };
  const sizesSeen: Record<Kind, number[]> = { overview: [], worksheet: [], health: [] };
  const request = async (kind: Kind) => {
    const { path, expect } = pick(kind);
    const res = await client.get(path);
    const body = res.body.toString("utf8");
    if (res.status !== 200 || !body.includes(expect)) {
      throw new Error(`GET ${path} answered ${res.status}${res.headers.location ? ` → ${res.headers.location}` : ""}: ${body.slice(0, 160)}`);
    }
    sizesSeen[kind].push(res.body.length);
    return res.ms;
  };
  const kinds: Kind[] = ["overview", "worksheet", "health"];
  try {
    for (let i = 0; i < cfg.warmup; i++) for (const k of kinds) await request(k);
    const meter = cpuMeter();
    ctx.profiler?.start();
    const samples: Record<Kind, number[]> = { overview: [], worksheet: [], health: [] };
    const roundMedians: Record<Kind, number[]> = { overview: [], worksheet: [], health: [] };
    for (let r = 0; r < cfg.rounds; r++) {
      const round: Record<Kind, number[]> = { overview: [], worksheet: [], health: [] };
      for (let i = 0; i < cfg.perRound; i++) for (const k of kinds) round[k].push(await request(k));
      for (const k of kinds) {
        samples[k].push(...round[k]);
        roundMedians[k].push(median(round[k]));
      }
    }
    const cpu = meter.stop();
    const profile = await ctx.profiler?.stop("render");

    // How many SQL statements one render issues (pg_stat_statements), per page kind.
    const statements: Record<string, unknown> = {};
    for (const k of kinds) {
      const reps = 5;
      await pgssReset(ctx.pool);
      for (let i = 0; i < reps; i++) await request(k);
      const stats = (await pgssRead(ctx.pool)).filter((s) => !s.query.includes("/*bench*/"));
      const calls = stats.reduce((a, s) => a + s.calls, 0);
      statements[k] = {
        perRequest: calls / reps,
        dbMsPerRequest: stats.reduce((a, s) => a + s.totalMs, 0) / reps,
        top: stats.slice(0, 10).map((s) => ({ perRequest: s.calls / reps, meanMs: Math.round(s.meanMs * 1000) / 1000, query: s.query.slice(0, 200) })),
      };
    }

    const health = summarize(samples.health);
    const rows: Row[] = [];
    for (const k of ["overview", "worksheet"] as const) {
      const s = summarize(samples[k]);
      const st = statements[k] as { perRequest: number };
      rows.push({
        metric: k === "overview" ? "workbook overview /w/{id}" : "worksheet /w/{id}/worksheets/{key}",
        unit: "ms",
        value: s.p50,
        p95: s.p95,
        spread: `medians/round ${spread(Math.min(...roundMedians[k]), Math.max(...roundMedians[k]))}`,
        n: s.n,
        reference: { label: "/api/health p50", value: health.p50 },
        ratio: s.p50 / health.p50,
        target: "p50 ≤ 100",
        met: s.p50 <= 100,
        note: `${fmt(median(sizesSeen[k]) / 1024)} KiB HTML, ${fmt(st.perRequest)} SQL statements per render`,
      });
    }
    rows.push({ metric: "/api/health (reference)", unit: "ms", value: health.p50, p95: health.p95, spread: `IQR ${spread(health.q1, health.q3)}`, n: health.n });
    ctx.log(
      `render: overview p50 ${fmt(summarize(samples.overview).p50)} ms, worksheet p50 ${fmt(summarize(samples.worksheet).p50)} ms, health p50 ${fmt(health.p50)} ms`,
    );
    return {
      name: "render",
      status: "ok",
      rows,
      cpu,
      details: {
        config: cfg,
        dataset: { workspaces: ds.workspaces, answers: ds.answers, revisions: ds.revisions },
        sampledWorkspaces: sample.length,
        latency: Object.fromEntries(kinds.map((k) => [k, summarize(samples[k])])),
        htmlBytes: Object.fromEntries(kinds.map((k) => [k, median(sizesSeen[k])])),
        statements,
        profile,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    client.close();
  }
}
