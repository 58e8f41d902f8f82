import { CallAggregator, TooManyCallTypes, MAX_CALL_TYPES, type RawAggregates } from "./aggregate";
import { COLUMN_ROLES, ROLE_LABELS, detectColumns, mappingProblems, personalKind, type ColumnMapping, type ColumnRole, type PersonalKind } from "./columns";
import { CallDataError } from "./errors";
import type { Cell, TableInfo, TableRow } from "./read";
import { detectTimeFormat, parseTime, unreadableExamples, type TimeFormat } from "./time";

/**
 * The import in two steps over a stream of rows: `analyze` looks at the
 * header and the first 20 rows (for the mapping screen), `aggregate` reads
 * every row once and keeps only counts. Personal-data columns are never
 * looked at: their index is never read from a row.
 */
export const PREVIEW_ROWS = 20;
const SAMPLE_ROWS = 500;
export const MALFORMED_LIMIT = 0.01;

export type ColumnInfo = { name: string; role: ColumnRole | null; personal: PersonalKind | null };

export type Analysis = {
  info: TableInfo;
  columns: ColumnInfo[];
  detected: ColumnMapping;
  /** The first rows; personal-data cells are null ("will not be stored"). */
  preview: { line: number; cells: (string | null)[] }[];
};

export function previewText(c: Cell): string | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return c.toISOString().slice(0, 19).replace("T", " ");
  return String(c).slice(0, 200);
}

export async function analyze(info: TableInfo, rows: AsyncIterable<TableRow>): Promise<Analysis> {
  const personal = info.headers.map((h) => personalKind(h));
  const detected = detectColumns(info.headers);
  const roleOf = new Map<string, ColumnRole>();
  for (const r of COLUMN_ROLES) if (detected[r] && !roleOf.has(detected[r]!)) roleOf.set(detected[r]!, r);
  const preview: Analysis["preview"] = [];
  for await (const row of rows) {
    if (row.cells.every((c) => c === null || (typeof c === "string" && !c.trim()))) continue;
    preview.push({ line: row.line, cells: info.headers.map((_, i) => (personal[i] ? null : previewText(row.cells[i] ?? null))) });
    if (preview.length >= PREVIEW_ROWS) break;
  }
  if (preview.length === 0) throw new CallDataError("no_rows", "The file has a header row but no calls under it.");
  return {
    info,
    columns: info.headers.map((name, i) => ({ name, role: roleOf.get(name) ?? null, personal: personal[i] })),
    detected,
    preview,
  };
}

export type SkipReason = "malformed_width" | "unreadable_time" | "no_call_type";
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  malformed_width: "wrong number of columns",
  unreadable_time: "time received could not be read",
  no_call_type: "no call type",
};

export type AggregateResult = {
  raw: RawAggregates;
  rowsRead: number;
  rowsUsed: number;
  rowsSkipped: number;
  skipped: Partial<Record<SkipReason, number>>;
  timeFormats: Partial<Record<"received" | "arrived" | "cleared", TimeFormat>>;
  durationsDropped: number;
};

const TRUE = /^(y|yes|true|t|1|x|self|self[- ]?initiated|officer|officer[- ]?initiated|oi|field|field[- ]?initiated|on[- ]?view)$/i;

function str(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return c.toISOString();
  const s = String(c).trim();
  return s || null;
}

