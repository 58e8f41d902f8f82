import type { Metadata } from "next";
import { LiveMeeting } from "@/components/meetings/live-meeting";
import { WorksheetEditor } from "@/components/worksheet/worksheet-editor";
import { editorProps } from "@/components/worksheet/editor-props";
import { can } from "@/lib/auth/authorize";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { getMeeting } from "@/lib/meetings/service";
import { getWorksheetView } from "@/lib/workbook/service";

export const metadata: Metadata = { title: "Meeting" };

export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; meetingId: string }>;
  searchParams: Promise<{ item?: string }>;
}) {
  const { workspaceId, meetingId } = await params;
  const { item } = await searchParams;
  const actor = await requirePageActor(`/w/${workspaceId}/meetings/${meetingId}`);
  const meeting = await loadPage(() => getMeeting(actor, workspaceId, meetingId));
  const requested = item !== undefined && /^\d+$/.test(item) ? Number(item) : null;
  const live = meeting.status === "LIVE";
  const following = requested === null || (live && requested === meeting.currentPosition);
  const shownPosition = Math.min(requested ?? (live ? meeting.currentPosition : 0), meeting.agenda.length - 1);
  const shown = meeting.agenda[shownPosition];
  const view = shown?.worksheetKey ? await loadPage(() => getWorksheetView(actor, workspaceId, shown.worksheetKey!)) : null;
  const { access, ...data } = meeting;
  return (
    <LiveMeeting
      workspaceId={workspaceId}
      meeting={data}
      shownPosition={shownPosition}
      following={following}
      canManage={can(access, "meeting.manage")}
      canContribute={can(access, "meeting.contribute")}
      worksheetPanel={
        view ? (
          <section aria-label="Worksheet for this agenda item" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
            <WorksheetEditor
              key={view.worksheet.key}
              {...editorProps(view, workspaceId)}
              prev={null}
              next={null}
            />
          </section>
        ) : null
      }
    />
  );
}
