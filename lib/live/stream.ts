import "server-only";
import { getDb } from "@/lib/db/client";
import type { LiveEvent, LiveListener } from "./listener";

/**
 * The server-sent event stream of one workspace for one signed-in person.
 *
 * Frames: `id:` is the "LiveEvent" row id, `event:` its type, `data:` its
 * payload as JSON plus `at` (when it happened). Besides the stored event
 * types there are:
 * - `ready`   sent once the stream is live; its id is where a reconnect resumes.
 * - `resync`  events may have been missed: refetch what is on screen.
 * - `forbidden` access was withdrawn; the stream ends and should not reconnect.
 * and a comment line (`: ping`) every `heartbeatMs` to keep proxies from
 * closing an idle connection.
 */
export type EventStreamOptions = {
  workspaceId: string;
  userId: string;
  /** Resume after this id (from Last-Event-ID or `?lastEventId=`). */
  lastEventId: bigint | null;
  listener: LiveListener;
  /** Resolves to false when the person may no longer read the workspace. */
  checkAccess: () => Promise<boolean>;
  signal?: AbortSignal;
  heartbeatMs?: number;
  accessCheckMs?: number;
  /** At most this many missed events are replayed; more means `resync`. */
  replayLimit?: number;
  readyTimeoutMs?: number;
};

export const REPLAY_LIMIT = 500;
const encoder = new TextEncoder();

export function parseLastEventId(raw: string | null | undefined): bigint | null | "invalid" {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  const v = raw.trim();
  if (!/^\d{1,18}$/.test(v)) return "invalid";
  return BigInt(v);
}

/** Whether this person should see this event at all. */
export function visibleTo(userId: string, e: Pick<LiveEvent, "type" | "payload">): boolean {
  if (e.type === "notification.created") {
    const ids = e.payload.userIds;
    return Array.isArray(ids) && ids.includes(userId);
  }
  return true;
}

function dataFor(userId: string, e: LiveEvent): Record<string, unknown> {
  if (e.type === "notification.created") return { at: e.createdAt, forYou: true };
  return { ...e.payload, at: e.createdAt };
}

export function eventFrame(userId: string, e: LiveEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(dataFor(userId, e))}\n\n`;
}

/** The newest event id in the whole table (ids are global), or 0. */
export async function currentLiveEventId(): Promise<bigint> {
  const rows = await getDb().$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "LiveEvent"`;
  return rows[0]?.max ?? BigInt(0);
}

type Replay = { kind: "events"; events: LiveEvent[] } | { kind: "resync" };

/** The workspace's events after `after`, or `resync` when they cannot all be replayed. */
export async function replaySince(workspaceId: string, after: bigint, limit = REPLAY_LIMIT): Promise<Replay> {
  const db = getDb();
  const oldest = await db.$queryRaw<{ min: bigint | null }[]>`SELECT min(id) AS min FROM "LiveEvent"`;
  const min = oldest[0]?.min ?? null;
  // Rows after `after` have been pruned (or the log is empty while the client is behind).
  if (min === null ? after > BigInt(0) : min > after + BigInt(1)) return { kind: "resync" };
  const rows = await db.$queryRaw<{ id: bigint; type: string; payload: Record<string, unknown>; createdAt: Date }[]>`
    SELECT id, type, payload, "createdAt" FROM "LiveEvent"
    WHERE "workspaceId" = ${workspaceId} AND id > ${after}
    ORDER BY id LIMIT ${limit + 1}`;
  if (rows.length > limit) return { kind: "resync" };
  return {
    kind: "events",
    events: rows.map((r) => ({ id: r.id.toString(), workspaceId, type: r.type, payload: r.payload ?? {}, createdAt: r.createdAt.toISOString() })),
  };
}

export function openEventStream(opts: EventStreamOptions): ReadableStream<Uint8Array> {
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const accessCheckMs = opts.accessCheckMs ?? 30_000;
  const limit = opts.replayLimit ?? REPLAY_LIMIT;
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const timers: ReturnType<typeof setInterval>[] = [];
      let unsubscribe = () => {};
      const close = () => {
        if (closed) return;
        closed = true;
        for (const t of timers) clearInterval(t);
        unsubscribe();
        opts.signal?.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          /* already closed or errored */
        }
      };
      cleanup = close;
      const send = (text: string) => {
        if (closed) return;
        // A client that stopped reading: end the stream rather than buffer without limit.
        if (controller.desiredSize !== null && controller.desiredSize < -2000) {
          close();
          return;
        }
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      if (opts.signal?.aborted) return close();
      opts.signal?.addEventListener("abort", close);

      send("retry: 3000\n\n");

      let live = false;
      let buffered: LiveEvent[] = [];
      let resyncWanted = false;
      // An event can reach this stream twice: replayed from the table and then
      // announced by the listener. Ids are not delivered in order (transactions
      // commit out of order), so remember the recent ones rather than a maximum.
      const sent = new Set<string>();
      const deliver = (events: LiveEvent[]) => {
        for (const e of events) {
          if (sent.has(e.id)) continue;
          sent.add(e.id);
          if (sent.size > 5_000) sent.delete(sent.values().next().value as string);
          if (visibleTo(opts.userId, e)) send(eventFrame(opts.userId, e));
        }
      };
      const sendResync = async (reason: string) => {
        const id = await currentLiveEventId().catch(() => null);
        send(`${id !== null ? `id: ${id}\n` : ""}event: resync\ndata: ${JSON.stringify({ reason })}\n\n`);
      };

      await opts.listener.ready(opts.readyTimeoutMs ?? 5_000);
      if (closed) return;
      unsubscribe = opts.listener.subscribe(opts.workspaceId, {
        onEvents: (events) => {
          if (live) deliver(events);
          else buffered.push(...events);
        },
        onResync: () => {
          if (live) void sendResync("reconnected");
          else resyncWanted = true;
        },
      });

      try {
        let resumeFrom = opts.lastEventId;
        let replayed = new Set<string>();
        if (resumeFrom !== null) {
          const replay = await replaySince(opts.workspaceId, resumeFrom, limit);
          if (closed) return;
          if (replay.kind === "resync") {
            resyncWanted = true;
            resumeFrom = null;
          } else {
            deliver(replay.events);
            replayed = new Set(replay.events.map((e) => e.id));
            const last = replay.events.at(-1);
            if (last) resumeFrom = BigInt(last.id);
          }
        }
        const readyId = resumeFrom ?? (await currentLiveEventId());
        if (closed) return;
        send(`id: ${readyId}\nevent: ready\ndata: ${JSON.stringify({ resumed: opts.lastEventId !== null })}\n\n`);
        live = true;
        deliver(buffered.filter((e) => !replayed.has(e.id)));
        buffered = [];
        if (resyncWanted) await sendResync(opts.lastEventId !== null ? "too-far-behind" : "reconnected");
      } catch (err) {
        console.error("Live stream could not start:", err);
        send(`event: resync\ndata: ${JSON.stringify({ reason: "error" })}\n\n`);
        close();
        return;
      }

      timers.push(setInterval(() => send(": ping\n\n"), heartbeatMs));
      let checking = false;
      timers.push(
        setInterval(async () => {
          if (checking || closed) return;
          checking = true;
          try {
            if (!(await opts.checkAccess())) {
              send(`event: forbidden\ndata: ${JSON.stringify({ message: "You no longer have access to this workspace." })}\n\n`);
              close();
            }
          } catch {
            // The database is unreachable: keep the stream; the next check decides.
          } finally {
            checking = false;
          }
        }, accessCheckMs),
      );
    },
    cancel: () => {
      cleanup();
    },
  });
}
