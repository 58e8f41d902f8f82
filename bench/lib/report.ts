import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fmt } from "./stats";
import type { CpuReport } from "./proc";

/** One line of the results table. */
export type Row = {
  metric: string;
  unit: string;
  /** The headline figure: a median (or p50 of latencies). */
  value: number;
  p95?: number;
  /** min–max over rounds, or the IQR, as text. */
  spread?: string;
  n?: number;
  reference?: { label: string; value: number; unit?: string };
  /** value ÷ reference (or as stated in `ratioNote`). */
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
};

export type BenchResult = {
  name: string;
  status: "ok" | "skipped" | "failed";
  reason?: string;
  rows: Row[];
  cpu?: CpuReport;
  /** Anything else worth keeping (configuration, breakdowns, statements). */
  details?: Record<string, unknown>;
  seconds: number;
};

export type Machine = {
  nproc: number;
  cpuModel: string;
  memGiB: number;
  node: string;
  postgres?: string;
  chromium?: string;
  os: string;
  loadavgAtStart: number[];
};

export function machineInfo(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpuModel = m[1].trim();
  } catch {
    /* not Linux */
  }
  let osName = `${os.type()} ${os.release()}`;
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"));
    if (m) osName = `${m[1]} (${os.release()})`;
  } catch {
    /* keep uname */
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: osName,
    loadavgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function gitRevision(): string | undefined {
  try {
    const rev = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "lib", "components", "prisma"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return dirty ? `${rev} + uncommitted changes` : rev;
  } catch {
    return undefined;
  }
}

function pad(s: string, n: number, right = false) {
  if (s.length >= n) return s;
  return right ? s.padStart(n) : s.padEnd(n);
}

/** The results as a plain-text table. */
export function table(results: BenchResult[]): string {
  const head = ["Benchmark", "Metric", "Median", "p95", "Spread", "Unit", "Reference", "Ratio", "Target", ""];
  const body: string[][] = [];
  for (const r of results) {
    if (r.status !== "ok") {
      body.push([r.name, `${r.status}: ${r.reason ?? ""}`.slice(0, 110), "", "", "", "", "", "", "", ""]);
      if (!r.rows.length) continue;
    }
    for (const row of r.rows) {
      body.push([
        r.name,
        row.metric,
        fmt(row.value),
        row.p95 !== undefined ? fmt(row.p95) : "",
        row.spread ?? "",
        row.unit,
        row.reference ? `${row.reference.label} ${fmt(row.reference.value)}${row.reference.unit ? ` ${row.reference.unit}` : ""}` : "",
        row.ratio !== undefined ? `${fmt(row.ratio)}×` : "",
        row.target ?? "",
        row.met === undefined ? "" : row.met ? "met" : "MISSED",
      ]);
    }
  }
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...body.map((b) => b[i].length))));
  const numeric = new Set([2, 3, 7]);
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], numeric.has(i))).join("  ").trimEnd();
  const notes = results.flatMap((r) => r.rows.filter((row) => row.note).map((row) => `  ${r.name} · ${row.metric}: ${row.note}`));
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line), ...(notes.length ? ["", "Notes:", ...notes] : [])].join("\n");
}

export async function writeResults(data: unknown, dir = path.join(process.cwd(), "bench", "results")) {
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `bench-${stamp}.json`);
  const text = JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
  await writeFile(file, text);
  await writeFile(path.join(dir, "latest.json"), text);
  return file;
}
