import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { postComment } from "@/lib/comments/service";
import { getDb } from "@/lib/db/client";
import { LiveListener, type LiveEvent } from "@/lib/live/listener";
import { pruneLiveData } from "@/lib/live/prune";
import { publish } from "@/lib/live/publish";
import { openEventStream, parseLastEventId } from "@/lib/live/stream";
import { saveAnswer, setWorksheetStatus } from "@/lib/workbook/service";
import { adminUrl } from "../support/db";

/**
 * Live updates against a real PostgreSQL: LISTEN/NOTIFY fan-out, workspace
 * isolation, the SSE stream (replay, resync, access withdrawn), several
 * listeners (in this process and in another process) on one database, and
 * reconnecting after the listening connection is killed.
 */

const root = path.resolve(import.meta.dirname, "../..");
const dbName = () => new URL(process.env.DATABASE_URL!).pathname.slice(1);

let seq = 0;
async function user(name: string): Promise<Actor> {
  const email = `live${++seq}-${Date.now()}@example.org`;
  const u = await getDb().user.create({ data: { email, name } });
  return { userId: u.id, email, name };
}
async function workspace(name: string, members: Array<[Actor, "COORDINATOR" | "MEMBER" | "VIEWER"]>) {
  const db = getDb();
  const ws = await db.workspace.create({ data: { name, jurisdiction: "Test County" } });
  await db.membership.createMany({ data: members.map(([a, role]) => ({ workspaceId: ws.id, userId: a.userId, role })) });
  await db.workbook.create({ data: { workspaceId: ws.id, templateKey: "crisis-response", templateVersion: 1 } });
  return ws.id;
}

async function waitFor<T>(check: () => T | undefined | null | false, what: string | (() => string), timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Collects what a subscriber hears. */
function recorder() {
  const events: LiveEvent[] = [];
  const resyncs: string[] = [];
  return { events, resyncs, sub: { onEvents: (e: LiveEvent[]) => events.push(...e), onResync: (r: string) => resyncs.push(r) } };
}

type Frame = { id?: string; event: string; data?: Record<string, unknown>; comment?: string };

/** Reads an SSE stream into frames as they arrive. */
function readFrames(stream: ReadableStream<Uint8Array>) {
  const frames: Frame[] = [];
  let buffer = "";
  let done = false;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { value, done: d } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (d) {
        done = true;
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const f: Frame = { event: "message" };
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) f.comment = line.slice(1).trim();
          else if (line.startsWith("id: ")) f.id = line.slice(4);
          else if (line.startsWith("event: ")) f.event = line.slice(7);
          else if (line.startsWith("data: ")) f.data = JSON.parse(line.slice(6));
          else if (line.startsWith("retry: ")) f.event = "retry";
        }
        frames.push(f);
      }
    }
  })();
  return { frames, isDone: () => done, cancel: () => reader.cancel().catch(() => {}) };
}

let cora: Actor, mo: Actor, yuri: Actor;
let X: string, Y: string;
const listeners: LiveListener[] = [];
const newListener = async () => {
  const l = new LiveListener({ connectionString: process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL!, minBackoffMs: 50, maxBackoffMs: 500, log: () => {} });
  listeners.push(l);
  await l.start();
  return l;
};

beforeAll(async () => {
  cora = await user("Cora Coordinator");
  mo = await user("Mo Member");
  yuri = await user("Yuri Elsewhere");
  X = await workspace("Plan X", [
    [cora, "COORDINATOR"],
    [mo, "MEMBER"],
  ]);
  Y = await workspace("Plan Y", [[yuri, "COORDINATOR"]]);
});

afterAll(async () => {
  for (const l of listeners) await l.stop();
});

