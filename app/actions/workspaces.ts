"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { changeMemberRole, createWorkspace, removeMember, setArchived, updateWorkspace } from "@/lib/workspaces/service";
import { acceptInvitation, createInvitation, resendInvitation, revokeInvitation } from "@/lib/invitations/service";

export async function createWorkspaceAction(input: unknown) {
  return runAction(async (actor) => {
    const ws = await createWorkspace(actor, input);
    return { id: ws.id };
  });
}

export async function updateWorkspaceAction(workspaceId: string, input: unknown) {
  return runAction(async (actor) => {
    const ws = await updateWorkspace(actor, workspaceId, input);
    revalidatePath(`/w/${workspaceId}`, "layout");
    return { name: ws.name };
  });
}

export async function setArchivedAction(workspaceId: string, archived: boolean) {
  return runAction(async (actor) => {
    await setArchived(actor, workspaceId, archived === true);
    revalidatePath("/workspaces");
    return undefined;
  });
}

export async function inviteAction(workspaceId: string, input: unknown) {
  return runAction(async (actor) => {
    const inv = await createInvitation(actor, workspaceId, input);
    revalidatePath(`/w/${workspaceId}/members`);
    return { link: inv.link, emailed: inv.emailed, email: inv.email };
  });
}

export async function resendInvitationAction(workspaceId: string, invitationId: string) {
  return runAction(async (actor) => {
    const inv = await resendInvitation(actor, workspaceId, invitationId);
    revalidatePath(`/w/${workspaceId}/members`);
    return { link: inv.link, emailed: inv.emailed, email: inv.email };
  });
}

export async function revokeInvitationAction(workspaceId: string, invitationId: string) {
  return runAction(async (actor) => {
    await revokeInvitation(actor, workspaceId, invitationId);
    revalidatePath(`/w/${workspaceId}/members`);
    return undefined;
  });
}

export async function changeRoleAction(workspaceId: string, input: unknown) {
  return runAction(async (actor) => {
    await changeMemberRole(actor, workspaceId, input);
    revalidatePath(`/w/${workspaceId}/members`);
    return undefined;
  });
}

export async function removeMemberAction(workspaceId: string, userId: string) {
  return runAction(async (actor) => {
    await removeMember(actor, workspaceId, userId);
    revalidatePath(`/w/${workspaceId}/members`);
    return undefined;
  });
}

export async function acceptInvitationAction(token: string) {
  return runAction(async (actor) => acceptInvitation(actor, token));
}
