import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent, newestSource, stampFile } from "./build-stamp";

/**
 * Builds the app in `root` unless `.next` is current. Returns false when the
 * build failed. Several instances sharing one checkout should build once
 * before starting (`npm run build`), not all at once.
 */
export function buildIfNeeded(root: string, log: (msg: string) => void, opts: { force?: boolean } = {}): boolean {
  if (!opts.force && buildIsCurrent(root)) return true;
  const sources = String(newestSource(root));
  log("building the app (first start or changed sources)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) return false;
  // The PDF export's worker thread runs a bundled file; build it with the app.
  spawnSync(process.execPath, [path.join(root, "lib", "export", "build-worker.mjs")], { cwd: root, stdio: "inherit" });
  writeFileSync(stampFile(root), sources);
  return true;
}
