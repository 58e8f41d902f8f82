import pg from "pg";
import type { Ctx } from "./lib/context";
import { sizes } from "./lib/context";
import { Client, mapLimit, signIn } from "./lib/http";
import { cpuMeter } from "./lib/proc";
import type { BenchResult, Row } from "./lib/report";
import { createUsers, createWorkspace } from "./lib/seed";
import { SseConnection } from "./lib/sse";
import { BENCH_PASSWORD } from "./lib/stack";
import { fmt, spread, summarize } from "./lib/stats";
import { ANSWERABLE, valueFor } from "./lib/values";

/**
 * Live update latency: 100 subscribers hold GET /api/v1/workspaces/{id}/events
 * open; one editor saves answers one after another. For each save, the time
 * from its 200 response arriving to each subscriber reading the matching
 * `answer.saved` event. Reference: 100 plain pg clients LISTENing while one
 * client runs pg_notify, from the NOTIFY's reply to each listener's receipt.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(cond: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!cond() && Date.now() < deadline) await sleep(10);
  return cond();
}

export async function runLive(ctx: Ctx): Promise<BenchResult> {
  const started = performance.now();
  const cfg = sizes(ctx.quick).live;
  const key = ctx.uid("live");
  const viewers = await createUsers(ctx.pool, key, 10, ctx.demo.passwordHash);
  const { workspaceId } = await createWorkspace(ctx.pool, key, "Bench live plan", [
    { userId: ctx.demo.coordinatorId, role: "COORDINATOR" },
    ...viewers.map((v) => ({ userId: v.id, role: "VIEWER" as const })),
  ]);
  const [writerCookie, ...viewerCookies] = await mapLimit(["coordinator@example.org", ...viewers.map((v) => v.email)], 4, (email) =>
    signIn(ctx.app.baseUrl, email, BENCH_PASSWORD),
  );
  const eventsUrl = `${ctx.app.baseUrl}/api/v1/workspaces/${workspaceId}/events`;

  // Is the endpoint there?
  const probe = new SseConnection(eventsUrl, { cookie: viewerCookies[0] }, () => {});
  await probe.open();
  const probeStatus = probe.status;
  const probeType = probe.contentType;
  await sleep(200);
  const probeBody = probe.body;
  probe.close();
  if (probeStatus === 404 && !probeType.includes("json")) {
    return { name: "live", status: "skipped", reason: "endpoint missing (GET …/events answered 404)", rows: [], seconds: (performance.now() - started) / 1000 };
  }
  if (probeStatus !== 200 || !probeType.startsWith("text/event-stream")) {
    throw new Error(`GET …/events answered ${probeStatus} ${probeType}: ${probeBody.slice(0, 200)}`);
  }

  // receipts: "itemKey@version" → arrival times, one per subscriber.
  const receipts = new Map<string, number[]>();
  let ready = 0;
  let resyncs = 0;
  const conns: SseConnection[] = [];
  const writer = new Client(ctx.app.baseUrl);
  writer.cookie = writerCookie;
  const rows: Row[] = [];
  try {
    const openStart = performance.now();
    await mapLimit(
      Array.from({ length: cfg.subscribers }, (_, i) => i),
      10,
      async (i) => {
        const c = new SseConnection(eventsUrl, { cookie: viewerCookies[i % viewerCookies.length] }, (e) => {
          if (e.event === "ready") ready++;
          else if (e.event === "resync") resyncs++;
          else if (e.event === "answer.saved") {
            const d = JSON.parse(e.data) as { itemKey: string; version: number };
            const k = `${d.itemKey}@${d.version}`;
            const list = receipts.get(k) ?? [];
            list.push(e.at);
            receipts.set(k, list);
          }
        });
        conns.push(c);
        await c.open();
        if (c.status !== 200) throw new Error(`subscriber ${i}: GET …/events answered ${c.status}`);
      },
    );
    if (!(await waitUntil(() => ready >= cfg.subscribers, 30_000))) throw new Error(`only ${ready} of ${cfg.subscribers} subscribers got 'ready'`);
    const openSeconds = (performance.now() - openStart) / 1000;
    ctx.log(`live: ${cfg.subscribers} subscribers connected in ${openSeconds.toFixed(1)} s`);

    const versions = new Map<string, number>();
    const items = ANSWERABLE.filter((a) => a.item.kind === "short_text" || a.item.kind === "long_text" || a.item.kind === "number");
    let seq = 0;
    type Save = { key: string; sentAt: number; respAt: number };
    const save = async (): Promise<Save> => {
      const it = items[seq % items.length];
      seq++;
      const sentAt = performance.now();
      const res = await writer.putJson(`/api/v1/workspaces/${workspaceId}/answers/${encodeURIComponent(it.key)}`, {
        value: valueFor(it.item, seq),
        baseVersion: versions.get(it.key) ?? 0,
      });
      if (res.status !== 200) throw new Error(`save answered ${res.status}: ${res.body.toString("utf8").slice(0, 200)}`);
      const version = (JSON.parse(res.body.toString("utf8")) as { version: number }).version;
      versions.set(it.key, version);
      return { key: `${it.key}@${version}`, sentAt, respAt: res.endedAt };
    };

    for (let i = 0; i < cfg.warmupSaves; i++) {
      await save();
      await sleep(cfg.gapMs);
    }
    await sleep(300);
    const meter = cpuMeter();
    ctx.profiler?.start();
    const roundStats: { p50: number; p95: number }[] = [];
    const all: number[] = [];
    const fromSend: number[] = [];
    let missing = 0;
    let early = 0;
    for (let r = 0; r < cfg.rounds; r++) {
      const saves: Save[] = [];
      for (let i = 0; i < cfg.savesPerRound; i++) {
        saves.push(await save());
        await sleep(cfg.gapMs);
      }
      await waitUntil(() => saves.every((s) => (receipts.get(s.key)?.length ?? 0) >= cfg.subscribers), 5_000);
      const lat: number[] = [];
      for (const s of saves) {
        const got = receipts.get(s.key) ?? [];
        missing += Math.max(0, cfg.subscribers - got.length);
        for (const at of got) {
          lat.push(at - s.respAt);
          fromSend.push(at - s.sentAt);
          if (at < s.respAt) early++;
        }
      }
      all.push(...lat);
      const st = summarize(lat);
      roundStats.push({ p50: st.p50, p95: st.p95 });
    }
    const cpu = meter.stop();
    const profile = await ctx.profiler?.stop("live");
    const s = summarize(all);
    const sSend = summarize(fromSend);

    // Reference: raw LISTEN/NOTIFY with the same fan-out and pacing.
    const ref = await rawNotify(ctx.db.url, cfg.subscribers, cfg.rounds * cfg.savesPerRound, cfg.gapMs);
    const p95s = roundStats.map((x) => x.p95);
    rows.push({
      metric: `${cfg.subscribers} subscribers: save response → event`,
      unit: "ms",
      value: s.p50,
      p95: s.p95,
      spread: `p95/round ${spread(Math.min(...p95s), Math.max(...p95s))}`,
      n: s.n,
      reference: { label: "NOTIFY reply → receipt p50", value: ref.fromReply.p50, unit: `(p95 ${fmt(ref.fromReply.p95)})` },
      target: "p95 ≤ 100",
      met: s.p95 <= 100 && missing === 0,
      note: `${missing} deliveries missing; ${early} events arrived before the save's response; ${resyncs} resyncs`,
    });
    rows.push({
      metric: `${cfg.subscribers} subscribers: save request sent → event`,
      unit: "ms",
      value: sSend.p50,
      p95: sSend.p95,
      n: sSend.n,
      reference: { label: "NOTIFY sent → receipt p50", value: ref.fromSend.p50, unit: `(p95 ${fmt(ref.fromSend.p95)})` },
      ratio: sSend.p50 / ref.fromSend.p50,
    });
    ctx.log(`live: save→event p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms (raw NOTIFY sent → receipt p50 ${fmt(ref.fromSend.p50)} ms, p95 ${fmt(ref.fromSend.p95)} ms); missing ${missing}`);
    return {
      name: "live",
      status: "ok",
      rows,
      cpu,
      details: { workspaceId, config: cfg, latency: s, fromRequestSent: sSend, rounds: roundStats, missing, early, resyncs, openSeconds, reference: ref, profile },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    writer.close();
    for (const c of conns) c.close();
  }
}

async function rawNotify(url: string, listeners: number, count: number, gapMs: number) {
  const channel = "bench_live_ref";
  const clients: pg.Client[] = [];
  const receipts = new Map<string, number[]>();
  const sender = new pg.Client({ connectionString: url });
  try {
    await mapLimit(
      Array.from({ length: listeners }, (_, i) => i),
      10,
      async () => {
        const c = new pg.Client({ connectionString: url });
        clients.push(c);
        c.on("error", () => {});
        await c.connect();
        c.on("notification", (m) => {
          const at = performance.now();
          const list = receipts.get(m.payload ?? "") ?? [];
          list.push(at);
          receipts.set(m.payload ?? "", list);
        });
        await c.query(`LISTEN ${channel}`);
      },
    );
    await sender.connect();
    const sent: { id: string; sentAt: number; replyAt: number }[] = [];
    for (let i = 0; i < count + 5; i++) {
      const id = String(i);
      const sentAt = performance.now();
      await sender.query(`/*bench*/ SELECT pg_notify('${channel}', $1)`, [id]);
      if (i >= 5) sent.push({ id, sentAt, replyAt: performance.now() });
      await sleep(gapMs);
    }
    await waitUntil(() => sent.every((s) => (receipts.get(s.id)?.length ?? 0) >= listeners), 5_000);
    const got = (s: { id: string }) => receipts.get(s.id) ?? [];
    return {
      fromReply: summarize(sent.flatMap((s) => got(s).map((at) => at - s.replyAt))),
      fromSend: summarize(sent.flatMap((s) => got(s).map((at) => at - s.sentAt))),
      missing: sent.reduce((a, s) => a + Math.max(0, listeners - got(s).length), 0),
    };
  } finally {
    await sender.end().catch(() => {});
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
}
