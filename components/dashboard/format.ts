import type { WorksheetStatus } from "@/lib/progress/constants";

/** Display helpers shared by the dashboard's server and client components. */

/** Status badge colours; the status is always written out too, never shown by colour alone. */
export const STATUS_STYLES: Record<WorksheetStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  READY_FOR_REVIEW: "bg-amber-100 text-amber-900",
  COMPLETE: "bg-emerald-100 text-emerald-900",
};

/**
 * A share (0–1) as a whole percentage. Rounded down, so a workbook shows
 * 100% only when it really is complete.
 */
export function percent(share: number): string {
  const p = Math.floor(Math.max(0, Math.min(1, share)) * 100 + 1e-9);
  return `${p}%`;
}

const dayFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });
const shortDayFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });

/** "2026-04-03" → "Apr 3, 2026". */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** "2026-04-03" → "Apr 3". */
export function formatShortDay(day: string): string {
  return shortDayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
