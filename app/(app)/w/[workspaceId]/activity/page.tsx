import type { Metadata } from "next";
import Link from "next/link";
import { Avatar } from "@/components/collab/presence";
import { EmptyState } from "@/components/ui/card";
import { activityFeed, type ActivityEntry } from "@/lib/activity/service";
import { AUDIT_LABELS } from "@/lib/audit/log";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { listAuditLog } from "@/lib/workspaces/service";

export const metadata: Metadata = { title: "Activity" };

function detail(action: string, data: Record<string, unknown> | null, targetName: string | null) {
  const d = data ?? {};
  const lower = (v: unknown) => String(v ?? "").toLowerCase().replace(/_/g, " ");
  switch (action) {
    case "invitation.created":
    case "invitation.resent":
    case "invitation.revoked":
      return `${d.email ?? ""}${d.role ? ` as ${lower(d.role)}` : ""}`;
    case "member.role_changed":
      return `${targetName ?? "a member"}: ${lower(d.from)} → ${lower(d.to)}`;
    case "member.removed":
      return targetName ?? "";
    case "worksheet.status_changed":
      return `${lower(d.from)} → ${lower(d.to)}`;
    case "workspace.created":
      return String(d.name ?? "");
    case "workbook.upgraded":
      return `version ${d.fromVersion} → ${d.toVersion}${d.archived ? `; ${d.archived} ${d.archived === 1 ? "answer" : "answers"} archived` : ""}`;
    case "assignment.created":
    case "assignment.removed":
    case "assignment.updated":
      return targetName ?? "";
    default:
      return "";
  }
}

const KIND_LABEL: Record<ActivityEntry["kind"], string> = {
  answer: "Answer",
  restore: "Restore",
  comment: "Comment",
  resolved: "Resolved",
  status: "Status",
  assignment: "Assignment",
};

const when = (d: Date | string) => new Date(d).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
const str = (v: string | string[] | undefined, max: number) => (typeof v === "string" && v.length > 0 && v.length <= max ? v : undefined);

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const q = await searchParams;
  const actor = await requirePageActor(`/w/${workspaceId}/activity`);
  const person = str(q.person, 64);
  const section = str(q.section, 100);
  const beforeRaw = str(q.before, 40);
  const before = beforeRaw && !Number.isNaN(Date.parse(beforeRaw)) ? new Date(beforeRaw).toISOString() : undefined;
  const feed = await loadPage(() => activityFeed(actor, workspaceId, { person, section, before }));
  const auditLog = feed.canSeeAuditLog && !before ? await loadPage(() => listAuditLog(actor, workspaceId, { limit: 50 })) : null;
  const filtered = Boolean(feed.filters.person || feed.filters.section);
  const here = `/w/${workspaceId}/activity`;
  const older = feed.nextBefore
    ? `${here}?${new URLSearchParams({ ...(feed.filters.person ? { person: feed.filters.person } : {}), ...(feed.filters.section ? { section: feed.filters.section } : {}), before: feed.nextBefore })}`
    : null;
  return (
    <div className="grid gap-10">
      <section aria-labelledby="feed-heading">
        <h1 id="feed-heading" className="text-2xl font-bold text-slate-900">
          Activity
        </h1>
        <p className="mt-1 text-slate-700">Recent work on the plan, newest first: answers and restores, comments, statuses and assignments.</p>

        <form method="get" action={here} className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter the activity">
          <div>
            <label htmlFor="filter-person" className="block text-sm font-medium text-slate-800">
              Person
            </label>
            <select id="filter-person" name="person" defaultValue={feed.filters.person ?? ""} className="mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
              <option value="">Everyone</option>
              {feed.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-section" className="block text-sm font-medium text-slate-800">
              Section
            </label>
            <select id="filter-section" name="section" defaultValue={feed.filters.section ?? ""} className="mt-1 max-w-xs rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
              <option value="">All sections</option>
              {feed.sections.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="h-9 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
            Show
          </button>
          {filtered ? (
            <Link href={here} className="pb-2 text-sm text-brand-700 underline">
              Clear filters
            </Link>
          ) : null}
        </form>

        <div className="mt-4">
          {feed.entries.length === 0 ? (
            <EmptyState title={filtered ? "Nothing matches these filters" : before ? "No older activity" : "Nothing has happened yet"}>
              {filtered ? "Try another person or section, or clear the filters." : "Answers, comments, status changes and assignments will show up here."}
            </EmptyState>
          ) : (
            <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="activity-feed">
              {feed.entries.map((e) => (
                <li key={e.id} className="flex gap-3 px-4 py-3 text-sm">
                  <Avatar id={e.actor?.id ?? "system"} name={e.actor?.name ?? "System"} />
                  <div className="min-w-0 flex-1">
                    <p className="text-slate-900">
                      <span className="font-medium">{e.actor?.name ?? "Someone"}</span> {e.text} in{" "}
                      <Link href={e.href} className="text-brand-700 underline underline-offset-2">
                        {e.worksheet.title}
                      </Link>
                      <span className="text-slate-600"> ({e.worksheet.sectionTitle})</span>
                    </p>
                    {e.detail ? <p className="mt-0.5 break-words text-slate-700">{e.detail}</p> : null}
                  </div>
                  <div className="shrink-0 text-right">
                    <span className="block text-xs font-medium uppercase tracking-wide text-slate-600">{KIND_LABEL[e.kind]}</span>
                    <time dateTime={e.at} className="text-slate-600">
                      {when(e.at)}
                    </time>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <div className="mt-3 flex gap-4 text-sm">
            {before ? (
              <Link href={`${here}?${new URLSearchParams({ ...(feed.filters.person ? { person: feed.filters.person } : {}), ...(feed.filters.section ? { section: feed.filters.section } : {}) })}`} className="text-brand-700 underline">
                Back to the newest
              </Link>
            ) : null}
            {older ? (
              <Link href={older} className="text-brand-700 underline">
                Show older activity
              </Link>
            ) : null}
          </div>
        </div>
      </section>

      {auditLog ? (
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="text-xl font-semibold text-slate-900">
            Team and settings log
          </h2>
          <p className="mt-1 mb-4 text-slate-700">Changes to the team, invitations, the workspace, statuses and restores, newest first. Only coordinators see this log.</p>
          {auditLog.length === 0 ? (
            <EmptyState title="Nothing has happened yet" />
          ) : (
            <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {auditLog.map((e) => (
                <li key={e.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{e.actorName}</span> {AUDIT_LABELS[e.action] ?? e.action}
                    {detail(e.action, e.data, e.targetName) ? <span className="text-slate-700"> — {detail(e.action, e.data, e.targetName)}</span> : null}
                  </span>
                  <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
                    {when(e.createdAt)}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
