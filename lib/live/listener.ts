import "server-only";
import pg from "pg";
import { directDatabaseUrl } from "@/lib/db/urls";
import { LIVE_CHANNEL } from "./publish";

/**
 * One LISTEN connection per server process. Writers announce each stored
 * "LiveEvent" row with `pg_notify('live_events', {id, w, t})`; this listener
 * hears the announcement, reads the row (one query per batch, only for
 * workspaces someone here is subscribed to) and hands it to the in-process
 * subscribers of that workspace.
 *
 * When the connection drops (PostgreSQL restarted, the backend was killed, the
 * network went away) it reconnects with a growing, jittered delay. Events sent
 * while it was down are not heard, so every subscriber that was subscribed
 * before the new LISTEN gets `onResync` and is expected to refetch.
 */

export type LiveEvent = {
  /** The "LiveEvent" row id, as a decimal string (it is a bigint). */
  id: string;
  workspaceId: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
};

export type LiveSubscriber = {
  onEvents: (events: LiveEvent[]) => void;
  /** Events may have been missed: refetch the current state. */
  onResync: (reason: "reconnected") => void;
};

export type LiveListenerOptions = {
  connectionString: string;
  channel?: string;
  /** First reconnect delay; doubles on each failure up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long to collect notifications before reading their rows. */
  batchMs?: number;
  log?: (message: string) => void;
};

type Entry = { sub: LiveSubscriber; generation: number };
type Note = { id: string; w: string };

export class LiveListener {
  private readonly opts: Required<Omit<LiveListenerOptions, "log">> & { log: (m: string) => void };
  private client: pg.Client | null = null;
  private readonly pool: pg.Pool;
  private readonly subs = new Map<string, Set<Entry>>();
  /** Increases with every successful LISTEN. */
  private generation = 0;
  private listening = false;
  private stopped = false;
  private connecting: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private readyWaiters: Array<() => void> = [];
  private pending: Note[] = [];
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Batches are read one after another, so events are delivered in order. */
  private flushing: Promise<void> = Promise.resolve();
  /** Counters, for tests and diagnostics. */
  readonly stats = { connects: 0, disconnects: 0, notifications: 0, fetched: 0, fetchErrors: 0 };

  constructor(options: LiveListenerOptions) {
    this.opts = {
      channel: LIVE_CHANNEL,
      minBackoffMs: 250,
      maxBackoffMs: 10_000,
      batchMs: 5,
      log: (m) => console.warn(`[live] ${m}`),
      ...options,
    } as LiveListener["opts"];
    this.pool = new pg.Pool({
      connectionString: this.opts.connectionString,
      max: 2,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
      application_name: "crisis-plan-live-read",
    });
    // An idle pooled connection that dies must not crash the process.
    this.pool.on("error", () => {});
  }

  get connected() {
    return this.listening;
  }

  /** Starts listening (idempotent; a stopped listener stays stopped). Resolves once LISTEN is active. */
  start(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (!this.listening && !this.connecting && !this.retryTimer) void this.connect();
    return this.ready();
  }

