export { STATUS_LABELS, WORKSHEET_STATUSES, type WorksheetStatus } from "@/lib/workbook/statuses";

/** Periods the dashboard offers for team contributions, in days. */
export const PERIOD_CHOICES = [7, 30, 90] as const;
export const DEFAULT_PERIOD_DAYS = 30;
/** Open comment threads older than this many days need attention. */
export const DEFAULT_STALE_THREAD_DAYS = 7;
