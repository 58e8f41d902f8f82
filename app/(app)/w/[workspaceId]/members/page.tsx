import type { Metadata } from "next";
import { MembersPanel } from "@/components/workspaces/members-panel";
import { authorize, can } from "@/lib/auth/authorize";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { emailEnabled, listInvitations } from "@/lib/invitations/service";
import { listMembers } from "@/lib/workspaces/service";

export const metadata: Metadata = { title: "Team" };

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/members`);
  const { access, members, invitations } = await loadPage(async () => {
    const access = await authorize(actor, workspaceId, "members.read");
    const members = await listMembers(actor, workspaceId);
    const invitations = can(access, "members.manage") ? await listInvitations(actor, workspaceId) : [];
    return { access, members, invitations };
  });
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold text-slate-900">Planning team</h1>
      <MembersPanel
        workspaceId={workspaceId}
        members={members}
        invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
        canManage={can(access, "members.manage")}
        currentUserId={actor.userId}
        emailEnabled={emailEnabled()}
      />
    </div>
  );
}
