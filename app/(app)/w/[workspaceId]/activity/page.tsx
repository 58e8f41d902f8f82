import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/card";
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
    default:
      return "";
  }
}

export default async function ActivityPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/activity`);
  const entries = await loadPage(() => listAuditLog(actor, workspaceId, { limit: 200 }));
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">Activity log</h1>
      <p className="mt-1 mb-6 text-slate-700">Changes to the team, invitations, the workspace and worksheet statuses, newest first.</p>
      {entries.length === 0 ? (
        <EmptyState title="Nothing has happened yet" />
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm">
              <span>
                <span className="font-medium text-slate-900">{e.actorName}</span> {AUDIT_LABELS[e.action] ?? e.action}
                {detail(e.action, e.data, e.targetName) ? <span className="text-slate-700"> — {detail(e.action, e.data, e.targetName)}</span> : null}
              </span>
              <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
                {e.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
