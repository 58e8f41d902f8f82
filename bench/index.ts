/**
 * `npm run bench -- [autosave|live|render|pdf|startup|all] [--quick] [--cold]`
 *
 * Starts a private PostgreSQL and the app (as `npm start` does, building first
 * if `.next` is missing or stale), seeds what the benchmarks need, runs them,
 * prints a table and writes bench/results/bench-<time>.json (and latest.json).
 * Everything it starts is stopped at the end, also on Ctrl-C or failure.
 */
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { runAutosave } from "./autosave";
import { runLive } from "./live";
import { runPdf } from "./pdf";
import { runRender } from "./render";
import { runStartup } from "./startup";
import { runState } from "./state";
import { sizes, type Ctx } from "./lib/context";
import { cpuMeter, descendants } from "./lib/proc";
import { serverProfiler } from "./lib/profile";
import { gitRevision, machineInfo, table, writeResults, type BenchResult } from "./lib/report";
import { demoInfo, seedDataset } from "./lib/seed";
import { ROOT, cleanupAll, othersUsingBuild, prepareSnapshot, startApp, startBenchDb } from "./lib/stack";
import { checkGeneratedValues } from "./lib/values";

const BENCHMARKS = ["autosave", "live", "render", "pdf", "startup", "state"] as const;
type Name = (typeof BENCHMARKS)[number];

