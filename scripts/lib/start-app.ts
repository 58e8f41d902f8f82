/**
 * `npm start` (production) and `npm run dev` (hot reload).
 *
 * 1. With DATABASE_URL unset, starts the embedded PostgreSQL in DATA_DIR/pg.
 * 2. Applies migrations and seeds the demo workspace into an empty database,
 *    each under an advisory lock on DIRECT_DATABASE_URL, so instances that
 *    start at the same moment do it once.
 * 3. Builds if needed, then runs WEB_CONCURRENCY web server processes
 *    (default: one per core; one in development) on PORT with node:cluster
 *    (`scripts/server.mjs`), and prints the URL and the demo sign-in details.
 *    A server process that dies is replaced.
 * 4. On Ctrl-C / SIGTERM, stops the server processes and PostgreSQL cleanly.
 */
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";
import { ConfigError, config, type AppConfig } from "../../lib/config";
import type { EmbeddedServer } from "../../lib/db/embedded";
import { localSecret } from "../../lib/db/local-secrets";
import { migrate } from "../../lib/db/migrate";
import { buildIfNeeded } from "./build";
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
let stopping = false;
const workers = new Set<Worker>();

async function stopWorkers() {
  const alive = [...workers].filter((w) => !w.isDead());
  await Promise.all(
    alive.map(
      (w) =>
        new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            w.process.kill("SIGKILL");
            resolve();
          }, 5000);
          w.once("exit", () => {
            clearTimeout(t);
            resolve();
          });
          w.process.kill("SIGTERM");
        }),
    ),
  );
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await stopWorkers();
  if (embedded) {
    await embedded.stop().catch((e) => console.error("Could not stop PostgreSQL cleanly:", e));
    log("PostgreSQL stopped");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

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

  if (database.direct !== database.url) log("using DIRECT_DATABASE_URL for migrations, locks and live updates");
  const result = await migrate(database.direct, { log });
  log(result.applied.length ? `applied ${result.applied.length} migration(s)` : "database schema is up to date");

  const { seedDemoIfEmpty } = await import("../../lib/seed/demo");
  const seeded = await seedDemoIfEmpty();
  const { disconnectDb } = await import("../../lib/db/client");
  await disconnectDb();

  if (!dev && !buildIfNeeded(root, log)) {
    console.error("The build failed; see the messages above.");
    return shutdown(1);
  }
  const count = dev ? 1 : c.WEB_CONCURRENCY || os.availableParallelism();
  cluster.setupPrimary({ exec: path.join(root, "scripts", "server.mjs"), execArgv: [], args: dev ? ["--dev"] : [] });
  let restarts = 0;
  const listening = new Set<number>();
  let allListening: () => void = () => {};
  const everyoneListening = new Promise<void>((r) => (allListening = r));
  const fork = () => {
    const w = cluster.fork({ ...env, PORT: String(c.PORT) });
    workers.add(w);
    w.on("listening", () => {
      listening.add(w.id);
      if (listening.size >= count) allListening();
    });
    w.on("exit", (code, signal) => {
      workers.delete(w);
      if (stopping) return;
      console.error(`A web server process (pid ${w.process.pid}) exited (${signal ?? `code ${code}`}).`);
      // Replace it, unless processes keep dying (a broken build or port in use).
      if (++restarts > 5 * count) {
        console.error("The web server processes keep exiting; stopping.");
        void shutdown(code || 1);
      } else {
        setTimeout(() => !stopping && fork(), 500);
      }
    });
  };
  for (let i = 0; i < count; i++) fork();
  log(`${count} web server process${count === 1 ? "" : "es"} on port ${c.PORT}`);
  // Announce once every process takes requests, not just the first. The public
  // address (APP_URL) may be a load balancer in front of several instances: check this one.
  await Promise.race([everyoneListening, new Promise((r) => setTimeout(r, 120_000))]);
  if (await waitForHealth(`http://localhost:${c.PORT}`, 120_000)) {
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
