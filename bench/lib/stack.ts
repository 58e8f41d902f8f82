import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { buildIsCurrent as sameRuleAsStart } from "../../scripts/lib/build-stamp";
import { createWriteStream, existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";
import { alive, descendants, findNextServer } from "./proc";

/**
 * The system under test: our own embedded PostgreSQL (so we can seed it with
 * plain SQL and read pg_stat_statements), and the app started exactly as
 * `npm start` does (scripts/start.ts), which builds first when `.next` is
 * missing or older than the sources.
 */

export const ROOT = process.cwd();
export const BENCH_PASSWORD = "bench-password";
export const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export type Logger = (msg: string) => void;

/** Everything that must be stopped at the end, newest first. */
const cleanups: Array<{ name: string; fn: () => Promise<void> }> = [];

export function onCleanup(name: string, fn: () => Promise<void>) {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export async function cleanupAll(log: Logger = () => {}) {
  while (cleanups.length) {
    const c = cleanups.pop()!;
    try {
      await c.fn();
    } catch (err) {
      log(`cleanup of ${c.name} failed: ${(err as Error).message}`);
    }
  }
}

export async function tempDir(prefix: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
  await chmod(dir, 0o755);
  return dir;
}

// ---------------------------------------------------------------- database

export type BenchDb = {
  /** URL of the app's database ("bench"). */
  url: string;
  adminUrl: string;
  port: number;
  version: string;
  stop: () => Promise<void>;
};

const DB_SETTINGS: Record<string, string> = {
  // 100 SSE subscribers + 100 raw LISTEN clients + the app's pools need more than the default 100.
  max_connections: "400",
  shared_preload_libraries: "pg_stat_statements",
  "pg_stat_statements.max": "5000",
};

export async function startBenchDb(log: Logger): Promise<BenchDb> {
  const dir = await tempDir("crisis-bench-db-");
  const dataDir = path.join(dir, "pg");
  const port = await freePort();
  let server: EmbeddedServer | undefined;
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const unregister = onCleanup("benchmark PostgreSQL", async () => {
    await server?.stop();
    await removeDir();
  });
  try {
    server = await startEmbedded({ dataDir, port, persistent: true, log });
    const first = server;
    const admin = new pg.Client({ connectionString: first.url() });
    await admin.connect();
    for (const [k, v] of Object.entries(DB_SETTINGS)) await admin.query(`ALTER SYSTEM SET ${k} = '${v}'`);
    await admin.end();
    // Those settings need a restart.
    await first.stop();
    server = await startEmbedded({ dataDir, port, persistent: true, log });
    const c = new pg.Client({ connectionString: server.url() });
    await c.connect();
    await c.query("CREATE DATABASE bench");
    const version = (await c.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
    await c.end();
    const c2 = new pg.Client({ connectionString: server.url("bench") });
    await c2.connect();
    await c2.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await c2.end();
    const s = server;
    return {
      url: s.url("bench"),
      adminUrl: s.url(),
      port,
      version,
      stop: async () => {
        unregister();
        await s.stop();
        await removeDir();
      },
    };
  } catch (err) {
    unregister();
    await server?.stop().catch(() => {});
    await removeDir();
    throw err;
  }
}

// ---------------------------------------------------------------- build check

/** Whether `npm start` would reuse the current `.next` build. */
export function buildIsCurrent(root = ROOT): boolean {
  return sameRuleAsStart(root);
}

const COPY_SKIP = new Set(["node_modules", ".next", ".data", ".git", "test-results", "playwright-report"]);

/**
 * Copies the working tree (sources keep their modification times, so the
 * build-staleness rule still works) into `dir`, keeping `dir/.next` from an
 * earlier copy, and links node_modules back to the repository.
 */
export async function copyTree(dir: string) {
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir)) {
    if (entry === ".next" || entry === "node_modules" || entry === ".node_modules-stamp") continue;
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
  const results = path.join(ROOT, "bench", "results");
  for (const entry of readdirSync(ROOT)) {
    if (COPY_SKIP.has(entry)) continue;
    await cp(path.join(ROOT, entry), path.join(dir, entry), {
      recursive: true,
      preserveTimestamps: true,
      filter: (src) => !src.startsWith(results),
    });
  }
  await linkNodeModules(dir);
  return dir;
}

/**
 * node_modules for a copy: hard links to the repository's files (Turbopack
 * refuses a node_modules symlink that points outside the project root). Fast,
 * and takes no space; redone when package-lock.json changes.
 */
async function linkNodeModules(dir: string) {
  const target = path.join(dir, "node_modules");
  const stampFile = path.join(dir, ".node_modules-stamp");
  const lock = path.join(ROOT, "package-lock.json");
  const stamp = existsSync(lock) ? String(statSync(lock).mtimeMs) : "none";
  const current = existsSync(target) && !lstatSync(target).isSymbolicLink() && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (current) return;
  await rm(target, { recursive: true, force: true });
  const r = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), target], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) {
    // Another filesystem: fall back to a real copy.
    await cp(path.join(ROOT, "node_modules"), target, { recursive: true, verbatimSymlinks: true });
  }
  // Build steps write into node_modules/.cache (e.g. the PDF worker); a hard-linked file written in
  // place would change the repository's copy too, so the copy gets its own.
  await rm(path.join(target, ".cache"), { recursive: true, force: true });
  writeFileSync(stampFile, stamp);
}

