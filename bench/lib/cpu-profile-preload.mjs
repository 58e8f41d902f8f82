// Loaded into the app's Node processes with NODE_OPTIONS=--import when the
// benchmark runs with --profile (--cpu-prof itself is not allowed in
// NODE_OPTIONS). The first SIGUSR2 starts the V8 CPU profiler, the next one
// stops it and writes <BENCH_CPU_PROFILE_DIR>/cpu-<pid>-<time>.cpuprofile.
import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { isMainThread } from "node:worker_threads";

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir && isMainThread) {
  let session = null;
  process.on("SIGUSR2", () => {
    if (!session) {
      const s = new Session();
      session = s;
      s.connect();
      s.post("Profiler.enable", () => s.post("Profiler.setSamplingInterval", { interval: 500 }, () => s.post("Profiler.start")));
      return;
    }
    const s = session;
    session = null;
    s.post("Profiler.stop", (err, res) => {
      if (!err && res && res.profile) {
        const file = path.join(dir, `cpu-${process.pid}-${Date.now()}.cpuprofile`);
        writeFileSync(`${file}.tmp`, JSON.stringify(res.profile));
        renameSync(`${file}.tmp`, file);
      }
      s.disconnect();
    });
  });
}
