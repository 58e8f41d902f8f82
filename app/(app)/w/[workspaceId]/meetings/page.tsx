import type { Metadata } from "next";
import Link from "next/link";
import { ScheduleMeetingForm } from "@/components/meetings/schedule-form";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { authorize, can } from "@/lib/auth/authorize";
import { listMeetings } from "@/lib/meetings/service";
import { workbookFor } from "@/lib/workbook/service";

export const metadata: Metadata = { title: "Meetings" };

const STATUS = { SCHEDULED: "Scheduled", LIVE: "In progress", ENDED: "Ended" } as const;

const When = ({ iso }: { iso: string }) => <LocalTime iso={iso} />;

export default async function MeetingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/meetings`);
  const { access, meetings, worksheets } = await loadPage(async () => {
    const access = await authorize(actor, workspaceId, "meeting.read");
    const meetings = await listMeetings(actor, workspaceId);
    const wb = await workbookFor(access.workspaceId);
    const sectionTitle = new Map(wb.index.sections.map((s) => [s.key, s.title]));
    return { access, meetings, worksheets: wb.index.worksheets.map((w) => ({ key: w.key, title: w.title, section: sectionTitle.get(w.sectionKey) ?? "" })) };
  });
  const canManage = can(access, "meeting.manage");
  const list = (items: typeof meetings.upcoming, empty: string) =>
    items.length === 0 ? (
      <EmptyState title={empty} />
    ) : (
      <ul className="space-y-3">
        {items.map((m) => (
          <li key={m.id}>
            <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <Link href={`/w/${workspaceId}/meetings/${m.id}${m.status === "ENDED" ? "/minutes" : ""}`} className="font-semibold text-brand-700 hover:underline">
                  {m.title}
                </Link>
                <p className="text-sm text-slate-700">
                  <When iso={m.startsAt} />
                  {m.location ? ` · ${m.location}` : ""}
                </p>
              </div>
              <div className="flex flex-wrap gap-2 text-sm">
                <Badge className={m.status === "LIVE" ? "bg-green-100 text-green-900" : undefined}>{STATUS[m.status]}</Badge>
                <Badge>{m.agendaCount} agenda items</Badge>
                {m.status === "ENDED" ? (
                  <Badge>
                    {m.decisionCount} decisions · {m.actionCount} actions
                  </Badge>
                ) : null}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_26rem]">
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Team meetings</h1>
          <p className="mt-1 text-slate-700">Plan each meeting around a few worksheets, run it here, and keep the minutes with the plan.</p>
        </div>
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Upcoming and in progress
          </h2>
          {list(meetings.upcoming, canManage ? "No meetings scheduled. Use the form to plan the next one." : "No meetings are scheduled yet.")}
        </section>
        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Past meetings
          </h2>
          {list(meetings.past, "No past meetings yet.")}
        </section>
      </div>
      {canManage ? (
        <aside aria-labelledby="schedule-heading">
          <Card className="p-5">
            <h2 id="schedule-heading" className="mb-4 text-lg font-semibold text-slate-900">
              Schedule a meeting
            </h2>
            <ScheduleMeetingForm workspaceId={workspaceId} worksheets={worksheets} />
          </Card>
        </aside>
      ) : null}
    </div>
  );
}
