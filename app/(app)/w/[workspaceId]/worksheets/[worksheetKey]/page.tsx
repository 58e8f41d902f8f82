import type { Metadata } from "next";
import { WorksheetEditor } from "@/components/worksheet/worksheet-editor";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { getWorksheetView } from "@/lib/workbook/service";

export const metadata: Metadata = { title: "Worksheet" };

export default async function WorksheetPage({ params }: { params: Promise<{ workspaceId: string; worksheetKey: string }> }) {
  const { workspaceId, worksheetKey } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/worksheets/${worksheetKey}`);
  const view = await loadPage(() => getWorksheetView(actor, workspaceId, worksheetKey));
  const archived = Boolean(view.access.workspace.archivedAt);
  return (
    <WorksheetEditor
      key={worksheetKey}
      workspaceId={workspaceId}
      worksheet={view.worksheet}
      section={view.section}
      answers={Object.fromEntries(Object.entries(view.answers).map(([k, a]) => [k, { value: a.value, version: a.version }]))}
      members={view.members}
      status={view.status}
      canEdit={view.canEdit}
      canSetStatus={view.canSetStatus}
      canReview={view.canReview}
      prev={view.prev}
      next={view.next}
      position={view.position}
      frameworks={view.worksheet.frameworks}
      readOnlyReason={archived ? "Archived — read only" : view.access.role === "VIEWER" ? "View only" : undefined}
    />
  );
}
