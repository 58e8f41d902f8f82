import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";

/**
 * Process-tree helpers on /proc (Linux only): which processes this benchmark
 * started, how much memory the web server holds, and how much CPU other
 * people's processes used while we measured.
 */

type ProcStat = { pid: number; ppid: number; comm: string; cpuTicks: number; childTicks: number };

function readStat(pid: number): ProcStat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm is in parentheses and may contain spaces: split after the last ')'.
    const close = raw.lastIndexOf(")");
    const comm = raw.slice(raw.indexOf("(") + 1, close);
    const f = raw.slice(close + 2).split(" ");
    // f[0] = state (field 3), so field N is f[N - 3].
    return {
      pid,
      ppid: Number(f[1]),
      comm,
      cpuTicks: Number(f[11]) + Number(f[12]),
      childTicks: Number(f[13]) + Number(f[14]),
    };
  } catch {
    return null;
  }
}

function allStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/** `root` and every process below it. */
export function descendants(root: number, stats = allStats()): ProcStat[] {
  const byParent = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = byParent.get(s.ppid) ?? [];
    list.push(s);
    byParent.set(s.ppid, list);
  }
  const self = stats.find((s) => s.pid === root);
  const out: ProcStat[] = self ? [self] : [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift()!;
    for (const c of byParent.get(p) ?? []) {
      out.push(c);
      queue.push(c.pid);
    }
  }
  return out;
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

/** Resident memory of one process in MiB (VmRSS), or NaN when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Next.js server process below `root`: the one named next-server, else the
 * node process running `next start` with the most memory.
 */
export function findNextServer(root: number): number | null {
  const tree = descendants(root);
  const named = tree.find((p) => p.comm.startsWith("next-server") || cmdline(p.pid).startsWith("next-server"));
  if (named) return named.pid;
  const candidates = tree.filter((p) => /next(\/dist\/bin\/next)? start/.test(cmdline(p.pid)));
  candidates.sort((a, b) => rssMiB(b.pid) - rssMiB(a.pid));
  return candidates[0]?.pid ?? null;
}

function totalBusyTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export type CpuReport = {
  cores: number;
  seconds: number;
  /** Average cores busy with anything during the window. */
  all: number;
  /** Average cores used by this benchmark process (the load generator). */
  client: number;
  /** Average cores used by the app (scripts/start.ts, Next.js and its workers). */
  app: number;
  /** Average cores used by the PostgreSQL servers this benchmark started. */
  postgres: number;
  /** Average cores used by Chromium (PDF reference). */
  chromium: number;
  /** Average cores used by this benchmark's processes that ended during the window (not attributable above). */
  ended: number;
  /** Average cores used by everything else on the machine (other people's work). */
  other: number;
};

type Snapshot = { busy: number; client: number; app: number; postgres: number; chromium: number; ended: number; at: number };

function snapshot(): Snapshot {
  const stats = allStats();
  const snap: Snapshot = { busy: totalBusyTicks().busy, client: 0, app: 0, postgres: 0, chromium: 0, ended: 0, at: Date.now() };
  for (const p of descendants(process.pid, stats)) {
    if (p.pid === process.pid) {
      snap.client += p.cpuTicks;
      // Children that ended and were reaped by this process (e.g. a stopped app or PostgreSQL).
      snap.ended += p.childTicks;
      continue;
    }
    const ticks = p.cpuTicks + p.childTicks;
    if (p.comm === "postgres") snap.postgres += ticks;
    else if (/chrom/i.test(p.comm)) snap.chromium += ticks;
    else snap.app += ticks;
  }
  return snap;
}

/**
 * Measures CPU use between start and stop(), split into the load generator,
 * the app, PostgreSQL, Chromium and everyone else, so a figure taken while
 * other work ran on the machine can be recognised.
 */
export function cpuMeter() {
  const a = snapshot();
  return {
    stop(): CpuReport {
      const b = snapshot();
      const seconds = Math.max((b.at - a.at) / 1000, 0.001);
      const hz = 100; // USER_HZ
      const cores = os.availableParallelism?.() ?? os.cpus().length;
      const c = (x: number) => Math.max(0, x / hz / seconds);
      const all = c(b.busy - a.busy);
      const client = c(b.client - a.client);
      const app = c(b.app - a.app);
      const postgres = c(b.postgres - a.postgres);
      const chromium = c(b.chromium - a.chromium);
      // What a process used before it ended moves from its category to `ended`: net it out.
      const ownTotal = c(b.client + b.app + b.postgres + b.chromium + b.ended - (a.client + a.app + a.postgres + a.chromium + a.ended));
      const ended = Math.max(0, ownTotal - client - app - postgres - chromium);
      return { cores, seconds, all, client, app, postgres, chromium, ended, other: Math.max(0, all - ownTotal) };
    },
  };
}
