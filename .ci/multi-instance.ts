/**
 * Two instances of the app behind PgBouncer in transaction mode, with a small
 * round-robin proxy in front, as the README's multi-instance recipe describes.
 *
 *   npx tsx .ci/multi-instance.ts <direct admin URL of a PostgreSQL server>
 *
 * Checks that two instances started at the same moment on an empty database
 * both come up, having applied each migration once and seeded the demo once;
 * that sign-in works on both (and a session from one is accepted by the
 * other); that a save on one reaches a live subscriber on the other; that a
 * meeting followed on one moves when the facilitator on the other moves it;
 * and that Ctrl-C leaves no process behind. Ports: PgBouncer 6440, instances
 * 3442 and 3443, proxy 3444 (MULTI_PORT_BASE moves the instances and proxy).
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Client, signIn } from "../bench/lib/http";
import { SseConnection, type SseEvent } from "../bench/lib/sse";
import { buildIfNeeded } from "../scripts/lib/build";
import { startPgBouncer, type Bouncer } from "../scripts/lib/pgbouncer";

const adminUrl = process.argv[2];
if (!adminUrl) {
  console.error("usage: tsx .ci/multi-instance.ts <postgresql://… admin URL>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const base = Number(process.env.MULTI_PORT_BASE || 3442);
const ports = { a: base, b: base + 1, proxy: base + 2, bouncer: Number(process.env.MULTI_PGBOUNCER_PORT || 6440) };
const DB = "crisis_multi";
const PASSWORD = "multi-password";
const SECRET = "multi-instance-check-secret-0123456789abcdef";
const log = (m: string) => console.log(`multi: ${m}`);

type Instance = { name: string; child: ChildProcess; out: () => string; url: string; dataDir: string };
const instances: Instance[] = [];
const stack: { bouncer?: Bouncer } = {};
let proxy: http.Server | undefined;
const streams: SseConnection[] = [];

async function cleanup() {
  for (const s of streams) s.close();
  proxy?.close();
  proxy?.closeAllConnections();
  for (const i of instances) await stopInstance(i).catch(() => {});
  await stack.bouncer?.stop().catch(() => {});
}

async function fail(msg: string): Promise<never> {
  console.error(`multi: FAILED: ${msg}`);
  for (const i of instances) console.error(`---- ${i.name} output ----\n${i.out().slice(-4000)}`);
  await cleanup();
  process.exit(1);
}

const until = async <T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) return fail(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `crisis-multi-${name}-`));
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: stack.bouncer!.url(DB),
      DIRECT_DATABASE_URL: directUrl(DB),
      NEXTAUTH_SECRET: SECRET,
      APP_URL: `http://localhost:${ports.proxy}`,
      NEXTAUTH_URL: `http://localhost:${ports.proxy}`,
      DEMO_SEED: "true",
      DEMO_PASSWORD: PASSWORD,
      ...env,
    },
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const inst = { name, child, out: () => out, url: `http://localhost:${port}`, dataDir };
  instances.push(inst);
  return inst;
}

async function stopInstance(i: Instance) {
  if (i.child.exitCode === null && i.child.signalCode === null) {
    // Ctrl-C in a terminal signals the whole process group.
    process.kill(-i.child.pid!, "SIGINT");
    const deadline = Date.now() + 30_000;
    while (i.child.exitCode === null && i.child.signalCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(i.dataDir, { recursive: true, force: true });
}

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function directUrl(db: string) {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

async function health(url: string): Promise<{ pid: number } | undefined> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
    return res.ok ? ((await res.json()) as { pid: number }) : undefined;
  } catch {
    return undefined;
  }
}

/** The round-robin proxy a load balancer stands for. */
function startProxy(targets: number[]) {
  let next = 0;
  const agent = new http.Agent({ keepAlive: true });
  proxy = http.createServer((req, res) => {
    const port = targets[next++ % targets.length];
    const up = http.request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  return new Promise<void>((r) => proxy!.listen(ports.proxy, "127.0.0.1", () => r()));
}

function json<T>(res: { status: number; body: Buffer }, what: string, status = 200): T {
  if (res.status !== status) void fail(`${what}: expected ${status}, got ${res.status}: ${res.body.toString("utf8").slice(0, 300)}`);
  return JSON.parse(res.body.toString("utf8")) as T;
}

function openStream(url: string, cookie: string) {
  const events: SseEvent[] = [];
  const s = new SseConnection(url, { cookie }, (e) => events.push(e));
  streams.push(s);
  return { s, events };
}

const t0 = Date.now();
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

// 0. An empty database, PgBouncer in front of the server, and a current build
//    (instances sharing a checkout build once, before they start).
{
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
}
stack.bouncer = await startPgBouncer(adminUrl, { port: ports.bouncer, poolSize: 30 });
log(`PgBouncer (transaction mode) on port ${ports.bouncer}`);
if (!buildIfNeeded(root, log)) await fail("the build failed");

// 1. Two instances at the same moment on the empty database.
const a = startInstance("A", ports.a, { WEB_CONCURRENCY: "2" });
const b = startInstance("B", ports.b, { WEB_CONCURRENCY: "1" });
for (const i of [a, b]) {
  await until(`instance ${i.name} to come up`, async () => {
    if (i.child.exitCode !== null) await fail(`instance ${i.name} exited (code ${i.child.exitCode})`);
    return health(i.url);
  }, 240_000);
}
log(`both instances came up (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
{
  const direct = new pg.Client({ connectionString: directUrl(DB) });
  await direct.connect();
  const files = readdirSync(path.join(root, "prisma/migrations")).filter((n) => /^\d/.test(n));
  const { rows } = await direct.query<{ migration_name: string; n: number }>(
    `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`,
  );
  if (rows.length !== files.length || rows.some((r) => r.n !== 1)) await fail(`migrations applied: ${JSON.stringify(rows)}; files: ${files.join(", ")}`);
  const appliedBy = [a, b].filter((i) => /applied \d+ migration\(s\)/.test(i.out()));
  if (appliedBy.length !== 1) await fail(`expected exactly one instance to apply the migrations, got ${appliedBy.length}`);
  const users = (await direct.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n;
  const spaces = (await direct.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Workspace"`)).rows[0].n;
  if (users !== 3 || spaces !== 1) await fail(`expected the demo seeded once (3 users, 1 workspace), found ${users} users and ${spaces} workspaces`);
  await direct.end();
  log(`each of ${files.length} migration(s) applied once (by instance ${appliedBy[0].name}), demo seeded once`);
}
await until("instance A to announce that it is running", () => a.out().includes("Press Ctrl-C"), 120_000);
const pidsA = new Set<number>();
for (let n = 0; n < 20; n++) pidsA.add((await health(a.url))!.pid);
if (pidsA.size !== 2) await fail(`instance A (WEB_CONCURRENCY=2) answered from ${pidsA.size} process(es)`);
log(`instance A serves from 2 processes (${[...pidsA].join(", ")})`);

