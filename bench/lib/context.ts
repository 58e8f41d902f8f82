import type pg from "pg";
import type { ServerProfiler } from "./profile";
import type { Machine } from "./report";
import type { Dataset, Demo } from "./seed";
import type { App, BenchDb, Logger } from "./stack";

/** What every benchmark gets: the running system, its data and the run's settings. */
export type Ctx = {
  quick: boolean;
  cold: boolean;
  log: Logger;
  machine: Machine;
  db: BenchDb;
  /** A pool on the app's database, for seeding and checking. */
  pool: pg.Pool;
  app: App;
  demo: Demo;
  dataset: Dataset;
  /** With --profile: CPU profile of the Next.js server around a measured window. */
  profiler?: ServerProfiler;
  /** A fresh id fragment per use, so benchmarks never collide. */
  uid: (prefix: string) => string;
};

export const sizes = (quick: boolean) => ({
  dataset: { workspaces: quick ? 50 : 1000 },
  autosave: { levels: [1, 10, 50], rounds: quick ? 2 : 5, roundSeconds: quick ? 1.5 : 8, warmupSaves: quick ? 3 : 10, pacedSeconds: quick ? 3 : 15 },
  live: { subscribers: 100, rounds: quick ? 2 : 5, savesPerRound: quick ? 15 : 60, gapMs: quick ? 40 : 60, warmupSaves: 5 },
  render: { sample: quick ? 10 : 50, rounds: quick ? 2 : 5, perRound: quick ? 8 : 30, warmup: quick ? 4 : 10 },
  pdf: { exports: quick ? 10 : 100, warmup: 2, chromiumRounds: quick ? 1 : 5, chromiumWarmPages: quick ? 4 : 34 },
  startup: { runs: 3 },
});
