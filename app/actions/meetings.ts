"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import {
  addActionItem,
  addDecision,
  addGuest,
  createMeeting,
  endMeeting,
  joinMeeting,
  moveToAgendaItem,
  saveNotes,
  startMeeting,
} from "@/lib/meetings/service";

const path = (workspaceId: string, meetingId?: string) => `/w/${workspaceId}/meetings${meetingId ? `/${meetingId}` : ""}`;

export async function createMeetingAction(workspaceId: string, input: unknown) {
  return runAction(async (actor) => {
    const m = await createMeeting(actor, workspaceId, input);
    revalidatePath(path(workspaceId));
    return { id: m.id };
  });
}

export async function startMeetingAction(workspaceId: string, meetingId: string) {
  return runAction(async (actor) => {
    await startMeeting(actor, workspaceId, meetingId);
    revalidatePath(path(workspaceId, meetingId));
    return undefined;
  });
}

export async function moveMeetingAction(workspaceId: string, meetingId: string, position: number) {
  return runAction(async (actor) => {
    await moveToAgendaItem(actor, workspaceId, meetingId, { position });
    return undefined;
  });
}

export async function joinMeetingAction(workspaceId: string, meetingId: string) {
  return runAction(async (actor) => joinMeeting(actor, workspaceId, meetingId));
}

export async function addGuestAction(workspaceId: string, meetingId: string, input: unknown) {
  return runAction(async (actor) => {
    await addGuest(actor, workspaceId, meetingId, input);
    return undefined;
  });
}

export async function saveNotesAction(workspaceId: string, meetingId: string, input: unknown) {
  return runAction(async (actor) => {
    await saveNotes(actor, workspaceId, meetingId, input);
    return undefined;
  });
}

export async function addDecisionAction(workspaceId: string, meetingId: string, input: unknown) {
  return runAction(async (actor) => {
    const d = await addDecision(actor, workspaceId, meetingId, input);
    return { id: (d as { id: string }).id };
  });
}

export async function addActionItemAction(workspaceId: string, meetingId: string, input: unknown) {
  return runAction(async (actor) => {
    const a = await addActionItem(actor, workspaceId, meetingId, input);
    return { id: a.id, inPlan: Boolean(a.planRowId) };
  });
}

export async function endMeetingAction(workspaceId: string, meetingId: string) {
  return runAction(async (actor) => {
    await endMeeting(actor, workspaceId, meetingId);
    revalidatePath(path(workspaceId, meetingId));
    return undefined;
  });
}