describe("listener", () => {
  it("delivers each workspace's events only to that workspace's subscribers", async () => {
    const l = await newListener();
    const x = recorder();
    const y = recorder();
    l.subscribe(X, x.sub);
    l.subscribe(Y, y.sub);
    await saveAnswer(yuri, Y, "charter.purpose", { value: "Y's purpose", baseVersion: 0 });
    await saveAnswer(cora, X, "charter.purpose", { value: "X's purpose", baseVersion: 0 });
    await setWorksheetStatus(cora, X, "team-charter", { status: "READY_FOR_REVIEW" });
    await waitFor(() => x.events.length >= 2 && y.events.length >= 1, "both workspaces' events");
    await new Promise((r) => setTimeout(r, 150));
    expect(x.events.map((e) => [e.workspaceId, e.type])).toEqual([
      [X, "answer.saved"],
      [X, "worksheet.status"],
    ]);
    expect(x.events[0].payload).toMatchObject({ itemKey: "charter.purpose", version: 1, value: "X's purpose", updatedBy: { id: cora.userId }, status: "IN_PROGRESS" });
    expect(y.events.map((e) => [e.workspaceId, e.type])).toEqual([[Y, "answer.saved"]]);
    expect(y.events[0].payload).toMatchObject({ value: "Y's purpose" });
  });

  it("unsubscribing stops delivery", async () => {
    const l = await newListener();
    const x = recorder();
    const off = l.subscribe(X, x.sub);
    expect(l.subscriberCount(X)).toBe(1);
    off();
    expect(l.subscriberCount(X)).toBe(0);
    await publish(getDb(), X, "assignment.changed", { worksheetKey: "funding" });
    await new Promise((r) => setTimeout(r, 200));
    expect(x.events).toEqual([]);
  });

  it("two listeners on one database both hear a change, and a change in another process reaches this one", async () => {
    const l1 = await newListener();
    const l2 = await newListener();
    const a = recorder();
    const b = recorder();
    l1.subscribe(X, a.sub);
    l2.subscribe(X, b.sub);
    const res = await saveAnswer(mo, X, "charter.ground-rules", { value: "Be on time", baseVersion: 0 });
    await waitFor(() => a.events.length && b.events.length, "both listeners");
    expect(a.events[0].id).toBe(b.events[0].id);
    expect(b.events[0].payload).toMatchObject({ itemKey: "charter.ground-rules", version: res.version });

    // A second server process: its own listener, its own writes.
    const dir = await mkdtemp(path.join(os.tmpdir(), "live-child-"));
    const script = path.join(dir, "child.mts");
    await writeFile(
      script,
      `
      import { LiveListener } from ${JSON.stringify(path.join(root, "lib/live/listener.ts"))};
      import { publish } from ${JSON.stringify(path.join(root, "lib/live/publish.ts"))};
      import { getDb } from ${JSON.stringify(path.join(root, "lib/db/client.ts"))};
      const l = new LiveListener({ connectionString: process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL!, log: () => {} });
      await l.start();
      l.subscribe(process.env.WS!, { onEvents: (events) => { for (const e of events) console.log("EVENT " + JSON.stringify(e)); }, onResync: () => console.log("RESYNC") });
      console.log("READY");
      process.stdin.setEncoding("utf8");
      process.stdin.on("data", async (line) => {
        if (String(line).startsWith("publish")) { await publish(getDb(), process.env.WS!, "assignment.changed", { worksheetKey: "from-child" }); console.log("PUBLISHED"); }
        if (String(line).startsWith("quit")) { await l.stop(); process.exit(0); }
      });
      `,
    );
    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--import", path.join(root, "scripts/lib/server-runtime.mjs"), script], {
        cwd: root,
        env: { ...process.env, WS: X },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (err += d));
      await waitFor(() => out.includes("READY"), () => `the child listener (stderr: ${err})`, 30_000);

      // Written here, heard there.
      await saveAnswer(cora, X, "charter.adopted-on", { value: "2026-03-01", baseVersion: 0 });
      const line = await waitFor(() => out.split("\n").find((l) => l.startsWith("EVENT ")), "the event in the child process");
      const heard = JSON.parse(line.slice(6)) as LiveEvent;
      expect(heard).toMatchObject({ workspaceId: X, type: "answer.saved" });

      // Written there, heard here.
      const here = recorder();
      l1.subscribe(X, here.sub);
      child.stdin!.write("publish\n");
      const got = await waitFor(() => here.events.find((e) => e.payload.worksheetKey === "from-child"), "the child's event here");
      expect(got.type).toBe("assignment.changed");
      child.stdin!.write("quit\n");
    } finally {
      if (child && child.exitCode === null) child.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reconnects after its connection is killed and tells subscribers to resync", async () => {
    const l = await newListener();
    const x = recorder();
    l.subscribe(X, x.sub);
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = $1 AND pid <> pg_backend_pid()`,
        [dbName()],
      );
      expect(killed.rowCount).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.end();
    }
    await waitFor(() => x.resyncs.length > 0, "a resync after reconnecting");
    expect(l.connected).toBe(true);
    expect(l.stats.disconnects).toBeGreaterThanOrEqual(1);
    expect(l.stats.connects).toBeGreaterThanOrEqual(2);
    // And it hears new events again.
    await publish(getDb(), X, "assignment.changed", { worksheetKey: "after-reconnect" });
    await waitFor(() => x.events.find((e) => e.payload.worksheetKey === "after-reconnect"), "an event after reconnecting");
  });
});

describe("event stream", () => {
  const open = (l: LiveListener, over: Partial<Parameters<typeof openEventStream>[0]> = {}) => {
    const ac = new AbortController();
    const stream = openEventStream({ workspaceId: X, userId: mo.userId, lastEventId: null, listener: l, checkAccess: async () => true, signal: ac.signal, ...over });
    return { ...readFrames(stream), abort: () => ac.abort() };
  };

  it("streams this workspace's events with ids and types, and nothing of another workspace", async () => {
    const l = await newListener();
    const s = open(l);
    await waitFor(() => s.frames.find((f) => f.event === "ready"), "ready");
    await saveAnswer(yuri, Y, "vision.statement", { value: "Y only", baseVersion: 0 });
    const saved = await saveAnswer(cora, X, "vision.statement", { value: "X vision", baseVersion: 0 });
    // A notification for someone else is not sent; one for this person is, without its content.
    const comment = await postComment(cora, X, { worksheetKey: "vision-goals", body: "@Mo Member please review" });
    expect(comment.notified).toEqual([mo.userId]);
    await waitFor(() => s.frames.find((f) => f.event === "comment.changed"), "the comment event");
    await new Promise((r) => setTimeout(r, 150));
    const events = s.frames.filter((f) => !["retry", "ready", "message"].includes(f.event));
    expect(events.map((f) => f.event)).toEqual(["answer.saved", "notification.created", "comment.changed"]);
    expect(events[0].data).toMatchObject({ itemKey: "vision.statement", value: "X vision", version: saved.version });
    expect(events[1].data).toEqual({ at: expect.any(String), forYou: true });
    for (const f of events) expect(f.id).toMatch(/^\d+$/);
    const ids = events.map((f) => BigInt(f.id!));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect(JSON.stringify(s.frames)).not.toContain("Y only");
    s.abort();
    await waitFor(() => s.isDone(), "the stream to end on abort");
    await waitFor(() => l.subscriberCount(X) === 0, "unsubscribe on abort");
  });

  it("replays what was missed after Last-Event-ID, and asks for a resync when too far behind", async () => {
    const l = await newListener();
    const mark = (await getDb().liveEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
    for (let i = 0; i < 3; i++) await publish(getDb(), X, "assignment.changed", { worksheetKey: `missed-${i}` });
    await publish(getDb(), Y, "assignment.changed", { worksheetKey: "other-workspace" });

    const s = open(l, { lastEventId: mark });
    const ready = await waitFor(() => s.frames.find((f) => f.event === "ready"), "ready");
    const replayed = s.frames.filter((f) => f.event === "assignment.changed").map((f) => f.data?.worksheetKey);
    expect(replayed).toEqual(["missed-0", "missed-1", "missed-2"]);
    expect(ready.data).toEqual({ resumed: true });
    expect(ready.id).toBe(s.frames.filter((f) => f.event === "assignment.changed").at(-1)!.id);
    expect(s.frames.some((f) => f.event === "resync")).toBe(false);
    s.abort();

    const behind = open(l, { lastEventId: mark, replayLimit: 2 });
    const resync = await waitFor(() => behind.frames.find((f) => f.event === "resync"), "resync");
    expect(resync.data).toEqual({ reason: "too-far-behind" });
    expect(behind.frames.some((f) => f.event === "assignment.changed")).toBe(false);
    behind.abort();

    expect(parseLastEventId("12")).toBe(BigInt(12));
    expect(parseLastEventId("")).toBeNull();
    expect(parseLastEventId("12; DROP")).toBe("invalid");
  });

  it("asks for a resync when the events after Last-Event-ID were pruned", async () => {
    const l = await newListener();
    await publish(getDb(), X, "assignment.changed", { worksheetKey: "old" });
    const old = (await getDb().liveEvent.aggregate({ _max: { id: true } }))._max.id!;
    await getDb().liveEvent.updateMany({ where: { id: { lte: old } }, data: { createdAt: new Date(Date.now() - 3 * 86400_000) } });
    await publish(getDb(), X, "assignment.changed", { worksheetKey: "new" });
    const pruned = await pruneLiveData();
    expect(pruned.events).toBeGreaterThan(0);
    const s = open(l, { lastEventId: old - BigInt(1) });
    await waitFor(() => s.frames.find((f) => f.event === "resync"), "resync after pruning");
    s.abort();
  });

  it("a removed member stops receiving events", async () => {
    const l = await newListener();
    const gone = await user("Gail Gone");
    await getDb().membership.create({ data: { workspaceId: X, userId: gone.userId, role: "MEMBER" } });
    let allowed = true;
    const s = open(l, { userId: gone.userId, accessCheckMs: 100, checkAccess: async () => allowed });
    await waitFor(() => s.frames.find((f) => f.event === "ready"), "ready");
    await publish(getDb(), X, "assignment.changed", { worksheetKey: "before-removal" });
    await waitFor(() => s.frames.find((f) => f.data?.worksheetKey === "before-removal"), "an event while a member");
    allowed = false;
    const bye = await waitFor(() => s.frames.find((f) => f.event === "forbidden"), "forbidden");
    expect(bye.data).toMatchObject({ message: expect.stringMatching(/no longer have access/) });
    await waitFor(() => s.isDone(), "the stream to end");
    await publish(getDb(), X, "assignment.changed", { worksheetKey: "after-removal" });
    await new Promise((r) => setTimeout(r, 150));
    expect(s.frames.some((f) => f.data?.worksheetKey === "after-removal")).toBe(false);
  });

  it("sends heartbeats and a resync after the listener reconnects", async () => {
    const l = await newListener();
    const s = open(l, { heartbeatMs: 50 });
    await waitFor(() => s.frames.find((f) => f.comment === "ping"), "a heartbeat");
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = $1`, [dbName()]);
    } finally {
      await admin.end();
    }
    const resync = await waitFor(() => s.frames.find((f) => f.event === "resync"), "resync on the stream");
    expect(resync.data).toEqual({ reason: "reconnected" });
    expect(resync.id).toMatch(/^\d+$/);
    s.abort();
  });
});
