import type { Metadata } from "next";
import { WorksheetEditor } from "@/components/worksheet/worksheet-editor";
import { editorProps } from "@/components/worksheet/editor-props";
import { loadPage } from "@/lib/api/page";
import { listAssignments } from "@/lib/assignments/service";
import { can } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/session";
import { listThreads } from "@/lib/comments/service";
import { listPresence } from "@/lib/live/presence";
import { currentLiveEventId } from "@/lib/live/stream";
import { getWorksheetView } from "@/lib/workbook/service";

export const metadata: Metadata = { title: "Worksheet" };

export default async function WorksheetPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; worksheetKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId, worksheetKey } = await params;
  const query = await searchParams;
  const actor = await requirePageActor(`/w/${workspaceId}/worksheets/${worksheetKey}`);
  // Read before the data: live updates resume from here, so nothing between is missed.
  const lastEventId = await currentLiveEventId();
  const view = await loadPage(() => getWorksheetView(actor, workspaceId, worksheetKey));
  const canReadComments = can(view.access, "comment.read");
  const [comments, assignments, presence] = await loadPage(() =>
    Promise.all([
      canReadComments ? listThreads(actor, workspaceId, { worksheetKey }) : Promise.resolve(null),
      listAssignments(actor, workspaceId, { worksheetKey }),
      listPresence(actor, workspaceId, worksheetKey),
    ]),
  );
  const openComments = typeof query.comments === "string" && query.comments.length <= 100 ? query.comments : null;
  return (
    <WorksheetEditor
      key={worksheetKey}
      {...editorProps(view, workspaceId)}
      me={{ id: actor.userId, name: actor.name }}
      collab={{
        threads: comments?.threads ?? [],
        canReadComments,
        canComment: comments?.canWrite ?? false,
        assignments: assignments.assignments,
        canAssign: assignments.canAssign,
        assignable: view.members.filter((m) => m.role !== "VIEWER").map((m) => ({ id: m.id, name: m.name })),
        presence: presence.filter((p) => p.userId !== actor.userId),
        lastEventId: lastEventId.toString(),
        openComments,
      }}
    />
  );
}