/**
 * Processes other people run from `root` that use or rebuild its .next right
 * now: Next.js servers and builds, and scripts/start.ts (which rebuilds when
 * sources changed).
 */
export function othersUsingBuild(root = ROOT): number[] {
  const out: number[] = [];
  const mine = new Set(descendants(process.pid).map((p) => p.pid));
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (mine.has(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!/^next-(server|build)|next(\/dist\/bin\/next)? (start|build|dev)|scripts\/start\.ts/.test(cmd)) continue;
      if (readlinkSync(`/proc/${pid}/cwd`) === root) out.push(pid);
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

/**
 * --snapshot: run the app from a private copy of the working tree under the
 * OS temp folder (kept between runs, so it rebuilds only when sources
 * changed). The repository's own `.next` is left alone, which matters while
 * other people run the app from it.
 */
export async function prepareSnapshot(log: Logger) {
  const dir = path.join(os.tmpdir(), "crisis-bench-snapshot");
  await copyTree(dir);
  log(`running from a snapshot of the working tree in ${dir}${buildIsCurrent(dir) ? "" : " (will build)"}`);
  return dir;
}

// ---------------------------------------------------------------- app

export type App = {
  baseUrl: string;
  port: number;
  /** pid of scripts/start.ts (the process group leader). */
  pid: number;
  dataDir: string;
  /** Seconds spent building before the server started (0 when the build was current). */
  buildSeconds: number;
  nextServerPid: () => number | null;
  output: () => string;
  stop: () => Promise<void>;
};

export type StartAppOptions = {
  /** Use this database; without it scripts/start.ts starts its own embedded PostgreSQL in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  cwd?: string;
  env?: Record<string, string>;
  healthTimeoutMs?: number;
  pollMs?: number;
  log: Logger;
  /** Each output line with the time it arrived (performance.now()). */
  onLine?: (line: string, at: number) => void;
};

export async function waitForHealth(baseUrl: string, opts: { timeoutMs: number; pollMs?: number; stillRunning?: () => boolean }) {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (opts.stillRunning && !opts.stillRunning()) return false;
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 200));
  }
  return false;
}

async function waitExit(child: ChildProcess, ms: number) {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise<boolean>((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

export async function startApp(opts: StartAppOptions): Promise<App> {
  const dataDir = opts.dataDir ?? (await tempDir("crisis-bench-app-"));
  const ownsDir = !opts.dataDir;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const cwd = opts.cwd ?? ROOT;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    DATABASE_URL: opts.databaseUrl ?? "",
    EMBEDDED_PG_PORT: "",
    DEMO_SEED: "true",
    DEMO_PASSWORD: BENCH_PASSWORD,
    SIGNIN_MAX_ATTEMPTS: "10000",
    SMTP_URL: "",
    ...opts.env,
  };
  const lines: string[] = [];
  const logFile = createWriteStream(path.join(dataDir, "start.log"));
  const started = performance.now();
  let buildStarted: number | null = null;
  let buildEnded: number | null = null;
  let banners = 0;
  const child = spawn(process.execPath, [path.join(cwd, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
    cwd,
    env,
    detached: true, // its own process group, so nothing it starts can outlive the benchmark
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid!;
  const onData = (chunk: Buffer) => {
    const at = performance.now();
    const text = chunk.toString("utf8");
    logFile.write(text);
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 400) lines.shift();
      if (line.includes("building the app")) {
        buildStarted = at;
        opts.log("building the app (stale or missing .next)…");
      }
      // The build prints one "▲ Next.js" banner, `next start` the second.
      if (buildStarted !== null && /▲ Next\.js/.test(line) && ++banners === 2) buildEnded = at;
      opts.onLine?.(line, at);
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    unregister();
    const tree = descendants(pid).map((p) => p.pid);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitExit(child, 20_000))) {
        opts.log(`scripts/start.ts (pid ${pid}) did not stop within 20 s; killing its process group`);
      }
    }
    // Anything of ours still running (it should not be): end the group, then the stragglers by pid.
    const left = tree.filter(alive);
    if (left.length) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        /* group already gone */
      }
      await new Promise((r) => setTimeout(r, 1500));
      for (const p of left.filter(alive)) {
        try {
          process.kill(p, "SIGKILL");
        } catch {
          /* gone */
        }
      }
    }
    logFile.end();
    if (ownsDir) await rm(dataDir, { recursive: true, force: true });
  };
  const unregister = onCleanup(`app on port ${port}`, stop);

  const ok = await waitForHealth(baseUrl, {
    timeoutMs: opts.healthTimeoutMs ?? 15 * 60_000,
    pollMs: opts.pollMs,
    stillRunning: () => child.exitCode === null && child.signalCode === null,
  });
  if (!ok) {
    const out = lines.slice(-60).join("\n");
    await stop();
    throw new Error(`The app did not become healthy (scripts/start.ts output follows):\n${out}`);
  }
  const buildSeconds = buildStarted !== null ? ((buildEnded ?? performance.now()) - buildStarted) / 1000 : 0;
  if (buildStarted !== null) opts.log(`build finished in ${buildSeconds.toFixed(0)} s (not part of any figure)`);
  void started;
  return {
    baseUrl,
    port,
    pid,
    dataDir,
    buildSeconds,
    nextServerPid: () => findNextServer(pid),
    output: () => lines.join("\n"),
    stop,
  };
}
