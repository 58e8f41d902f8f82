import { WorkspaceNav, type NavLink } from "@/components/layout/workspace-nav";
import { Badge } from "@/components/ui/card";
import { authorize, can } from "@/lib/auth/authorize";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/workspaces/service";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}`);
  const [access, mine] = await loadPage(() => Promise.all([authorize(actor, workspaceId, "workspace.read"), listWorkspaces(actor)]));
  const base = `/w/${workspaceId}`;
  const links: NavLink[] = [
    { href: base, label: "Workbook", exact: true, also: [`${base}/worksheets/`] },
    { href: `${base}/dashboard`, label: "Progress" },
    { href: `${base}/meetings`, label: "Meetings" },
    { href: `${base}/members`, label: "Team" },
  ];
  if (can(access, "activity.read")) links.push({ href: `${base}/activity`, label: "Activity" });
  if (can(access, "workspace.manage")) links.push({ href: `${base}/settings`, label: "Settings" });
  return (
    <main id="main">
      <div className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-7xl px-4 pt-4">
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-lg font-semibold text-slate-900">{access.workspace.name}</p>
            <Badge>{ROLE_LABELS[access.role]}</Badge>
            {access.workspace.archivedAt ? <Badge className="bg-amber-100 text-amber-900">Archived — read only</Badge> : null}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-700">{access.workspace.jurisdiction}</p>
            <WorkspaceSwitcher current={workspaceId} workspaces={mine.some((w) => w.id === workspaceId) ? mine : [{ id: workspaceId, name: access.workspace.name }, ...mine]} />
          </div>
          <div className="mt-3">
            <WorkspaceNav links={links} />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4 py-6">{children}</div>
    </main>
  );
}
