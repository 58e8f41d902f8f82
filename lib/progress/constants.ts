export const WORKSHEET_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "READY_FOR_REVIEW", "COMPLETE"] as const;
export type WorksheetStatus = (typeof WORKSHEET_STATUSES)[number];

export const STATUS_LABELS: Record<WorksheetStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  READY_FOR_REVIEW: "Ready for review",
  COMPLETE: "Complete",
};

/** Periods the dashboard offers for team contributions, in days. */
export const PERIOD_CHOICES = [7, 30, 90] as const;
export const DEFAULT_PERIOD_DAYS = 30;
/** Open comment threads older than this many days need attention. */
export const DEFAULT_STALE_THREAD_DAYS = 7;
