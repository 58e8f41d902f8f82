// Checks `npm start` as a new user would: embedded PostgreSQL, Ctrl-C leaves
// nothing behind, a second start reuses the data, and with DATABASE_URL no
// embedded server is started. Usage: node .ci/smoke-start.mjs [external-database-url]
import { spawn, execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const external = process.argv[2];
const port = 3470;
const base = `http://localhost:${port}`;
let current = null;
const fail = (msg) => {
  console.error(`smoke: FAILED: ${msg}`);
  if (current && current.child.exitCode === null) {
    try {
      process.kill(-current.child.pid, "SIGINT");
    } catch {}
  }
  setTimeout(() => process.exit(1), 5000);
  throw new Error(msg);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function start(env) {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), DEMO_PASSWORD: "smoke-password", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  current = { child, output: () => out };
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  return { child, output: () => out };
}

async function waitHealthy(proc, timeoutMs = 180_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3000) });
      if (res.status === 200) return { body: await res.json(), seconds: (Date.now() - t0) / 1000 };
    } catch {}
    if (proc.child.exitCode !== null) fail(`npm start exited early:\n${proc.output()}`);
    await sleep(500);
  }
  fail(`not healthy within ${timeoutMs / 1000}s:\n${proc.output()}`);
}

async function stop(proc) {
  // Ctrl-C in a terminal signals the whole process group.
  process.kill(-proc.child.pid, "SIGINT");
  const t0 = Date.now();
  while (proc.child.exitCode === null && Date.now() - t0 < 30_000) await sleep(200);
  if (proc.child.exitCode === null) fail("npm start did not exit within 30 s of Ctrl-C");
}

async function session() {
  let cookie = "";
  const jar = (res) => {
    for (const c of res.headers.getSetCookie()) cookie = `${cookie}; ${c.split(";")[0]}`;
  };
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  jar(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: "coordinator@example.org", password: "smoke-password", json: "true" }),
    redirect: "manual",
  });
  jar(res);
  return (p, init = {}) => fetch(`${base}${p}`, { ...init, headers: { ...(init.headers ?? {}), cookie, "content-type": "application/json" } });
}

const postgresFor = (dir) => {
  try {
    return execFileSync("pgrep", ["-f", "--", dir], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

const dataDir = path.join(os.tmpdir(), "crisis-smoke-data");
rmSync(dataDir, { recursive: true, force: true });

// 1. First start on the embedded database, with two web server processes on one port.
let proc = start({ DATA_DIR: dataDir, DATABASE_URL: "", WEB_CONCURRENCY: "2" });
let health = await waitHealthy(proc);
if (health.body.status !== "ok" || health.body.db !== "ok") fail(`health: ${JSON.stringify(health.body)}`);
console.log(`smoke: first start healthy after ${health.seconds.toFixed(1)} s`);
for (let i = 0; i < 150 && !proc.output().includes("Press Ctrl-C"); i++) await sleep(200);
const pids = new Set();
// A new connection per request: a kept-alive connection always reaches the same process.
const healthPid = () =>
  new Promise((resolve, reject) => {
    http
      .get(`${base}/api/health`, { agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(JSON.parse(body).pid));
      })
      .on("error", reject);
  });
for (let i = 0; i < 20; i++) pids.add(await healthPid());
if (pids.size !== 2) fail(`expected 2 server processes to answer 20 health checks, got ${pids.size}: ${[...pids].join(", ")}`);
console.log(`smoke: WEB_CONCURRENCY=2 served 20 requests from processes ${[...pids].join(" and ")}`);
for (let i = 0; i < 50 && !proc.output().includes("Press Ctrl-C"); i++) await sleep(200);
if (!proc.output().includes("coordinator@example.org") || !proc.output().includes("smoke-password")) fail("demo sign-in details were not printed");
if ((await fetch(base + "/")).status !== 200) fail("home page did not load");
let api = await session();
const created = await api("/api/v1/workspaces", { method: "POST", body: JSON.stringify({ name: "Smoke test plan", jurisdiction: "Smoke County" }) });
if (created.status !== 201) fail(`could not create a workspace: ${created.status}`);
if (postgresFor(dataDir).length === 0) fail("no embedded PostgreSQL process found for the data folder");
await stop(proc);
await sleep(1000);
const left = postgresFor(dataDir);
if (left.length) fail(`PostgreSQL processes left behind after Ctrl-C: ${left.join(", ")}`);
const servers = [...pids].filter((pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
});
if (servers.length) fail(`web server processes left behind after Ctrl-C: ${servers.join(", ")}`);
console.log("smoke: Ctrl-C stopped the app and PostgreSQL");

// 2. Second start: same data.
proc = start({ DATA_DIR: dataDir, DATABASE_URL: "" });
health = await waitHealthy(proc);
api = await session();
const list = await (await api("/api/v1/workspaces")).json();
if (!list.workspaces?.some((w) => w.name === "Smoke test plan")) fail("the second start did not keep the data");
console.log(`smoke: second start healthy after ${health.seconds.toFixed(1)} s, with the same data`);
await stop(proc);
await sleep(1000);
if (postgresFor(dataDir).length) fail("PostgreSQL left behind after the second stop");
rmSync(dataDir, { recursive: true, force: true });

// 3. DATABASE_URL: use that server, start none of our own.
if (external) {
  const extDir = path.join(os.tmpdir(), "crisis-smoke-external");
  rmSync(extDir, { recursive: true, force: true });
  proc = start({ DATA_DIR: extDir, DATABASE_URL: external });
  health = await waitHealthy(proc);
  if (health.body.db !== "ok") fail("external database not healthy");
  if (existsSync(path.join(extDir, "pg"))) fail("an embedded database was created although DATABASE_URL was set");
  if (postgresFor(extDir).length) fail("an embedded PostgreSQL was started although DATABASE_URL was set");
  if (!proc.output().includes("using the PostgreSQL server from DATABASE_URL")) fail("start-up did not say it uses DATABASE_URL");
  console.log("smoke: DATABASE_URL start used the external server and started no embedded one");
  await stop(proc);
  rmSync(extDir, { recursive: true, force: true });
}
console.log("smoke: all start-up checks passed");
