import "server-only";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { config } from "@/lib/config";
import type { ExportModel } from "./model";
import type { WorkerJob, WorkerRequest, WorkerResponse } from "./pdf/worker-entry";

/**
 * Renders PDFs off the request thread, in a small pool of reused
 * `worker_threads`.
 *
 * - `PDF_WORKERS` sets the pool size (default 1; `0` renders in-process,
 *   which is slower for other requests but needs no worker file).
 * - The worker is a plain ES module bundled from lib/export/pdf/worker-entry.ts
 *   by lib/export/build-worker.mjs into
 *   node_modules/.cache/pdf-export/worker.mjs (`PDF_WORKER_FILE` overrides the
 *   path). Run that script during `npm run build`; when the file is missing
 *   the pool builds it on first use, and outside production it also rebuilds
 *   it when one of its sources is newer.
 * - Workers are reused; a worker is replaced after `PDF_WORKER_MAX_JOBS`
 *   renders (default 200) as a guard against slow leaks, after a crash, or
 *   when a render runs past `PDF_RENDER_TIMEOUT_MS` (default 120 000).
 */

type Job = {
  id: number;
  request: WorkerRequest;
  resolve: (r: WorkerResponse) => void;
  reject: (e: Error) => void;
};

type Slot = { worker: Worker; job: Job | null; done: number; timer: NodeJS.Timeout | null; retired: boolean };

export function pdfWorkerCount() {
  return config().PDF_WORKERS;
}

function projectRoot() {
  return process.cwd();
}

export function pdfWorkerFile() {
  return config().PDF_WORKER_FILE || path.join(projectRoot(), "node_modules", ".cache", "pdf-export", "worker.mjs");
}

/** True when the bundle is missing, or (outside production) older than one of its sources. */
function workerIsStale(file: string): boolean {
  if (!existsSync(file)) return true;
  if (config().production || config().PDF_WORKER_FILE) return false;
  try {
    const built = statSync(file).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(`${file}.inputs.json`, "utf8")) as { inputs: string[] };
    return inputs.some((input) => {
      try {
        return statSync(input).mtimeMs > built;
      } catch {
        return true; // a source was moved or deleted
      }
    });
  } catch {
    return true;
  }
}

let ready: Promise<string> | null = null;

/** Makes sure the worker bundle exists and is current; builds it if not. */
export function ensurePdfWorkerFile(): Promise<string> {
  if (!ready) {
    ready = (async () => {
      const file = pdfWorkerFile();
      if (!workerIsStale(file)) return file;
      const script = path.join(projectRoot(), "lib", "export", "build-worker.mjs");
      if (!existsSync(script)) {
        throw new Error(`The PDF worker ${file} is missing and ${script} is not there to build it. Run the build step that creates it.`);
      }
      await new Promise<void>((resolve, reject) => {
        execFile(process.execPath, [script], { cwd: projectRoot(), timeout: 120_000 }, (err, _stdout, stderr) => {
          if (err) reject(new Error(`Building the PDF worker failed: ${stderr || err.message}`));
          else resolve();
        });
      });
      if (!existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`Building the PDF worker did not produce ${file}.`);
      return file;
    })();
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

class PdfWorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly maxJobs: number,
    private readonly timeoutMs: number,
  ) {}

  request(request: WorkerJob): Promise<WorkerResponse> {
    if (this.closed) return Promise.reject(new Error("The PDF worker pool is shut down."));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({ id, request: { ...request, id }, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    const slot: Slot = { worker, job: null, done: 0, timer: null, retired: false };
    worker.on("message", (msg: WorkerResponse) => {
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      this.finish(slot);
      job.resolve(msg);
      if (job.request.type === "render" && ++slot.done >= this.maxJobs) this.retire(slot);
      this.dispatch();
    });
    worker.on("error", (err) => this.fail(slot, err));
    worker.on("exit", (code) => this.fail(slot, new Error(`The PDF worker stopped (exit code ${code}).`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  private fail(slot: Slot, err: Error) {
    const job = slot.job;
    this.finish(slot);
    this.slots = this.slots.filter((s) => s !== slot);
    if (!slot.retired) {
      slot.retired = true;
      void slot.worker.terminate().catch(() => {});
    }
    if (job) job.reject(err);
    this.dispatch();
  }

  private retire(slot: Slot) {
    slot.retired = true;
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.worker.terminate().catch(() => {});
  }

  private dispatch() {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      const current = slot;
      slot.timer = setTimeout(() => {
        this.fail(current, new Error(`The PDF export took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped.`));
      }, this.timeoutMs);
      slot.timer.unref();
      slot.worker.postMessage(job.request);
    }
  }

  async close() {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    for (const job of this.queue.splice(0)) job.reject(new Error("The PDF worker pool is shut down."));
    await Promise.all(
      slots.map((s) => {
        s.retired = true;
        return s.worker.terminate().catch(() => 0);
      }),
    );
  }

  get workers() {
    return this.slots.length;
  }
}

const globalForPool = globalThis as unknown as { __pdfPool?: Promise<PdfWorkerPool> };

function pool(): Promise<PdfWorkerPool> {
  if (!globalForPool.__pdfPool) {
    globalForPool.__pdfPool = ensurePdfWorkerFile().then(
      (file) =>
        new PdfWorkerPool(file, Math.max(1, pdfWorkerCount()), config().PDF_WORKER_MAX_JOBS, config().PDF_RENDER_TIMEOUT_MS),
    );
    globalForPool.__pdfPool.catch(() => {
      globalForPool.__pdfPool = undefined;
    });
  }
  return globalForPool.__pdfPool;
}

/** Renders an export in a worker (or in-process with `PDF_WORKERS=0`). */
export async function renderPdf(model: ExportModel): Promise<Buffer> {
  if (pdfWorkerCount() === 0) {
    const { renderExportPdf } = await import("./pdf/render");
    return renderExportPdf(model);
  }
  const response = await (await pool()).request({ type: "render", model });
  if (!response.ok) throw new Error(`PDF rendering failed: ${response.error}`);
  if (!("pdf" in response)) throw new Error("PDF rendering returned no document.");
  return Buffer.from(response.pdf);
}

/** Heap figures of one pool worker, for checking that memory stays flat. */
export async function pdfWorkerStats(): Promise<{ heapUsed: number; rss: number }> {
  const response = await (await pool()).request({ type: "stats" });
  if (!response.ok || !("stats" in response)) throw new Error("No stats from the PDF worker.");
  return response.stats;
}

/** Stops all workers (tests, graceful shutdown). The next export starts a new pool. */
export async function shutdownPdfWorkers() {
  const p = globalForPool.__pdfPool;
  globalForPool.__pdfPool = undefined;
  if (p) await (await p.catch(() => null))?.close();
}
