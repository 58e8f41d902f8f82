/**
 * `npm start` (production) and `npm run dev` (hot reload).
 *
 * 1. With DATABASE_URL unset, starts the embedded PostgreSQL in DATA_DIR/pg.
 * 2. Applies migrations and seeds the demo workspace into an empty database.
 * 3. Builds if needed, then runs Next.js on PORT and prints the URL and the
 *    demo sign-in details.
 * 4. On Ctrl-C / SIGTERM, stops Next.js and PostgreSQL cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, config, type AppConfig } from "../../lib/config";
import type { EmbeddedServer } from "../../lib/db/embedded";
import { localSecret } from "../../lib/db/local-secrets";
import { migrate } from "../../lib/db/migrate";
import { buildIsCurrent, newestSource, stampFile } from "./build-stamp";
import { openDatabase } from "./database";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const log = (msg: string) => console.log(`[start] ${msg}`);

// Every setting is checked before anything starts; a bad one stops here, by name.
let c: AppConfig;
try {
  c = config();
} catch (err) {
  console.error(err instanceof ConfigError ? `\n${err.message}\n` : err);
  process.exit(1);
}

let embedded: EmbeddedServer | undefined;
let next: ChildProcess | undefined;
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  if (next && next.exitCode === null) {
    next.kill("SIGTERM");
    await new Promise((r) => {
      const t = setTimeout(() => {
        next?.kill("SIGKILL");
        r(null);
      }, 5000);
      next?.once("exit", () => {
        clearTimeout(t);
        r(null);
      });
    });
  }
  if (embedded) {
    await embedded.stop().catch((e) => console.error("Could not stop PostgreSQL cleanly:", e));
    log("PostgreSQL stopped");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function buildIfNeeded() {
  if (buildIsCurrent(root)) return;
  const sources = String(newestSource(root));
  log("building the app (first start or changed sources)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  // The PDF export's worker thread runs a bundled file; build it with the app.
  spawnSync(process.execPath, [path.join(root, "lib", "export", "build-worker.mjs")], { stdio: "inherit" });
  writeFileSync(stampFile(root), sources);
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main() {
  // The web server inherits this process's environment, completed with what was generated here.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  env.NEXTAUTH_SECRET = c.authSecret || (await localSecret(c.dataDir, "auth-secret"));
  const appUrl = c.APP_URL || `http://localhost:${c.PORT}`;
  env.NEXTAUTH_URL = c.NEXTAUTH_URL || appUrl;
  env.APP_URL = appUrl;

  let database;
  try {
    database = await openDatabase(log);
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : err}\n`);
    process.exit(1);
  }
  embedded = database.embedded;
  env.DATABASE_URL = database.url;

  const result = await migrate(database.url, { log });
  log(result.applied.length ? `applied ${result.applied.length} migration(s)` : "database schema is up to date");

  const { seedDemoIfEmpty } = await import("../../lib/seed/demo");
  const seeded = await seedDemoIfEmpty();
  const { disconnectDb } = await import("../../lib/db/client");
  await disconnectDb();

  if (!dev) buildIfNeeded();
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(c.PORT)], { stdio: "inherit", env });
  next.on("exit", (code) => {
    if (!stopping) {
      console.error(`The web server exited (code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  if (await waitForHealth(appUrl, 120_000)) {
    console.log(`\n  Crisis Plan Workbook is running at ${appUrl}\n`);
    if (seeded.demo) {
      console.log("  Demo sign-in (workspace “Demo County Crisis Response Plan”):");
      for (const email of seeded.demo.emails) console.log(`    ${email}`);
      console.log(`    password: ${seeded.demo.password}\n`);
    }
    console.log("  Press Ctrl-C to stop.\n");
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  void shutdown(1);
});
