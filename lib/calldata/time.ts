/**
 * Times in CAD exports are local wall-clock times without a zone. They are
 * read as such: a parsed time is the number of seconds since 1970-01-01 00:00
 * *of that wall clock* (computed with Date.UTC), so hour of day and weekday
 * come out as written, whatever the server's zone. A trailing zone or offset
 * is ignored for the same reason.
 */
export type TimeFormat = "iso" | "mdy" | "dmy" | "excel-serial" | "date-object";

export const TIME_FORMAT_LABELS: Record<TimeFormat, string> = {
  iso: "2025-03-14 08:05",
  mdy: "3/14/2025 8:05 AM (month first)",
  dmy: "14/3/2025 08:05 (day first)",
  "excel-serial": "spreadsheet date numbers",
  "date-object": "spreadsheet dates",
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?[Mm]\.?)?)?$/;
const YMD_SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?$/;

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ampm?: string): number | null {
  if (y < 100) y += 2000;
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60 || y < 1990 || y > 2100) return null;
  if (h === 24) {
    if (mi || s) return null;
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Reject 31 February and friends.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null;
  return Math.floor(ms / 1000);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30) / 1000;

/** Parses one value in a known format: wall-clock seconds, or null when it does not fit. */
export function parseTime(value: unknown, format: TimeFormat): number | null {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? Math.floor(t / 1000) : null;
  }
  if (typeof value === "number") {
    if (format !== "excel-serial" && format !== "date-object") return null;
    if (!(value > 20000 && value < 80000)) return null;
    return Math.round(EXCEL_EPOCH + value * 86400);
  }
  if (typeof value !== "string") return null;
  const v = value.trim();
  if (!v) return null;
  let m: RegExpExecArray | null;
  switch (format) {
    case "iso":
      if ((m = ISO.exec(v))) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7]);
      if ((m = YMD_SLASHED.exec(v))) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7]);
      return null;
    case "mdy":
      if ((m = SLASHED.exec(v))) return build(+m[3], +m[1], +m[2], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7]?.replace(/\./g, ""));
      return null;
    case "dmy":
      if ((m = SLASHED.exec(v))) return build(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7]?.replace(/\./g, ""));
      return null;
    case "excel-serial":
    case "date-object": {
      const n = Number(v);
      if (Number.isFinite(n) && v !== "") return parseTime(n, format);
      return parseTime(v, "iso");
    }
  }
}

/**
 * Picks the format that reads the sample values. Slashed dates are month
 * first (as US CAD systems write them) unless a first number above 12 shows
 * they are day first. Returns null when no format reads most of the sample.
 */
export function detectTimeFormat(samples: unknown[]): TimeFormat | null {
  const values = samples.filter((v) => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === ""));
  if (values.length === 0) return null;
  const candidates: TimeFormat[] = [];
  if (values.some((v) => v instanceof Date)) candidates.push("date-object");
  if (values.some((v) => typeof v === "number" || (typeof v === "string" && /^\d{5}(\.\d+)?$/.test(v.trim())))) candidates.push("excel-serial");
  candidates.push("iso");
  const dayFirst = values.some((v) => {
    const m = typeof v === "string" ? SLASHED.exec(v.trim()) : null;
    return m ? +m[1] > 12 : false;
  });
  const dotted = values.some((v) => typeof v === "string" && /^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(v.trim()));
  candidates.push(...((dayFirst || dotted ? ["dmy", "mdy"] : ["mdy", "dmy"]) as TimeFormat[]));
  let best: { format: TimeFormat; ok: number } | null = null;
  for (const format of candidates) {
    const ok = values.filter((v) => parseTime(v, format) !== null).length;
    if (!best || ok > best.ok) best = { format, ok };
  }
  return best && best.ok >= Math.max(1, Math.ceil(values.length * 0.9)) ? best.format : null;
}

/** Up to three distinct values that do not read as times, for the error message. */
export function unreadableExamples(samples: unknown[], format: TimeFormat | null): string[] {
  const out: string[] = [];
  for (const v of samples) {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (format && parseTime(v, format) !== null) continue;
    const text = v instanceof Date ? v.toISOString() : String(v).slice(0, 40);
    if (!out.includes(text)) out.push(text);
    if (out.length === 3) break;
  }
  return out;
}

/** Calendar parts of a wall-clock time from `parseTime`. Weekday 0 = Monday. */
export function timeParts(seconds: number) {
  const d = new Date(seconds * 1000);
  const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  return { month, hour: d.getUTCHours(), weekday: (d.getUTCDay() + 6) % 7 };
}

export function formatWallClock(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");
}