function num(c: Cell | undefined): number | null {
  if (typeof c === "number") return c;
  const s = str(c);
  if (!s) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

export async function aggregate(
  info: TableInfo,
  rows: AsyncIterable<TableRow>,
  mapping: ColumnMapping,
  opts: { onProgress?: (rowsRead: number) => void; progressEvery?: number } = {},
): Promise<AggregateResult> {
  const problems = mappingProblems(mapping, info.headers);
  if (problems.length) throw new CallDataError("mapping", problems.join(" "), { problems });
  const idx = {} as Record<ColumnRole, number>;
  for (const r of COLUMN_ROLES) idx[r] = mapping[r] ? info.headers.indexOf(mapping[r]!) : -1;
  const width = info.headers.length;
  const strictWidth = info.format === "csv";
  const agg = new CallAggregator({
    arrived: idx.arrived >= 0,
    cleared: idx.cleared >= 0,
    units: idx.units >= 0,
    disposition: idx.disposition >= 0,
    priority: idx.priority >= 0,
    selfInitiated: idx.selfInitiated >= 0,
  });
  const timeRoles = (["received", "arrived", "cleared"] as const).filter((r) => idx[r] >= 0);
  const formats: AggregateResult["timeFormats"] = {};
  const skipped: AggregateResult["skipped"] = {};
  const malformedLines: number[] = [];
  let malformed = 0;
  let rowsRead = 0;
  let rowsUsed = 0;
  const every = opts.progressEvery ?? 10_000;

  const skip = (reason: SkipReason, line: number) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
    if (reason !== "no_call_type") {
      malformed++;
      if (malformedLines.length < 10) malformedLines.push(line);
    }
  };

  const process = (row: TableRow) => {
    const cells = row.cells;
    if (cells.every((c) => c === null || c === undefined || (typeof c === "string" && !c.trim()))) return;
    rowsRead++;
    if (opts.onProgress && rowsRead % every === 0) opts.onProgress(rowsRead);
    if (strictWidth && cells.length !== width) {
      const extraFilled = cells.length > width && cells.slice(width).some((c) => str(c));
      if (cells.length < width || extraFilled) return skip("malformed_width", row.line);
    }
    const received = parseTime(cells[idx.received] ?? null, formats.received!);
    if (received === null) return skip("unreadable_time", row.line);
    const code = str(cells[idx.callCode]);
    if (!code) return skip("no_call_type", row.line);
    const timeOf = (role: "arrived" | "cleared") => (idx[role] >= 0 && formats[role] ? parseTime(cells[idx[role]] ?? null, formats[role]!) : null);
    try {
      agg.add({
        code,
        description: idx.callDescription >= 0 && idx.callDescription !== idx.callCode ? str(cells[idx.callDescription]) : null,
        received,
        arrived: timeOf("arrived"),
        cleared: timeOf("cleared"),
        units: idx.units >= 0 ? num(cells[idx.units]) : null,
        disposition: idx.disposition >= 0 ? str(cells[idx.disposition]) : null,
        priority: idx.priority >= 0 ? str(cells[idx.priority]) : null,
        selfInitiated: idx.selfInitiated >= 0 ? TRUE.test(str(cells[idx.selfInitiated]) ?? "") : null,
      });
    } catch (e) {
      if (e instanceof TooManyCallTypes) {
        throw new CallDataError(
          "mapping",
          `The column “${mapping.callCode}” has more than ${MAX_CALL_TYPES.toLocaleString("en-US")} different values, so it does not look like a call type. Choose the column with the call-type code.`,
        );
      }
      throw e;
    }
    rowsUsed++;
  };

  // Look at the first rows to learn how times are written, then read on.
  const buffer: TableRow[] = [];
  const iterator = rows[Symbol.asyncIterator]();
  for (;;) {
    if (buffer.length >= SAMPLE_ROWS) break;
    const r = await iterator.next();
    if (r.done) break;
    buffer.push(r.value);
  }
  if (buffer.length === 0) throw new CallDataError("no_rows", "The file has a header row but no calls under it.");
  for (const role of timeRoles) {
    const samples = buffer.map((r) => r.cells[idx[role]] ?? null);
    const format = detectTimeFormat(samples);
    const hasValues = samples.some((v) => str(v) !== null);
    if (!format && (role === "received" || hasValues)) {
      const examples = unreadableExamples(samples, null);
      const column = mapping[role]!;
      throw new CallDataError(
        "bad_time",
        examples.length
          ? `The column “${column}” (${ROLE_LABELS[role].toLowerCase()}) has values that are not dates and times, for example ${examples.map((e) => `“${e}”`).join(", ")}. Choose the right column, or export times like 2025-03-14 08:05 or 3/14/2025 8:05 AM.`
          : `The column “${column}” (${ROLE_LABELS[role].toLowerCase()}) is empty.`,
        { column, examples },
      );
    }
    if (format) formats[role] = format;
  }
  for (const r of buffer) process(r);
  buffer.length = 0;
  for (;;) {
    const r = await iterator.next();
    if (r.done) break;
    process(r.value);
  }

  if (rowsRead === 0) throw new CallDataError("no_rows", "The file has a header row but no calls under it.");
  if (malformed > rowsRead * MALFORMED_LIMIT) {
    const pct = ((malformed / rowsRead) * 100).toFixed(1);
    throw new CallDataError(
      "malformed_rows",
      `${malformed.toLocaleString("en-US")} of ${rowsRead.toLocaleString("en-US")} rows (${pct} %) could not be read — more than 1 %, so nothing was imported. First problem lines: ${malformedLines.join(", ")}.`,
      { lines: malformedLines, malformed, rowsRead },
    );
  }
  if (rowsUsed === 0) throw new CallDataError("no_rows", "None of the rows has a call type, so there is nothing to count.");
  opts.onProgress?.(rowsRead);
  return {
    raw: agg.result(),
    rowsRead,
    rowsUsed,
    rowsSkipped: rowsRead - rowsUsed,
    skipped,
    timeFormats: formats,
    durationsDropped: agg.durationsDropped,
  };
}
