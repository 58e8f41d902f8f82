import { chromium, type Browser } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { CHROMIUM_ARGS, chromiumPath } from "@/e2e/chromium";
import type { Ctx } from "./lib/context";
import { sizes } from "./lib/context";
import { Client, signIn } from "./lib/http";
import { cpuMeter, rssMiB } from "./lib/proc";
import type { BenchResult, Row } from "./lib/report";
import { pgssRead, pgssReset } from "./lib/seed";
import { BENCH_PASSWORD } from "./lib/stack";
import { fmt, median, spread, summarize } from "./lib/stats";
import { INDEX } from "./lib/values";

/**
 * PDF: the full demo workbook (GET /api/v1/workspaces/{id}/export.pdf?kind=workbook)
 * N times, one after another, and the web server's resident memory after
 * them. Reference: a warm headless Chromium printing the same content with
 * page.pdf() of the print view (/w/{id}/print, the whole workbook on one
 * page); where that view is missing it prints the overview and each
 * worksheet page, and one "export" is all of them.
 */

async function pageCount(buf: Buffer) {
  try {
    return (await PDFDocument.load(buf, { updateMetadata: false })).getPageCount();
  } catch {
    return NaN;
  }
}

async function chromiumReference(ctx: Ctx, cookie: string, rounds: number, warmPages: number) {
  const workspaceId = ctx.demo.workspaceId;
  // The print view holds the whole workbook on one page; without it, print every page.
  const printView = `/w/${workspaceId}/print`;
  const hasPrintView = (await fetch(`${ctx.app.baseUrl}${printView}`, { headers: { cookie }, redirect: "manual" })).status === 200;
  const urls = hasPrintView ? [printView] : [`/w/${workspaceId}`, ...INDEX.worksheets.map((w) => `/w/${workspaceId}/worksheets/${w.key}`)];
  const launchStart = performance.now();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const launchMs = performance.now() - launchStart;
    const version = browser.version();
    const context = await browser.newContext();
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    const printAll = async (count: boolean, only = urls.length) => {
      let pages = 0;
      let bytes = 0;
      const t0 = performance.now();
      for (const u of urls.slice(0, only)) {
        const res = await page.goto(`${ctx.app.baseUrl}${u}`, { waitUntil: "load" });
        if (!res || res.status() !== 200) throw new Error(`Chromium: ${u} answered ${res?.status()}`);
        const pdf = await page.pdf({ format: "Letter", printBackground: true });
        bytes += pdf.length;
        if (count) pages += await pageCount(pdf);
      }
      return { ms: performance.now() - t0, pages, bytes };
    };
    // Warm the browser (and the server's pages) first; the first timed round also counts pages.
    await printAll(false, warmPages);
    const times: number[] = [];
    let pages = 0;
    let bytes = 0;
    for (let r = 0; r < rounds; r++) {
      const t = await printAll(r === 0);
      times.push(t.ms);
      if (r === 0) {
        pages = t.pages;
        bytes = t.bytes;
      }
    }
    return { launchMs, version, documents: urls.length, pages, bytes, times };
  } finally {
    await browser?.close().catch(() => {});
  }
}

export async function runPdf(ctx: Ctx): Promise<BenchResult> {
  const started = performance.now();
  const cfg = sizes(ctx.quick).pdf;
  const cookie = await signIn(ctx.app.baseUrl, "coordinator@example.org", BENCH_PASSWORD);
  const client = new Client(ctx.app.baseUrl);
  client.cookie = cookie;
  const exportPath = `/api/v1/workspaces/${ctx.demo.workspaceId}/export.pdf?kind=workbook`;
  const rows: Row[] = [];
  try {
    const probe = await client.get(exportPath, { timeoutMs: 120_000 });
    const type = String(probe.headers["content-type"] ?? "");
    const missing = probe.status === 404 && !type.includes("json");
    if (!missing && (probe.status !== 200 || !type.includes("pdf"))) {
      throw new Error(`GET ${exportPath} answered ${probe.status} ${type}: ${probe.body.toString("utf8").slice(0, 200)}`);
    }

    const ref = await chromiumReference(ctx, cookie, cfg.chromiumRounds, cfg.chromiumWarmPages);
    const chromeMedian = median(ref.times);
    const refRow: Row = {
      metric: `Chromium page.pdf() of the same content (${ref.documents} pages printed)`,
      unit: "ms",
      value: chromeMedian,
      spread: spread(Math.min(...ref.times), Math.max(...ref.times)),
      n: ref.times.length,
      note: `${ref.pages} PDF pages, ${fmt(ref.bytes / 1024)} KiB; browser launch ${fmt(ref.launchMs)} ms (not counted)`,
    };
    if (missing) {
      return {
        name: "pdf",
        status: "skipped",
        reason: `endpoint missing (GET …/export.pdf answered 404); Chromium reference measured`,
        rows: [refRow],
        details: { chromium: ref },
        seconds: (performance.now() - started) / 1000,
      };
    }

    const pid = ctx.app.nextServerPid();
    const pages = await pageCount(probe.body);
    for (let i = 0; i < cfg.warmup; i++) await client.get(exportPath, { timeoutMs: 120_000 });
    const rssBefore = pid ? rssMiB(pid) : NaN;
    let rssPeak = rssBefore;
    const times: number[] = [];
    await pgssReset(ctx.pool);
    const meter = cpuMeter();
    ctx.profiler?.start();
    for (let i = 0; i < cfg.exports; i++) {
      const res = await client.get(exportPath, { timeoutMs: 120_000 });
      if (res.status !== 200) throw new Error(`export ${i + 1} answered ${res.status}: ${res.body.toString("utf8").slice(0, 200)}`);
      times.push(res.ms);
      if (pid) rssPeak = Math.max(rssPeak, rssMiB(pid));
    }
    const cpu = meter.stop();
    const profile = await ctx.profiler?.stop("pdf");
    const stmts = (await pgssRead(ctx.pool)).filter((s) => !s.query.includes("/*bench*/"));
    const rssAfter = pid ? rssMiB(pid) : NaN;
    const s = summarize(times);
    rows.push({
      metric: "export.pdf?kind=workbook (demo workbook)",
      unit: "ms",
      value: s.p50,
      p95: s.p95,
      spread: spread(s.min, s.max),
      n: s.n,
      reference: { label: "Chromium", value: chromeMedian },
      ratio: s.p50 / chromeMedian,
      note: `${pages} pages, ${fmt(probe.body.length / 1024)} KiB; ${fmt(stmts.reduce((a, x) => a + x.calls, 0) / cfg.exports)} SQL statements per export`,
    });
    rows.push(refRow);
    rows.push({
      metric: `server RSS after ${cfg.exports} exports`,
      unit: "MiB",
      value: rssAfter,
      spread: `before ${fmt(rssBefore)}, peak ${fmt(rssPeak)}`,
      note: pid ? `pid ${pid}` : "next-server process not found",
    });
    ctx.log(`pdf: export p50 ${fmt(s.p50)} ms (Chromium ${fmt(chromeMedian)} ms); RSS ${fmt(rssBefore)} → ${fmt(rssAfter)} MiB`);
    return {
      name: "pdf",
      status: "ok",
      rows,
      cpu,
      details: {
        config: cfg,
        export: { latency: s, pages, bytes: probe.body.length },
        rss: { before: rssBefore, after: rssAfter, peak: rssPeak },
        chromium: ref,
        statements: stmts.slice(0, 10),
        profile,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    client.close();
  }
}
