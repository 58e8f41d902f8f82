import type { Role } from "@/lib/auth/permissions";
import type { Contribution, WorksheetStatus } from "./model";

/** The JSON shapes of the progress report (GET /api/v1/workspaces/{id}/progress). */

export type Person = { id: string; name: string };

export type WorksheetProgress = {
  key: string;
  title: string;
  sectionKey: string;
  sectionTitle: string;
  status: WorksheetStatus;
  /** 0–1. */
  completion: number;
  requiredItems: number;
  answeredRequiredItems: number;
  assignees: Person[];
  /** The earliest due date among the worksheet's assignments ("YYYY-MM-DD"). */
  dueDate: string | null;
  overdue: boolean;
  /** ISO time of the latest answer or status change. */
  lastChangedAt: string | null;
  lastChangedBy: Person | null;
  openComments: number;
};

export type AttentionItem =
  | {
      kind: "overdue";
      worksheetKey: string;
      worksheetTitle: string;
      assignee: Person;
      dueDate: string;
      daysOverdue: number;
    }
  | { kind: "ready_for_review"; worksheetKey: string; worksheetTitle: string; since: string | null }
  | { kind: "stale_comments"; worksheetKey: string; worksheetTitle: string; threads: number; oldest: string };

export type Progress = {
  workspace: { id: string; name: string };
  viewer: { userId: string; role: Role };
  generatedAt: string;
  /** Today's date in the chosen time zone. */
  today: string;
  timeZone: string;
  /** The contributions period: firstDay to lastDay, both included. */
  period: { days: number; firstDay: string; lastDay: string };
  staleThreadDays: number;
  /** 0–1: answered required items over required items, whole workbook. */
  overall: number;
  totals: { worksheets: number; requiredItems: number; answeredRequiredItems: number };
  sections: Array<{ key: string; title: string; completion: number; worksheets: number }>;
  worksheets: WorksheetProgress[];
  statusCounts: Record<WorksheetStatus, number>;
  /** Completed worksheets at the end of each day, from the workbook's first day to today. */
  completedByDay: Array<{ date: string; completed: number }>;
  /** Answered required items at the end of each day of the period. */
  answeredByDay: Array<{ date: string; answered: number }>;
  needsAttention: AttentionItem[];
  /** Per person over the period; only shown to coordinators (null for other roles). */
  contributions: Contribution[] | null;
};
