import "server-only";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { CallDataError } from "./errors";
import { SNIFF_BYTES, decodeText, hasUtf8Bom, sniffDelimiter, sniffEncoding, sniffFormat, textDecoder, type Delimiter, type FileFormat, type TextEncoding } from "./sniff";

/**
 * Streams the rows of an uploaded CAD export (CSV or XLSX) from its temporary
 * file. Rows are handed on one at a time and never kept.
 */
export type Cell = string | number | boolean | Date | null;
export type TableRow = { line: number; cells: Cell[] };
export type TableInfo = {
  format: FileFormat;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
};
export type Table = { info: TableInfo; rows: AsyncGenerator<TableRow>; bytesRead: () => number; close: () => Promise<void> };

/** The longest single record accepted: a quote that never closes stops here instead of eating the file. */
const MAX_RECORD_CHARS = 1_000_000;

export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Unique, non-empty header names. */
export function cleanHeaders(raw: Cell[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((c, i) => {
    let name = (c instanceof Date ? c.toISOString() : String(c ?? "")).replace(/\s+/g, " ").trim().slice(0, 80) || `Column ${i + 1}`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n) name = `${name} (${n + 1})`;
    return name;
  });
}

function isBlank(cells: Cell[]) {
  return cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
}

export async function openTable(path: string, opts: { sheet?: string | null } = {}): Promise<Table> {
  const head = await readHead(path);
  const format = sniffFormat(head);
  return format === "csv" ? openCsv(path, head) : openXlsx(path, opts.sheet ?? null);
}

async function openCsv(path: string, head: Uint8Array): Promise<Table> {
  const encoding = sniffEncoding(head);
  const sample = decodeText(hasUtf8Bom(head) ? head.subarray(3) : head, encoding, false);
  const delimiter = sniffDelimiter(sample);
  let bytes = 0;
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const decode = textDecoder(encoding);
  const decoder = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb(null, decode(chunk));
    },
    flush(cb) {
      cb(null, decode());
    },
  });
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  file.pipe(decoder).pipe(parser);
  file.on("error", (e) => parser.destroy(e));
  const it = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;

  // csv-parse counts a CRLF inside a quoted field as two lines; count them back, and
  // report the line a record starts on (what a person sees in an editor).
  let crlfSoFar = 0;
  const next = async (): Promise<{ record: string[]; line: number } | null> => {
    try {
      const r = await it.next();
      if (r.done) return null;
      const record = r.value.record;
      let breaks = 0;
      for (const cell of record) {
        if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
        breaks += (cell.match(/\r\n|\r|\n/g) ?? []).length;
        crlfSoFar += (cell.match(/\r\n/g) ?? []).length;
      }
      return { record, line: r.value.info.lines - crlfSoFar - breaks };
    } catch (e) {
      const err = e as { code?: string; lines?: number; message?: string };
      if (err.code === "CSV_MAX_RECORD_SIZE") {
        throw new CallDataError("bad_file", `A quoted field around line ${err.lines ?? "?"} never ends: check for a stray quote mark ("). Nothing was imported.`);
      }
      throw new CallDataError("bad_file", `The file could not be read as CSV${err.lines ? ` (line ${err.lines})` : ""}: ${err.message ?? "unknown error"}. Nothing was imported.`);
    }
  };

  let first = await next();
  while (first && isBlank(first.record)) first = await next();
  if (!first) {
    file.destroy();
    throw new CallDataError("empty_file", "The file is empty: it has no header row and no calls.");
  }
  const headers = cleanHeaders(first.record);
  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (;;) {
        const r = await next();
        if (!r) return;
        yield { line: r.line, cells: r.record };
      }
    } finally {
      file.destroy();
      parser.destroy();
    }
  }
  return {
    info: { format: "csv", encoding, delimiter, sheets: [], sheet: null, headers },
    rows: rows(),
    bytesRead: () => bytes,
    close: async () => {
      file.destroy();
      parser.destroy();
    },
  };
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellValue(o.result);
    if (typeof o.text === "string") return o.text;
    if (o.error) return null;
  }
  return String(v);
}

async function openXlsx(path: string, sheet: string | null): Promise<Table> {
  let bytes = 0;
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  file.on("data", (c) => (bytes += c.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "ignore",
  });
  const sheetIter = reader[Symbol.asyncIterator]();
  let sheets: string[] = [];
  let chosen: string | null = null;
  let rowIter: AsyncIterator<ExcelJS.Row> | null = null;
  try {
    for (;;) {
      const s = await sheetIter.next();
      if (s.done) break;
      const ws = s.value as unknown as { name?: string } & AsyncIterable<ExcelJS.Row>;
      const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
      if (!sheets.length) sheets = (model?.sheets ?? []).map((x) => x.name);
      const name = ws.name ?? `Sheet ${sheets.length}`;
      if (sheet && sheet !== name) {
        for await (const _ of ws) {
          /* skip another sheet's rows */
        }
        continue;
      }
      chosen = name;
      rowIter = ws[Symbol.asyncIterator]();
      break;
    }
  } catch (e) {
    file.destroy();
    throw new CallDataError("bad_file", `The workbook could not be read: ${(e as Error).message}. Save it again from Excel as .xlsx, or export CSV.`);
  }
  if (!rowIter) {
    file.destroy();
    if (sheet) throw new CallDataError("bad_file", `The workbook has no sheet named “${sheet}”.`);
    throw new CallDataError("empty_file", "The workbook has no sheets with data.");
  }
  const it = rowIter;
  const nextRow = async (): Promise<TableRow | null> => {
    try {
      const r = await it.next();
      if (r.done) return null;
      const values = (r.value.values as unknown[]).slice(1).map(cellValue);
      return { line: r.value.number, cells: values };
    } catch (e) {
      throw new CallDataError("bad_file", `The workbook could not be read: ${(e as Error).message}.`);
    }
  };
  let first = await nextRow();
  while (first && isBlank(first.cells)) first = await nextRow();
  if (!first) {
    file.destroy();
    throw new CallDataError("empty_file", `The sheet “${chosen}” is empty: it has no header row and no calls.`);
  }
  const headers = cleanHeaders(first.cells);
  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (;;) {
        const r = await nextRow();
        if (!r) return;
        yield r;
      }
    } finally {
      file.destroy();
    }
  }
  return {
    info: { format: "xlsx", encoding: null, delimiter: null, sheets, sheet: chosen, headers },
    rows: rows(),
    bytesRead: () => bytes,
    close: async () => {
      file.destroy();
    },
  };
}