// 2. Sign-in on both; a session from one is good on the other.
await startProxy([ports.a, ports.b]);
const coordinatorA = await signIn(a.url, "coordinator@example.org", PASSWORD);
const memberB = await signIn(b.url, "member@example.org", PASSWORD);
const viaProxy = await signIn(`http://localhost:${ports.proxy}`, "viewer@example.org", PASSWORD);
const onA = new Client(a.url);
onA.cookie = coordinatorA;
const onB = new Client(b.url);
onB.cookie = coordinatorA;
const { workspaces } = json<{ workspaces: Array<{ id: string; name: string }> }>(await onB.get("/api/v1/workspaces"), "B lists workspaces with A's session");
const W = workspaces[0]?.id;
if (!W) await fail("no workspace visible");
const viewerOnB = new Client(b.url);
viewerOnB.cookie = viaProxy;
json(await viewerOnB.get("/api/v1/workspaces"), "a session signed in through the proxy works on B");
log("sign-in works on A, on B and through the proxy; sessions are accepted by the other instance");

// 3. A save on A reaches a live subscriber on B.
const live = openStream(`${b.url}/api/v1/workspaces/${W}/events`, memberB);
await live.s.open();
await until("the live stream on B to be ready", () => live.events.some((e) => e.event === "ready"));
type Wb = { sections: Array<{ worksheets: Array<{ items: Array<{ key: string; kind: string; answer?: { version: number } }> }> }> };
const wb = json<Wb>(await onA.get(`/api/v1/workspaces/${W}/workbook`), "workbook");
const item = wb.sections.flatMap((s) => s.worksheets.flatMap((w) => w.items)).find((i) => i.kind === "short_text")!;
const saved = json<{ version: number }>(
  await onA.putJson(`/api/v1/workspaces/${W}/answers/${encodeURIComponent(item.key)}`, { value: "Saved on instance A", baseVersion: item.answer?.version ?? 0 }),
  "save on A",
);
await until("B's subscriber to hear the save made on A", () =>
  live.events.some((e) => e.event === "answer.saved" && JSON.parse(e.data).itemKey === item.key && JSON.parse(e.data).version === saved.version),
);
log("a save on A reached a live subscriber on B");

