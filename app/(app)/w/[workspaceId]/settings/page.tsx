import type { Metadata } from "next";
import { SettingsForm } from "@/components/workspaces/settings-form";
import { authorize } from "@/lib/auth/authorize";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/settings`);
  const access = await loadPage(() => authorize(actor, workspaceId, "workspace.manage"));
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold text-slate-900">Plan settings</h1>
      <SettingsForm
        workspaceId={workspaceId}
        initial={{ name: access.workspace.name, jurisdiction: access.workspace.jurisdiction, population: access.workspace.population }}
        archived={Boolean(access.workspace.archivedAt)}
      />
    </div>
  );
}
