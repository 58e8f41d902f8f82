import type { ReactElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import type { ExportModel } from "../model";
import { BlankDocument } from "./blank";
import { buildContext, ExportDocument, PageRecorder } from "./document";
import { planFonts, UNSUPPORTED_SCRIPT } from "./fonts";

/**
 * Renders an export model to PDF bytes, in the calling thread. The server
 * calls this through the worker pool (../worker-pool.ts); tests may call it
 * directly.
 */
export async function renderExportPdf(model: ExportModel): Promise<Buffer> {
  const started = performance.now();
  const { data: clean, fontFamily } = await prepareText(model);

  const render = async (known?: ReadonlyMap<string, number>) => {
    const rec = new PageRecorder(known);
    const ctx = buildContext(clean, fontFamily, rec);
    const element = clean.options.kind === "blank" ? <BlankDocument ctx={ctx} /> : <ExportDocument ctx={ctx} />;
    const buffer = await renderToBuffer(element);
    return { buffer, rec };
  };

  // The contents page prints the start pages recorded during layout (see
  // PageRecorder). Should layout ever place a target differently from what
  // the contents printed, a second pass prints the numbers of the first.
  let { buffer, rec } = await render();
  let passes = 1;
  while (!rec.consistent() && passes < 3) {
    ({ buffer, rec } = await render(new Map(rec.starts)));
    passes++;
  }
  if (!rec.consistent()) console.warn("PDF export: the contents page numbers did not settle after three passes.");
  lastRender = { passes, ms: performance.now() - started };
  return buffer;
}

/** How the last `renderExportPdf` in this thread went, for diagnostics and tests. */
export let lastRender: { passes: number; ms: number } | null = null;

/**
 * Renders any document in the app's PDF style: plans fonts for every string
 * in `data`, replaces what no font can show, and hands the cleaned data and
 * the font stack to `build` (which returns a `ReportDocument`). A building
 * block for other documents, e.g. meeting minutes.
 */
export async function renderWithFonts<T>(data: T, build: (clean: T, fontFamily: string[]) => ReactElement): Promise<Buffer> {
  const { data: clean, fontFamily } = await prepareText(data);
  // The renderer's typings want a Document element; `build` returns one.
  return renderToBuffer(build(clean, fontFamily) as Parameters<typeof renderToBuffer>[0]);
}

/** Every string in a value (objects, arrays), for font planning. */
function collectStrings(value: unknown, out: string[]) {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === "object" && !(value instanceof Date)) for (const v of Object.values(value)) collectStrings(v, out);
}

/** A copy of a value with every string passed through `fn`. */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === "string") return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out as T;
  }
  return value;
}

/**
 * Normalises text (NFC), plans the fonts for it and replaces what no font
 * can show with a visible marker, warning once per document.
 */
export async function prepareText<T>(data: T): Promise<{ data: T; fontFamily: string[] }> {
  const strings: string[] = [];
  collectStrings(data, strings);
  const plan = await planFonts(strings.map((s) => s.normalize("NFC")));
  if (plan.unsupported.size > 0) {
    console.warn(
      `PDF export: no font available for ${[...plan.unsupported].join(", ")}; that text is shown as "${UNSUPPORTED_SCRIPT}". ` +
        "Install the matching Noto fonts or set PDF_FONT_DIR.",
    );
  }
  return { data: mapStrings(data, (s) => plan.sanitize(s.normalize("NFC"))), fontFamily: plan.fontFamily };
}