  /** Resolves when LISTEN is active, or after `timeoutMs` (then `false`). */
  ready(timeoutMs?: number): Promise<boolean> {
    if (this.listening) return Promise.resolve(true);
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        resolve(true);
      };
      this.readyWaiters.push(done);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.readyWaiters = this.readyWaiters.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
      }
    }) as Promise<boolean>;
  }

  subscribe(workspaceId: string, sub: LiveSubscriber): () => void {
    const entry: Entry = { sub, generation: this.listening ? this.generation : -1 };
    let set = this.subs.get(workspaceId);
    if (!set) this.subs.set(workspaceId, (set = new Set()));
    set.add(entry);
    return () => {
      const s = this.subs.get(workspaceId);
      if (!s) return;
      s.delete(entry);
      if (s.size === 0) this.subs.delete(workspaceId);
    };
  }

  subscriberCount(workspaceId?: string) {
    if (workspaceId) return this.subs.get(workspaceId)?.size ?? 0;
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }

  async stop() {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.retryTimer = null;
    this.batchTimer = null;
    this.listening = false;
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }

  private connect(): Promise<void> {
    const run = async () => {
      const client = new pg.Client({
        connectionString: this.opts.connectionString,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        connectionTimeoutMillis: 5_000,
        application_name: "crisis-plan-live",
      });
      let lost = false;
      const onLost = (why: string) => {
        if (lost) return;
        lost = true;
        client.removeAllListeners("notification");
        // Keep an error handler: a late socket error must not crash the process.
        client.on("error", () => {});
        if (this.client === client) this.client = null;
        const wasListening = this.listening;
        this.listening = false;
        if (wasListening) {
          this.stats.disconnects++;
          if (!this.stopped) this.opts.log(`connection lost (${why}); reconnecting`);
        }
        client.end().catch(() => {});
        this.scheduleReconnect();
      };
      client.on("error", (err) => onLost(err.message));
      client.on("end", () => onLost("connection ended"));
      client.on("notification", (msg) => {
        if (msg.channel === this.opts.channel) this.onNotification(msg.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${pg.escapeIdentifier(this.opts.channel)}`);
      } catch (err) {
        onLost(err instanceof Error ? err.message : String(err));
        return;
      }
      if (this.stopped || lost) {
        if (!lost) await client.end().catch(() => {});
        return;
      }
      this.client = client;
      this.listening = true;
      this.attempt = 0;
      this.generation++;
      this.stats.connects++;
      const waiters = this.readyWaiters;
      this.readyWaiters = [];
      for (const w of waiters) w();
      // Anyone who subscribed before this LISTEN may have missed events.
      for (const set of this.subs.values()) {
        for (const entry of [...set]) {
          if (entry.generation < this.generation) {
            entry.generation = this.generation;
            try {
              entry.sub.onResync("reconnected");
            } catch (err) {
              this.opts.log(`a subscriber failed on resync: ${(err as Error).message}`);
            }
          }
        }
      }
    };
    this.connecting = run().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private scheduleReconnect() {
    if (this.stopped || this.retryTimer) return;
    const base = Math.min(this.opts.maxBackoffMs, this.opts.minBackoffMs * 2 ** this.attempt);
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) void this.connect();
    }, delay);
    this.retryTimer.unref?.();
  }

  private onNotification(raw: string | undefined) {
    this.stats.notifications++;
    let note: { id?: unknown; w?: unknown };
    try {
      note = JSON.parse(raw ?? "");
    } catch {
      return;
    }
    const id = typeof note.id === "number" || typeof note.id === "string" ? String(note.id) : null;
    const w = typeof note.w === "string" ? note.w : null;
    if (!id || !/^\d{1,19}$/.test(id) || !w) return;
    if (!this.subs.has(w)) return;
    this.pending.push({ id, w });
    if (!this.batchTimer) {
      this.batchTimer = setTimeout(() => {
        this.batchTimer = null;
        this.flushing = this.flushing.then(() => this.flush());
      }, this.opts.batchMs);
    }
  }

  private async flush() {
    const batch = this.pending.splice(0, this.pending.length);
    if (batch.length === 0) return;
    const ids = [...new Set(batch.map((n) => n.id))];
    let rows: LiveEvent[];
    try {
      const res = await this.pool.query<{ id: string; workspaceId: string; type: string; payload: Record<string, unknown>; createdAt: Date }>(
        `SELECT id::text AS id, "workspaceId", type, payload, "createdAt" FROM "LiveEvent" WHERE id = ANY($1::bigint[]) ORDER BY id`,
        [ids],
      );
      rows = res.rows.map((r) => ({ id: r.id, workspaceId: r.workspaceId, type: r.type, payload: r.payload ?? {}, createdAt: r.createdAt.toISOString() }));
      this.stats.fetched += rows.length;
    } catch (err) {
      // The rows could not be read: tell the affected subscribers to refetch.
      this.stats.fetchErrors++;
      this.opts.log(`could not read live events: ${(err as Error).message}`);
      for (const w of new Set(batch.map((n) => n.w))) {
        for (const entry of this.subs.get(w) ?? []) {
          try {
            entry.sub.onResync("reconnected");
          } catch {
            /* a broken subscriber must not stop the others */
          }
        }
      }
      return;
    }
    const byWorkspace = new Map<string, LiveEvent[]>();
    for (const r of rows) {
      const list = byWorkspace.get(r.workspaceId) ?? [];
      list.push(r);
      byWorkspace.set(r.workspaceId, list);
    }
    for (const [w, events] of byWorkspace) {
      for (const entry of [...(this.subs.get(w) ?? [])]) {
        try {
          entry.sub.onEvents(events);
        } catch (err) {
          this.opts.log(`a subscriber failed: ${(err as Error).message}`);
        }
      }
    }
  }
}

const globalForLive = globalThis as unknown as { __liveListener?: LiveListener; __liveListenerUrl?: string };

/**
 * The process's listener, started on first use. LISTEN needs a session of its
 * own, so it connects to DIRECT_DATABASE_URL (DATABASE_URL when unset), never
 * through a transaction-mode pooler.
 */
export function getLiveListener(): LiveListener {
  const url = directDatabaseUrl();
  if (!globalForLive.__liveListener || globalForLive.__liveListenerUrl !== url) {
    const old = globalForLive.__liveListener;
    if (old) void old.stop();
    globalForLive.__liveListener = new LiveListener({ connectionString: url });
    globalForLive.__liveListenerUrl = url;
  }
  void globalForLive.__liveListener.start();
  return globalForLive.__liveListener;
}

/** For tests: stop the process's listener. */
export async function stopLiveListener() {
  const l = globalForLive.__liveListener;
  globalForLive.__liveListener = undefined;
  globalForLive.__liveListenerUrl = undefined;
  if (l) await l.stop();
}
