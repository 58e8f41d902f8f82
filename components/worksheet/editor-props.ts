import type { WorksheetView } from "@/lib/workbook/service";
import type { WorksheetEditorProps } from "./worksheet-editor";

/** The editor's props for a worksheet as the workbook service loaded it. */
export function editorProps(view: WorksheetView, workspaceId: string): Omit<WorksheetEditorProps, "me" | "collab"> {
  const archived = Boolean(view.access.workspace.archivedAt);
  return {
    workspaceId,
    worksheet: view.worksheet,
    section: view.section,
    answers: Object.fromEntries(Object.entries(view.answers).map(([k, a]) => [k, { value: a.value, version: a.version }])),
    members: view.members,
    calc: view.calc,
    status: view.status,
    canEdit: view.canEdit,
    canSetStatus: view.canSetStatus,
    canReview: view.canReview,
    prev: view.prev,
    next: view.next,
    position: view.position,
    frameworks: view.worksheet.frameworks,
    readOnlyReason: archived ? "Archived — read only" : view.access.role === "VIEWER" ? "View only" : undefined,
  };
}
