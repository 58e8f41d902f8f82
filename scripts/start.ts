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
import { config } from "../lib/config";
import { startEmbedded, type EmbeddedServer } from "../lib/db/embedded";
import { localSecret } from "../lib/db/local-secrets";
import { migrate } from "../lib/db/migrate";
import { buildIsCurrent, newestSource, stampFile } from "./lib/build-stamp";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const c = config();
const log = (msg: string) => console.log(`[start] ${msg}`);

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
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  env.NEXTAUTH_SECRET = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || (await localSecret(c.dataDir, "auth-secret"));
  const appUrl = c.APP_URL || `http://localhost:${c.PORT}`;
  env.NEXTAUTH_URL = process.env.NEXTAUTH_URL || appUrl;
  env.APP_URL = appUrl;

  if (!c.DATABASE_URL) {
    log(`starting embedded PostgreSQL in ${path.relative(root, path.join(c.dataDir, "pg")) || c.dataDir}…`);
    try {
      embedded = await startEmbedded({ dataDir: path.join(c.dataDir, "pg"), port: c.EMBEDDED_PG_PORT || undefined, persistent: true, log });
    } catch (err) {
      console.error(`\nCould not start the embedded PostgreSQL.\n${err instanceof Error ? err.message : err}\n`);
      process.exit(1);
    }
    env.DATABASE_URL = embedded.url();
    process.env.DATABASE_URL = env.DATABASE_URL;
    log(`PostgreSQL is running on port ${embedded.port}`);
  } else {
    log("using the PostgreSQL server from DATABASE_URL");
  }

  const result = await migrate(env.DATABASE_URL!, { log });
  log(result.applied.length ? `applied ${result.applied.length} migration(s)` : "database schema is up to date");

  const { seedDemoIfEmpty } = await import("../lib/seed/demo");
  const seeded = await seedDemoIfEmpty();
  const { disconnectDb } = await import("../lib/db/client");
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
