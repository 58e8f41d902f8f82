import { parentPort } from "node:worker_threads";
import type { ExportModel } from "../model";
import { planFonts } from "./fonts";
import { renderExportPdf } from "./render";

/**
 * The PDF worker thread. It is bundled into a plain .mjs file by
 * lib/export/build-worker.mjs (with npm packages left as imports) and started
 * by ../worker-pool.ts. Each message renders one export; fonts and layout
 * engines stay loaded between jobs.
 */

export type WorkerJob = { type: "render"; model: ExportModel } | { type: "stats" };
export type WorkerRequest = WorkerJob & { id: number };
export type WorkerResponse =
  | { id: number; ok: true; pdf: ArrayBuffer }
  | { id: number; ok: true; stats: { heapUsed: number; rss: number } }
  | { id: number; ok: false; error: string };

if (!parentPort) throw new Error("worker-entry must run in a worker thread");
const port = parentPort;

port.on("message", async (msg: WorkerRequest) => {
  if (msg.type === "stats") {
    const m = process.memoryUsage();
    port.postMessage({ id: msg.id, ok: true, stats: { heapUsed: m.heapUsed, rss: m.rss } } satisfies WorkerResponse);
    return;
  }
  try {
    const buffer = await renderExportPdf(msg.model);
    const pdf = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    port.postMessage({ id: msg.id, ok: true, pdf } satisfies WorkerResponse, [pdf]);
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    port.postMessage({ id: msg.id, ok: false, error } satisfies WorkerResponse);
  }
});

// Load Noto Sans and the layout engine before the first job arrives.
void planFonts([]).catch(() => {});
