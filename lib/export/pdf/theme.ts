/** Colours, sizes and formatting shared by every PDF the app produces. */

export const colors = {
  ink: "#1F2933",
  muted: "#5B6875",
  faint: "#8A96A3",
  rule: "#D3DAE1",
  ruleStrong: "#9AA5B1",
  panel: "#F3F6F9",
  panelStrong: "#E4EBF2",
  navy: "#1B365D",
  navySoft: "#2E5A88",
  accent: "#2A7F8E",
  white: "#FFFFFF",
  coverText: "#DCE6F0",
  status: {
    NOT_STARTED: { fg: "#52606D", bg: "#EEF1F4" },
    IN_PROGRESS: { fg: "#1D5A9E", bg: "#E3EEFA" },
    READY_FOR_REVIEW: { fg: "#8A5A00", bg: "#FFF3D6" },
    COMPLETE: { fg: "#1E6B3A", bg: "#E2F4E8" },
  },
  draft: { fg: "#8A5A00", bg: "#FFF3D6" },
  final: { fg: "#1E6B3A", bg: "#E2F4E8" },
} as const;

/** US Letter: the paper size of the agencies using the workbook. */
export const page = {
  size: "LETTER" as const,
  width: 612,
  height: 792,
  marginX: 54,
  marginTop: 64,
  marginBottom: 60,
};
export const contentWidth = page.width - page.marginX * 2;

export const fontSizes = {
  body: 9.5,
  small: 8,
  tiny: 7,
  itemLabel: 10,
  h3: 11.5,
  h2: 15,
  h1: 20,
};

// ---------------------------------------------------------------------------
// Formatting

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string | undefined, month: "long" | "short" = "long") {
  const key = `${timeZone ?? ""}|${month}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { year: "numeric", month, day: "numeric", ...(timeZone ? { timeZone } : {}) });
    dateFormatters.set(key, f);
  }
  return f;
}

/** "November 23, 2026" in the given time zone (the server's by default). */
export function formatDate(date: Date, timeZone?: string): string {
  return formatter(timeZone).format(date);
}

/** A calendar date "2026-03-31" → "March 31, 2026" ("Mar 31, 2026" when short); anything else is returned as is. */
export function formatIsoDate(value: string, month: "long" | "short" = "long"): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : formatter("UTC", month).format(d);
}

/** "2026-11-23" for a moment, in the given time zone. */
export function dayKey(date: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", ...(timeZone ? { timeZone } : {}) }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function percent(fraction: number): string {
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}
