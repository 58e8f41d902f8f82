/** A worksheet's status, and how it is shown. Safe to import in the browser. */
export const WORKSHEET_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "READY_FOR_REVIEW", "COMPLETE"] as const;
export type WorksheetStatus = (typeof WORKSHEET_STATUSES)[number];

export const STATUS_LABELS: Record<WorksheetStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  READY_FOR_REVIEW: "Ready for review",
  COMPLETE: "Complete",
};