// 4. A meeting followed on B moves when the facilitator on A moves it.
const { session } = json<{ session: { id: string } }>(
  await onA.request("POST", `/api/v1/workspaces/${W}/sessions`, {
    body: JSON.stringify({ title: "Multi-instance check", startsAt: new Date().toISOString(), agenda: [{ title: "Welcome" }, { title: "Next steps" }] }),
    headers: { "content-type": "application/json" },
  }),
  "create a meeting on A",
  201,
);
const patch = (body: unknown) =>
  onA.request("PATCH", `/api/v1/workspaces/${W}/sessions/${session.id}`, { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
json(await patch({ status: "LIVE" }), "start the meeting on A");
const moved = () => live.events.some((e) => e.event === "meeting.changed" && JSON.parse(e.data).meetingId === session.id && JSON.parse(e.data).change === "moved");
json(await patch({ position: 1 }), "move the meeting on A");
await until("B's follower to hear the facilitator's move", moved);
const followerB = new Client(b.url);
followerB.cookie = memberB;
const seen = json<{ session: { currentPosition: number } }>(await followerB.get(`/api/v1/workspaces/${W}/sessions/${session.id}`), "the meeting on B");
if (seen.session.currentPosition !== 1) await fail(`B shows agenda item ${seen.session.currentPosition}, expected 1`);
log("a meeting followed on B moved when the facilitator on A moved it");

// 5. Saves through the proxy land on both instances, each accepted once.
{
  const c = new Client(`http://localhost:${ports.proxy}`);
  c.cookie = coordinatorA;
  let version = saved.version;
  for (let n = 0; n < 6; n++) {
    const r = json<{ version: number }>(await c.putJson(`/api/v1/workspaces/${W}/answers/${encodeURIComponent(item.key)}`, { value: `Through the proxy ${n}`, baseVersion: version }), "save through the proxy");
    if (r.version !== version + 1) await fail(`save through the proxy got version ${r.version}, expected ${version + 1}`);
    version = r.version;
  }
  c.close();
  log("six saves in a row through the proxy (alternating instances) each moved the version by one");
}

// 6. Ctrl-C stops each instance and leaves no process.
for (const s of streams) s.close();
onA.close();
onB.close();
viewerOnB.close();
followerB.close();
const groups = instances.map((i) => i.child.pid!);
for (const i of instances) await stopInstance(i);
await new Promise((r) => setTimeout(r, 500));
const left = groups.filter(groupAlive);
if (left.length) await fail(`processes left behind after Ctrl-C in process group(s) ${left.join(", ")}`);
for (const pid of pidsA) {
  try {
    process.kill(pid, 0);
    await fail(`server process ${pid} left behind`);
  } catch {
    // gone, as it should be
  }
}
log("Ctrl-C stopped both instances, no process left");
await cleanup();
log(`all checks passed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(0);
