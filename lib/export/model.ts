import type { Template } from "@/lib/workbook/template-schema";
import type { ExportOptions } from "./options";

/**
 * Everything a PDF export shows, gathered by the service before rendering.
 * The model is plain data (structured-clonable: strings, numbers, arrays,
 * plain objects and Dates), so it can be posted to a rendering worker.
 */

export type MemberRole = "COORDINATOR" | "MEMBER" | "VIEWER";
export type WorksheetStatus = "NOT_STARTED" | "IN_PROGRESS" | "READY_FOR_REVIEW" | "COMPLETE";

export type ExportMember = { id: string; name: string; email: string; role: MemberRole };

export type ExportComment = { authorName: string; body: string; createdAt: Date };

/** An open (unresolved) comment thread with its comments that are not deleted, oldest first. */
export type ExportThread = {
  id: string;
  worksheetKey: string;
  /** Null for a thread on the worksheet as a whole. */
  itemKey: string | null;
  createdAt: Date;
  comments: ExportComment[];
};

export type ProgressSummary = {
  /** 0–1. */
  overall: number;
  sections: Array<{ key?: string; title: string; completion: number }>;
  statusCounts: Record<WorksheetStatus, number>;
};

export type ExportModel = {
  workspace: { name: string; jurisdiction: string; population: number | null };
  template: Template;
  /** Item key → stored answer value (items without an answer are absent). */
  answers: Record<string, unknown>;
  /** Worksheet key → status (absent = NOT_STARTED). */
  statuses: Record<string, WorksheetStatus>;
  members: ExportMember[];
  threads: ExportThread[];
  progress?: ProgressSummary;
  exportedAt: Date;
  /** The worksheets to show, in order (see `selectWorksheets`). */
  worksheetKeys: string[];
  options: ExportOptions;
  /** IANA time zone for dates shown in the PDF; defaults to the server's. */
  timeZone?: string;
};

export const ROLE_NAMES: Record<MemberRole, string> = {
  COORDINATOR: "Coordinator",
  MEMBER: "Member",
  VIEWER: "Viewer",
};

export const STATUS_NAMES: Record<WorksheetStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  READY_FOR_REVIEW: "Ready for review",
  COMPLETE: "Complete",
};
