import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/card";
import { loadPage } from "@/lib/api/page";
import { myWork } from "@/lib/assignments/service";
import { myActionItems } from "@/lib/meetings/service";
import { requirePageActor } from "@/lib/auth/session";
import type { WorksheetStatus } from "@/lib/workbook/service";

export const metadata: Metadata = { title: "My work" };

const STATUS_STYLE: Record<WorksheetStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  READY_FOR_REVIEW: "bg-amber-100 text-amber-900",
  COMPLETE: "bg-green-100 text-green-900",
};

const formatDay = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function MyWorkPage() {
  const actor = await requirePageActor("/my-work");
  const [items, actions] = await loadPage(() => Promise.all([myWork(actor), myActionItems(actor)]));
  const today = new Date().toISOString().slice(0, 10);
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">My work</h1>
      <p className="mt-1 mb-6 text-slate-700">
        Worksheets a coordinator has assigned to you, in every plan you are on, soonest due first.
        {overdue ? <strong className="text-red-800"> {overdue === 1 ? "One is overdue." : `${overdue} are overdue.`}</strong> : null}
      </p>
      {items.length === 0 ? (
        <EmptyState title="Nothing is assigned to you right now">
          A coordinator can assign worksheets to you from a worksheet&apos;s page. You can still open and fill in any worksheet from{" "}
          <Link href="/workspaces" className="text-brand-700 underline">
            your plans
          </Link>
          .
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Worksheets assigned to you</caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Worksheet
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Plan
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Due
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.assignmentId} className="border-t border-slate-200 align-top" data-testid="my-work-row">
                  <td className="px-4 py-3">
                    <Link href={`/w/${i.workspace.id}/worksheets/${encodeURIComponent(i.worksheet.key)}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {i.worksheet.title}
                    </Link>
                    <p className="text-slate-600">{i.worksheet.sectionTitle}</p>
                  </td>
                  <td className="px-4 py-3 text-slate-800">
                    {i.workspace.name}
                    {i.workspace.archived ? <Badge className="ml-2 bg-amber-100 text-amber-900">Archived</Badge> : null}
                  </td>
                  <td className="px-4 py-3">
                    <Badge className={STATUS_STYLE[i.status]}>{i.statusLabel}</Badge>
                  </td>
                  <td className="px-4 py-3">
                    {i.dueDate ? (
                      <span className={i.overdue ? "font-semibold text-red-800" : "text-slate-800"}>
                        {i.overdue ? "Overdue — was due " : ""}
                        {formatDay(i.dueDate)}
                      </span>
                    ) : (
                      <span className="text-slate-600">No due date</span>
                    )}
                    {i.assignedBy ? <p className="text-xs text-slate-600">Assigned by {i.assignedBy}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="actions-heading" className="mt-10">
        <h2 id="actions-heading" className="text-lg font-semibold text-slate-900">
          Action items from meetings
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">Actions the team gave you in a meeting. Each one is also a row of the plan&apos;s action plan.</p>
        {actions.length === 0 ? (
          <EmptyState title="No action items are yours right now" />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Your action items">
            {actions.map((a) => {
              const late = a.dueDate !== null && a.dueDate < today;
              return (
                <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{a.action}</span>
                    <span className="block text-slate-600">
                      {a.workspaceName} ·{" "}
                      <Link className="text-brand-700 underline" href={`/w/${a.workspaceId}/meetings/${a.meetingId}/minutes`}>
                        {a.meetingTitle}
                      </Link>
                    </span>
                  </span>
                  <span className={late ? "font-semibold text-red-800" : "text-slate-800"}>
                    {a.dueDate ? `${late ? "Overdue — was due " : "Due "}${formatDay(a.dueDate)}` : "No due date"}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
