import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { getMinutes } from "@/lib/meetings/service";
import { describeValue } from "@/lib/meetings/describe";

export const metadata: Metadata = { title: "Minutes" };

export default async function MinutesPage({ params }: { params: Promise<{ workspaceId: string; meetingId: string }> }) {
  const { workspaceId, meetingId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/meetings/${meetingId}/minutes`);
  const m = await loadPage(() => getMinutes(actor, workspaceId, meetingId));
  const names = new Map(m.members.map((x) => [x.id, x.name]));
  return (
    <article className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
            <Link className="underline" href={`/w/${workspaceId}/meetings`}>
              Meetings
            </Link>{" "}
            / Minutes
          </nav>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">Minutes: {m.title}</h1>
          <p className="text-sm text-slate-700">
            <LocalTime iso={m.startedAt ?? m.startsAt} />
            {m.location ? ` · ${m.location}` : ""}
            {m.status !== "ENDED" ? " · the meeting has not ended yet, so these minutes are a draft" : ""}
          </p>
        </div>
        <a className={buttonVariants({ variant: "secondary" })} href={`/api/v1/workspaces/${workspaceId}/sessions/${meetingId}/minutes.pdf`}>
          Download minutes (PDF)
        </a>
      </div>
      <Card className="p-5">
        <h2 className="text-lg font-semibold text-slate-900">Attendees</h2>
        {m.attendance.length ? (
          <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" aria-label="Attendees">
            {m.attendance.map((a, i) => (
              <li key={i}>
                {a.name}
                {a.guest ? <span className="text-slate-600"> (guest)</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-700">No attendance was recorded.</p>
        )}
      </Card>
      {m.items.map((item) => (
        <Card key={item.id} className="p-5">
          <h2 className="text-lg font-semibold text-slate-900">
            {item.position + 1}. {item.title}
          </h2>
          <h3 className="mt-3 text-sm font-semibold text-slate-900">Notes</h3>
          {item.notes.trim() ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{item.notes}</p> : <p className="mt-1 text-sm text-slate-600">No notes.</p>}
          <h3 className="mt-3 text-sm font-semibold text-slate-900">Decisions</h3>
          {item.decisions.length ? (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {item.decisions.map((d) => (
                <li key={d.id}>{d.text}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No decisions.</p>
          )}
          {item.isWorksheet ? (
            <>
              <h3 className="mt-3 text-sm font-semibold text-slate-900">Changes to the worksheet during the meeting</h3>
              {item.changes.length ? (
                <ul className="mt-1 space-y-2 text-sm">
                  {item.changes.map((c) => (
                    <li key={c.itemKey} className="rounded border border-slate-200 p-2">
                      <p className="font-medium text-slate-900">
                        {c.label} <span className="font-normal text-slate-600">— by {c.by.join(", ")}</span>
                      </p>
                      <p className="text-slate-700">
                        <span className="font-medium">Before:</span> {describeValue(c.before, names)}
                      </p>
                      <p className="text-slate-700">
                        <span className="font-medium">After:</span> {describeValue(c.after, names)}
                      </p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-sm text-slate-600">No answers were changed.</p>
              )}
            </>
          ) : null}
        </Card>
      ))}
      <Card className="p-5">
        <h2 className="text-lg font-semibold text-slate-900">Action items</h2>
        {m.actions.length === 0 ? (
          <EmptyState title="No action items were recorded" />
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-2">Action</th>
                <th scope="col" className="py-1 pr-2">Owner</th>
                <th scope="col" className="py-1 pr-2">Due</th>
                <th scope="col" className="py-1">In action plan</th>
              </tr>
            </thead>
            <tbody>
              {m.actions.map((a) => (
                <tr key={a.id} className="border-b border-slate-100">
                  <td className="py-1 pr-2">{a.action}</td>
                  <td className="py-1 pr-2">{a.owner ?? "Not assigned"}</td>
                  <td className="py-1 pr-2">{a.dueDate ?? "—"}</td>
                  <td className="py-1">{a.planRowId ? "Yes" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </article>
  );
}