function usage(): never {
  console.log(`Usage: npm run bench -- [${BENCHMARKS.join("|")}|all] [--quick] [--profile] [--snapshot] [--cold]

  --quick     reduced sizes (all benchmarks in under 3 minutes, plus a build when sources changed)
  --profile   CPU-profile the Next.js server around each measured window (slows it down)
  --snapshot  run the app from a private copy of the working tree (its own .next under the
              OS temp folder) instead of building into the repository's .next
  --cold      startup: also time one start with no build (from a copy of the repository)`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const names = argv.filter((a) => !a.startsWith("--"));
  for (const f of flags) if (!["--quick", "--cold", "--snapshot", "--profile", "--help"].includes(f)) usage();
  if (flags.has("--help") || names.length > 1) usage();
  const which = names[0] ?? "all";
  if (which !== "all" && !BENCHMARKS.includes(which as Name)) usage();
  const selected: Name[] = which === "all" ? [...BENCHMARKS] : [which as Name];
  return { selected, quick: flags.has("--quick"), cold: flags.has("--cold"), snapshot: flags.has("--snapshot"), profile: flags.has("--profile") };
}

const t0 = Date.now();
const log = (msg: string) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

let interrupted = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${sig}: stopping everything this run started…`);
    void cleanupAll(log).finally(() => process.exit(130));
  });
}

async function main() {
  const { selected, quick, cold, snapshot, profile } = parseArgs(process.argv.slice(2));
  const profileDir = profile ? path.join(ROOT, "bench", "results", `profile-${new Date(t0).toISOString().replace(/[:.]/g, "-")}`) : undefined;
  checkGeneratedValues();
  const machine = machineInfo();
  const revision = gitRevision();
  log(`${selected.join(", ")}${quick ? " (quick)" : ""} on ${machine.nproc} × ${machine.cpuModel}, load ${machine.loadavgAtStart.join(" ")}`);
  const results: BenchResult[] = [];
  const overall = cpuMeter();
  const stackSetup: Record<string, unknown> = {};
  const needsStack = selected.filter((n) => n !== "startup");
  // Where to run the app from: this checkout, as `npm start` does. But while
  // other people run the app from this checkout, a rebuild (theirs or ours)
  // would pull .next from under the other server, so then use a private copy
  // (as --snapshot does).
  let useSnapshot = snapshot;
  let snapshotDir: string | undefined;
  const appDir = async () => {
    if (!useSnapshot) {
      const busyWith = othersUsingBuild(ROOT);
      if (busyWith.length) {
        log(`other processes run the app from this checkout (${busyWith.join(", ")}): running from a snapshot instead`);
        useSnapshot = true;
      }
    }
    if (!useSnapshot) return ROOT;
    snapshotDir ??= await prepareSnapshot(log);
    return snapshotDir;
  };

  if (needsStack.length) {
    const db = await startBenchDb(log);
    machine.postgres = db.version;
    log(`PostgreSQL ${db.version} on port ${db.port}`);
    const pool = new pg.Pool({ connectionString: db.url, max: 60, application_name: "bench" });
    pool.on("error", () => {});
    const appStarted = performance.now();
    if (profileDir) await mkdir(profileDir, { recursive: true });
    const app = await startApp({
      databaseUrl: db.url,
      log,
      cwd: await appDir(),
      env: profileDir
        ? {
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.join(ROOT, "bench", "lib", "cpu-profile-preload.mjs")).href}`.trim(),
            BENCH_CPU_PROFILE_DIR: profileDir,
          }
        : undefined,
    });
    stackSetup.appStartSeconds = (performance.now() - appStarted) / 1000;
    stackSetup.buildSeconds = app.buildSeconds;
    log(`app healthy at ${app.baseUrl} (next-server pid ${app.nextServerPid() ?? "?"})`);
    const demo = await demoInfo(pool);
    // The dataset every shared-stack benchmark runs against.
    await pool.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt") VALUES ('bu_reader', 'reader@bench.example', 'Bench Reader', $1, now(), now())`,
      [demo.passwordHash],
    );
    const dataset = await seedDataset(pool, {
      prefix: "ds",
      count: sizes(quick).dataset.workspaces,
      passwordHash: demo.passwordHash,
      extraMemberId: "bu_reader",
      memberOf: sizes(quick).render.sample,
    });
    log(
      `seeded ${dataset.workspaces} workspaces, ${dataset.answers.toLocaleString("en-US")} answers, ${dataset.revisions.toLocaleString("en-US")} revisions in ${dataset.seconds.toFixed(1)} s`,
    );
    stackSetup.dataset = { workspaces: dataset.workspaces, answers: dataset.answers, revisions: dataset.revisions, seconds: dataset.seconds };
    let n = 0;
    const profiler = profileDir ? serverProfiler(profileDir, app.nextServerPid, log) : undefined;
    const ctx: Ctx = { quick, cold, log, machine, db, pool, app, demo, dataset, profiler, uid: (p) => `${p}${++n}` };
    const runners: Record<Exclude<Name, "startup">, (c: Ctx) => Promise<BenchResult>> = {
      autosave: runAutosave,
      live: runLive,
      render: runRender,
      pdf: runPdf,
      state: runState,
    };
    try {
      for (const name of needsStack as Exclude<Name, "startup">[]) {
        if (interrupted) break;
        const s = performance.now();
        log(`── ${name}`);
        try {
          results.push(await runners[name](ctx));
        } catch (err) {
          log(`${name} failed: ${(err as Error).stack ?? err}`);
          results.push({ name, status: "failed", reason: (err as Error).message.split("\n")[0], rows: [], seconds: (performance.now() - s) / 1000 });
        }
      }
    } finally {
      await pool.end().catch(() => {});
      await app.stop();
      await db.stop();
    }
  }

  if (selected.includes("startup") && !interrupted) {
    const s = performance.now();
    log("── startup");
    try {
      results.push(await runStartup({ quick, cold, log, appDir }));
    } catch (err) {
      log(`startup failed: ${(err as Error).stack ?? err}`);
      results.push({ name: "startup", status: "failed", reason: (err as Error).message.split("\n")[0], rows: [], seconds: (performance.now() - s) / 1000 });
    }
  }

  const chromium = results.find((r) => r.name === "pdf")?.details?.chromium as { version?: string } | undefined;
  if (chromium?.version) machine.chromium = chromium.version;
  const cpu = overall.stop();
  const busy = cpu.other > 0.25 * cpu.cores || machine.loadavgAtStart[0] > 0.5 * machine.nproc;
  const totalSeconds = (Date.now() - t0) / 1000;
  console.log(`\n${table(results)}\n`);
  for (const r of results) {
    const c = r.cpu;
    if (!c) continue;
    console.log(
      `${r.name.padEnd(9)} CPU while measuring (cores of ${c.cores}): app ${c.app.toFixed(2)}, PostgreSQL ${c.postgres.toFixed(2)}, load generator ${c.client.toFixed(2)}${c.chromium ? `, Chromium ${c.chromium.toFixed(2)}` : ""}${c.ended > 0.01 ? `, processes started and stopped meanwhile ${c.ended.toFixed(2)}` : ""}, other people's processes ${c.other.toFixed(2)}${c.other > 0.25 * c.cores ? "  (busy: provisional)" : ""}`,
    );
  }
  console.log(
    `CPU during the run (average cores, of ${cpu.cores}): this benchmark's processes ${(cpu.all - cpu.other).toFixed(2)}, other people's processes ${cpu.other.toFixed(2)}${busy ? "  → the machine was busy: figures are provisional" : ""}`,
  );
  const file = await writeResults({
    startedAt: new Date(t0).toISOString(),
    totalSeconds,
    quick,
    selected,
    revision,
    snapshot: useSnapshot,
    machine: { ...machine, loadavgAtEnd: os.loadavg() },
    cpu,
    provisional: busy,
    setup: stackSetup,
    profileDir,
    results,
  });
  log(`results written to ${file} (${totalSeconds.toFixed(0)} s in all)`);
  return results.some((r) => r.status === "failed") ? 1 : 0;
}

/** Nothing this run started may outlive it. */
function checkNothingLeft() {
  // tsx's own esbuild service is part of this process's runtime, not something a benchmark started.
  const left = descendants(process.pid).filter((p) => p.pid !== process.pid && p.comm !== "esbuild");
  if (left.length) log(`still running after cleanup: ${left.map((p) => `${p.pid} ${p.comm}`).join(", ")}`);
  return left.length === 0;
}

main()
  .then(async (code) => {
    await cleanupAll(log);
    process.exit(checkNothingLeft() ? code : 1);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanupAll(log);
    process.exit(1);
  });
