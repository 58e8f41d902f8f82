import { rm } from "node:fs/promises";
import type { Logger } from "./lib/stack";
import { ROOT, buildIsCurrent, copyTree, startApp, tempDir } from "./lib/stack";
import { sizes } from "./lib/context";
import { cpuMeter } from "./lib/proc";
import type { BenchResult, Row } from "./lib/report";
import { fmt, median, spread } from "./lib/stats";

/**
 * Start-up: `npm start` (scripts/start.ts) from an empty DATA_DIR, with the
 * build already present, until /api/health answers 200. That includes
 * creating and starting the embedded PostgreSQL, migrating, seeding the demo
 * workspace and starting Next.js. With --cold, also once from a copy of the
 * repository without `.next`, so the time includes `next build`.
 */

const PHASES: Array<{ key: string; match: RegExp }> = [
  { key: "pgStarting", match: /\[start\] starting embedded PostgreSQL/ },
  { key: "pgReady", match: /\[start\] PostgreSQL is running/ },
  { key: "migrated", match: /\[start\] (applied \d+ migration|database schema is up to date)/ },
  { key: "nextReady", match: /Ready in/ },
];

type Run = { totalMs: number; stopMs: number; phases: Record<string, number>; built: boolean };

async function oneStart(log: Logger, cwd = ROOT): Promise<Run> {
  const dataDir = await tempDir("crisis-bench-start-");
  const phases: Record<string, number> = {};
  let built = false;
  const t0 = performance.now();
  try {
    const app = await startApp({
      dataDir,
      cwd,
      log,
      pollMs: 50,
      onLine: (line, at) => {
        if (line.includes("building the app")) built = true;
        for (const p of PHASES) if (phases[p.key] === undefined && p.match.test(line)) phases[p.key] = at - t0;
      },
    });
    const totalMs = performance.now() - t0;
    const s0 = performance.now();
    await app.stop();
    return { totalMs, stopMs: performance.now() - s0, phases, built };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A copy of the repository without .next (node_modules hard-linked), for a cold build. */
async function repoCopy(): Promise<string> {
  return copyTree(await tempDir("crisis-bench-cold-"));
}

export async function runStartup(opts: { quick: boolean; cold: boolean; log: Logger; appDir?: () => Promise<string> }): Promise<BenchResult> {
  const appDir = opts.appDir ?? (async () => ROOT);
  const started = performance.now();
  const cfg = sizes(opts.quick).startup;
  const log = opts.log;
  const details: Record<string, unknown> = { config: cfg };
  const first = await appDir();
  if (!buildIsCurrent(first)) {
    log("startup: the build is missing or stale; one untimed start builds it first");
    const warm = await oneStart(log, first);
    details.buildRunMs = warm.totalMs;
  }
  const meter = cpuMeter();
  const runs: Run[] = [];
  let attempts = 0;
  while (runs.length < cfg.runs && attempts < cfg.runs + 2) {
    attempts++;
    const r = await oneStart(log, await appDir());
    if (r.built) {
      log("startup: sources changed meanwhile and this start rebuilt; not counted");
      continue;
    }
    runs.push(r);
    log(`startup: run ${runs.length}: ${fmt(r.totalMs)} ms to healthy`);
  }
  const cpu = meter.stop();
  if (!runs.length) throw new Error("every start rebuilt the app (sources kept changing); no figure");
  const totals = runs.map((r) => r.totalMs);
  // Durations of each step (ms): start.ts loaded → PostgreSQL initdb+start → migrations → demo seed, Next.js start → first healthy answer.
  const steps: Array<[string, (r: Run) => number]> = [
    ["tsx + start.ts loaded", (r) => r.phases.pgStarting],
    ["PostgreSQL initdb + start", (r) => r.phases.pgReady - r.phases.pgStarting],
    ["migrations", (r) => r.phases.migrated - r.phases.pgReady],
    ["demo seed + Next.js start", (r) => r.phases.nextReady - r.phases.migrated],
    ["first /api/health", (r) => r.totalMs - r.phases.nextReady],
  ];
  const phaseMedians = Object.fromEntries(steps.map(([k, f]) => [k, median(runs.map(f).filter((x) => Number.isFinite(x)))]));
  const rows: Row[] = [
    {
      metric: "npm start → /api/health 200 (clean DATA_DIR, build present)",
      unit: "ms",
      value: median(totals),
      spread: spread(Math.min(...totals), Math.max(...totals)),
      n: runs.length,
      note: `steps (median ms): ${steps.map(([k]) => `${k} ${fmt(phaseMedians[k])}`).join(", ")}`,
    },
    {
      metric: "stop (SIGTERM → exited, PostgreSQL stopped)",
      unit: "ms",
      value: median(runs.map((r) => r.stopMs)),
      spread: spread(Math.min(...runs.map((r) => r.stopMs)), Math.max(...runs.map((r) => r.stopMs))),
      n: runs.length,
    },
  ];
  if (opts.cold) {
    const copy = await repoCopy();
    try {
      log("startup: cold start from a copy without .next (includes next build)…");
      const r = await oneStart(log, copy);
      rows.push({ metric: "npm start with no build (copy of the repo; includes next build)", unit: "ms", value: r.totalMs, n: 1 });
      details.cold = r;
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }
  return { name: "startup", status: "ok", rows, cpu, details: { ...details, runs, phaseMedians }, seconds: (performance.now() - started) / 1000 };
}
