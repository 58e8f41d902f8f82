// `npm test`: typecheck, lint, unit and integration tests (Vitest), then the
// browser tests (Playwright). Every step runs; the run fails if any step does.
// The last line sums the test counts as "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const root = process.cwd();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = process.argv.slice(2);
const results = [];
let passed = 0;
let failed = 0;

function step(name, cmd, args, env = {}) {
  if (only.length && !only.includes(name)) return true;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function chromiumAvailable() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH);
  if (existsSync("/usr/bin/chromium") || existsSync("/usr/bin/chromium-browser")) return true;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("playwright-core");
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

// Reports live outside test-results/, which Playwright empties when it starts.
const reports = path.join(root, "reports");
mkdirSync(reports, { recursive: true });
rmSync(path.join(reports, "vitest.json"), { force: true });
rmSync(path.join(reports, "e2e.json"), { force: true });

step("typecheck", bin("tsc"), ["--noEmit"]);
step("lint", bin("eslint"), [".", "--max-warnings=0"]);
if (step("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"])) {
  // A run that collected no tests, or crashed before reporting, is a failure too.
  const report = path.join(reports, "vitest.json");
  let ok = false;
  try {
    const j = JSON.parse(readFileSync(report, "utf8"));
    ok = j.success === true && j.numTotalTests > 0 && j.numFailedTests === 0;
  } catch {
    ok = false;
  }
  if (!ok) {
    console.error("Vitest reported no successful run (see above).");
    results[results.length - 1].ok = false;
  }
}

if (!only.length || only.includes("e2e")) {
  if (!chromiumAvailable()) {
    console.error(
      "\nNo Chromium found for the browser tests. Install one of:\n" +
        "  - Debian/Ubuntu: sudo apt-get install chromium\n" +
        "  - Playwright's own: npx playwright install chromium\n" +
        "or set CHROMIUM_PATH to a Chromium or Chrome executable.\n",
    );
    results.push({ name: "e2e", ok: false, seconds: 0 });
  } else {
    step("e2e", bin("playwright"), ["test"]);
  }
}

function count(file, pick) {
  const full = path.join(reports, file);
  if (!existsSync(full)) return;
  try {
    const { p, f } = pick(JSON.parse(readFileSync(full, "utf8")));
    passed += p;
    failed += f;
  } catch {
    // a crashed runner already failed its step
  }
}
count("vitest.json", (j) => ({ p: j.numPassedTests ?? 0, f: j.numFailedTests ?? 0 }));
// A test that passed on its retry counts as passed (Playwright reports it as flaky).
count("e2e.json", (j) => ({ p: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0), f: j.stats?.unexpected ?? 0 }));

console.log("\n━━ summary ━━");
for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds}s)`);
const stepsFailed = results.filter((r) => !r.ok).length;
if (stepsFailed && failed === 0) failed = stepsFailed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(stepsFailed ? 1 : 0);
