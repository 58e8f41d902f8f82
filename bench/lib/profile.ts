import { readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Reads the V8 CPU profiles (`--cpu-prof`) the app's processes wrote and
 * summarises the busiest one (the Next.js server): self time per package or
 * source file, and the hottest functions.
 */

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };

/** Which package (or app area) a script URL belongs to. */
export function owner(url: string): string {
  if (!url) return "(native / V8)";
  const u = url.replace(/^file:\/\//, "");
  const nm = u.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = u.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next" && rest.includes("compiled")) return `next (compiled ${rest[rest.indexOf("compiled") + 1]})`;
    return pkg;
  }
  const chunk = /\.next\/server\/(.*)$/.exec(u);
  if (chunk) return `.next/server bundle (${chunk[1].split("/")[0]})`;
  if (u.startsWith("node:")) return "node: core";
  return path.basename(u);
}

export type ProfileSummary = {
  file: string;
  seconds: number;
  sampledMs: number;
  byOwner: Array<{ owner: string; ms: number; share: number }>;
  topFunctions: Array<{ fn: string; where: string; ms: number; share: number }>;
};

export function summarizeProfile(file: string): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const self = new Map<number, number>();
  if (p.samples && p.timeDeltas) {
    for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  // Leave out the profiler's own start/stop (the preload script and everything below it).
  const excluded = new Set<number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const mark = (id: number) => {
    excluded.add(id);
    for (const c of byId.get(id)?.children ?? []) mark(c);
  };
  for (const n of p.nodes) if (n.callFrame.url.includes("cpu-profile-preload")) mark(n.id);
  let total = 0;
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, { where: string; ms: number }>();
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (!ms || excluded.has(n.id)) continue;
    const fn = n.callFrame.functionName || "(anonymous)";
    if (fn === "(idle)") continue;
    total += ms;
    const o = fn === "(garbage collector)" ? "(garbage collector)" : fn === "(program)" ? "(program)" : owner(n.callFrame.url);
    byOwner.set(o, (byOwner.get(o) ?? 0) + ms);
    const key = `${fn} ${n.callFrame.url}:${n.callFrame.lineNumber}`;
    const prev = byFn.get(key) ?? { where: `${owner(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`, ms: 0 };
    prev.ms += ms;
    byFn.set(key, prev);
  }
  const share = (ms: number) => Math.round((ms / Math.max(total, 1)) * 1000) / 10;
  return {
    file,
    seconds: (p.endTime - p.startTime) / 1e6,
    sampledMs: total,
    byOwner: [...byOwner]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([o, ms]) => ({ owner: o, ms: Math.round(ms), share: share(ms) })),
    topFunctions: [...byFn]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 20)
      .map(([k, v]) => ({ fn: k.split(" ")[0], where: v.where, ms: Math.round(v.ms), share: share(v.ms) })),
  };
}

/** The profile with the most busy time in `dir` (the web server's), summarised. */
export function summarizeBusiest(dir: string): ProfileSummary | null {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  } catch {
    return null;
  }
  if (!files.length) return null;
  const summaries = files
    .sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)
    .slice(0, 4)
    .map((f) => summarizeProfile(path.join(dir, f)));
  summaries.sort((a, b) => b.sampledMs - a.sampledMs);
  return summaries[0];
}

/**
 * Start/stop the CPU profiler inside the running Next.js server (see
 * cpu-profile-preload.mjs); `stop` returns the summary of that window.
 */
export function serverProfiler(dir: string, serverPid: () => number | null, log: (m: string) => void) {
  let active = false;
  let pid: number | null = null;
  return {
    start() {
      pid = serverPid();
      if (!pid) return log("profile: next-server process not found");
      process.kill(pid, "SIGUSR2");
      active = true;
    },
    async stop(label: string): Promise<ProfileSummary | null> {
      if (!active || !pid) return null;
      active = false;
      const before = new Set(readdirSync(dir));
      process.kill(pid, "SIGUSR2");
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const added = readdirSync(dir).filter((f) => !before.has(f) && f.endsWith(".cpuprofile"));
        if (added.length) {
          const target = path.join(dir, `${label}.cpuprofile`);
          renameSync(path.join(dir, added[0]), target);
          const summary = summarizeProfile(target);
          log(`profile ${label}: ${(summary.sampledMs / 1000).toFixed(1)} s of server CPU; by owner: ${summary.byOwner
            .slice(0, 8)
            .map((o) => `${o.owner} ${o.share}%`)
            .join(", ")}`);
          return summary;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      log(`profile ${label}: no profile written`);
      return null;
    },
  };
}

export type ServerProfiler = ReturnType<typeof serverProfiler>;
