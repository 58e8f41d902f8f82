import "server-only";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { audit } from "@/lib/audit/log";
import { getDb } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { publish } from "@/lib/live/publish";
import type { TableValue } from "@/lib/workbook/answer-schemas";
import { saveAnswer, workbookFor } from "@/lib/workbook/service";
import { actionItemSchema, createMeetingSchema, decisionSchema, guestSchema, notesSchema, positionSchema } from "./schemas";

/** The implementation plan's action plan, where meeting action items are recorded. */
export const ACTION_PLAN_ITEM_KEY = "implementation.action-plan";

const meetingInclude = {
  agenda: { orderBy: { position: "asc" as const } },
  decisions: { orderBy: { createdAt: "asc" as const } },
  actions: { orderBy: { createdAt: "asc" as const } },
  attendance: { orderBy: { joinedAt: "asc" as const } },
};

async function loadMeeting(workspaceId: string, meetingId: string) {
  if (typeof meetingId !== "string" || meetingId.length > 64) throw notFound("Meeting");
  const m = await getDb().meeting.findFirst({ where: { id: meetingId, workspaceId }, include: meetingInclude });
  if (!m) throw notFound("Meeting");
  return m;
}

async function namesFor(workspaceId: string) {
  const rows = await getDb().membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true } } } });
  return new Map(rows.map((r) => [r.user.id, r.user.name]));
}

export async function createMeeting(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "meeting.manage");
  const data = parseInput(createMeetingSchema, input);
  const wb = await workbookFor(access.workspaceId);
  data.agenda.forEach((entry, i) => {
    if ("worksheetKey" in entry && !wb.index.worksheetByKey.has(entry.worksheetKey)) {
      throw new AppError("validation_failed", `Agenda item ${i + 1}: there is no worksheet “${entry.worksheetKey}”.`, [
        { path: `agenda.${i}.worksheetKey`, message: "Unknown worksheet" },
      ]);
    }
  });
  return getDb().$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        workspaceId: access.workspaceId,
        title: data.title,
        startsAt: new Date(data.startsAt),
        location: data.location || null,
        createdById: access.actor.userId,
        agenda: {
          create: data.agenda.map((entry, position) => ({
            position,
            worksheetKey: "worksheetKey" in entry ? entry.worksheetKey : null,
            title: "title" in entry ? entry.title : null,
            minutes: entry.minutes ?? null,
          })),
        },
      },
    });
    await audit(tx, {
      workspaceId: access.workspaceId,
      actorId: access.actor.userId,
      action: "meeting.scheduled",
      targetType: "meeting",
      targetId: meeting.id,
      data: { title: meeting.title },
    });
    await publish(tx, access.workspaceId, "meeting.changed", { meetingId: meeting.id, change: "scheduled" });
    return meeting;
  });
}

export async function listMeetings(actor: Actor, workspaceId: string) {
  const access = await authorize(actor, workspaceId, "meeting.read");
  const rows = await getDb().meeting.findMany({
    where: { workspaceId: access.workspaceId },
    orderBy: { startsAt: "asc" },
    include: { _count: { select: { agenda: true, decisions: true, actions: true, attendance: true } } },
  });
  const shape = (m: (typeof rows)[number]) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    location: m.location,
    status: m.status,
    agendaCount: m._count.agenda,
    decisionCount: m._count.decisions,
    actionCount: m._count.actions,
    attendeeCount: m._count.attendance + m.guests.length,
  });
  return {
    upcoming: rows.filter((m) => m.status !== "ENDED").map(shape),
    past: rows.filter((m) => m.status === "ENDED").reverse().map(shape),
  };
}

export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

export async function getMeeting(actor: Actor, workspaceId: string, meetingId: string) {
  const access = await authorize(actor, workspaceId, "meeting.read");
  const m = await loadMeeting(access.workspaceId, meetingId);
  const [names, wb] = await Promise.all([namesFor(access.workspaceId), workbookFor(access.workspaceId)]);
  const name = (id: string | null) => (id ? (names.get(id) ?? "A former member") : null);
  return {
    access,
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    location: m.location,
    status: m.status,
    currentPosition: m.currentPosition,
    currentItemStarted: m.currentItemStarted?.toISOString() ?? null,
    startedAt: m.startedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    agenda: m.agenda.map((a) => ({
      id: a.id,
      position: a.position,
      worksheetKey: a.worksheetKey,
      title: a.title ?? (a.worksheetKey ? (wb.index.worksheetByKey.get(a.worksheetKey)?.title ?? a.worksheetKey) : "Agenda item"),
      isWorksheet: Boolean(a.worksheetKey),
      minutes: a.minutes,
      notes: a.notes,
    })),
    decisions: m.decisions.map((d) => ({ id: d.id, agendaItemId: d.agendaItemId, text: d.text, by: name(d.createdById), createdAt: d.createdAt.toISOString() })),
    actions: m.actions.map((a) => ({
      id: a.id,
      agendaItemId: a.agendaItemId,
      action: a.action,
      ownerId: a.ownerId,
      owner: name(a.ownerId),
      dueDate: a.dueDate ? a.dueDate.toISOString().slice(0, 10) : null,
      planRowId: a.planRowId,
    })),
    attendance: [
      ...m.attendance.map((a) => ({ userId: a.userId as string | null, name: name(a.userId) ?? "A former member", joinedAt: a.joinedAt.toISOString(), guest: false })),
      ...m.guests.map((g) => ({ userId: null, name: g, joinedAt: null as string | null, guest: true })),
    ],
    members: [...names].map(([id, n]) => ({ id, name: n })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function changeMeeting(
  actor: Actor,
  workspaceId: string,
  meetingId: string,
  permission: "meeting.manage" | "meeting.contribute" | "meeting.read",
  change: string,
  fn: (m: Awaited<ReturnType<typeof loadMeeting>>, tx: Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0], actorId: string) => Promise<unknown>,
  opts: { requireLive?: boolean; allowEnded?: boolean } = {},
) {
  const access = await authorize(actor, workspaceId, permission);
  const m = await loadMeeting(access.workspaceId, meetingId);
  if (opts.requireLive && m.status !== "LIVE") throw new AppError("conflict", m.status === "ENDED" ? "This meeting has ended." : "This meeting has not started yet.");
  if (!opts.allowEnded && m.status === "ENDED") throw new AppError("conflict", "This meeting has ended.");
  return getDb().$transaction(async (tx) => {
    const result = await fn(m, tx, access.actor.userId);
    await publish(tx, access.workspaceId, "meeting.changed", { meetingId, change });
    return result;
  });
}

export async function startMeeting(actor: Actor, workspaceId: string, meetingId: string) {
  return changeMeeting(actor, workspaceId, meetingId, "meeting.manage", "started", async (m, tx, actorId) => {
    if (m.status !== "SCHEDULED") throw new AppError("conflict", "This meeting has already started.");
    const now = new Date();
    await tx.meeting.update({ where: { id: m.id }, data: { status: "LIVE", startedAt: now, currentPosition: 0, currentItemStarted: now } });
    await tx.meetingAttendance.upsert({
      where: { meetingId_userId: { meetingId: m.id, userId: actorId } },
      create: { meetingId: m.id, userId: actorId },
      update: {},
    });
    await audit(tx, { workspaceId: m.workspaceId, actorId, action: "meeting.started", targetType: "meeting", targetId: m.id, data: { title: m.title } });
  });
}

export async function moveToAgendaItem(actor: Actor, workspaceId: string, meetingId: string, input: unknown) {
  const { position } = parseInput(positionSchema, input);
  return changeMeeting(
    actor,
    workspaceId,
    meetingId,
    "meeting.manage",
    "moved",
    async (m, tx) => {
      if (position >= m.agenda.length) throw new AppError("validation_failed", "There is no such agenda item.", [{ path: "position", message: "Out of range" }]);
      await tx.meeting.update({ where: { id: m.id }, data: { currentPosition: position, currentItemStarted: new Date() } });
    },
    { requireLive: true },
  );
}

export async function joinMeeting(actor: Actor, workspaceId: string, meetingId: string) {
  const access = await authorize(actor, workspaceId, "meeting.read");
  const m = await loadMeeting(access.workspaceId, meetingId);
  if (m.status !== "LIVE") return { joined: false };
  const existing = await getDb().meetingAttendance.findUnique({ where: { meetingId_userId: { meetingId: m.id, userId: access.actor.userId } } });
  if (existing) return { joined: true };
  await getDb().$transaction(async (tx) => {
    await tx.meetingAttendance.create({ data: { meetingId: m.id, userId: access.actor.userId } });
    await publish(tx, access.workspaceId, "meeting.changed", { meetingId, change: "joined" });
  });
  return { joined: true };
}

export async function addGuest(actor: Actor, workspaceId: string, meetingId: string, input: unknown) {
  const { name } = parseInput(guestSchema, input);
  return changeMeeting(actor, workspaceId, meetingId, "meeting.manage", "attendance", async (m, tx) => {
    if (m.guests.length >= 100) throw new AppError("validation_failed", "At most 100 guests.");
    await tx.meeting.update({ where: { id: m.id }, data: { guests: { push: name } } });
  });
}

export async function saveNotes(actor: Actor, workspaceId: string, meetingId: string, input: unknown) {
  const { agendaItemId, notes } = parseInput(notesSchema, input);
  return changeMeeting(
    actor,
    workspaceId,
    meetingId,
    "meeting.contribute",
    "notes",
    async (m, tx) => {
      if (!m.agenda.some((a) => a.id === agendaItemId)) throw notFound("Agenda item");
      await tx.meetingAgendaItem.update({ where: { id: agendaItemId }, data: { notes } });
    },
    { requireLive: true },
  );
}

export async function addDecision(actor: Actor, workspaceId: string, meetingId: string, input: unknown) {
  const data = parseInput(decisionSchema, input);
  return changeMeeting(
    actor,
    workspaceId,
    meetingId,
    "meeting.contribute",
    "decision",
    async (m, tx, actorId) => {
      if (data.agendaItemId && !m.agenda.some((a) => a.id === data.agendaItemId)) throw notFound("Agenda item");
      return tx.meetingDecision.create({ data: { meetingId: m.id, agendaItemId: data.agendaItemId ?? null, text: data.text, createdById: actorId } });
    },
    { requireLive: true },
  );
}

/**
 * Captures an action item and adds it as a row of the workbook's action plan,
 * so the plan and the meetings agree. The plan row goes through the normal
 * versioned save; a concurrent edit of the plan is retried on top of it.
 */
export async function addActionItem(actor: Actor, workspaceId: string, meetingId: string, input: unknown) {
  const data = parseInput(actionItemSchema, input);
  const access = await authorize(actor, workspaceId, "meeting.contribute");
  const m = await loadMeeting(access.workspaceId, meetingId);
  if (m.status !== "LIVE") throw new AppError("conflict", m.status === "ENDED" ? "This meeting has ended." : "This meeting has not started yet.");
  if (data.agendaItemId && !m.agenda.some((a) => a.id === data.agendaItemId)) throw notFound("Agenda item");
  if (data.ownerId) {
    const member = await getDb().membership.findUnique({ where: { workspaceId_userId: { workspaceId: access.workspaceId, userId: data.ownerId } } });
    if (!member) throw new AppError("validation_failed", "The owner must be a member of this workspace.", [{ path: "ownerId", message: "Not a member" }]);
  }
  const wb = await workbookFor(access.workspaceId);
  const planRowId = `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let planSaved = false;
  if (wb.index.itemByKey.has(ACTION_PLAN_ITEM_KEY)) {
    for (let attempt = 0; attempt < 5 && !planSaved; attempt++) {
      const current = await getDb().answer.findUnique({
        where: { workbookId_itemKey: { workbookId: wb.id, itemKey: ACTION_PLAN_ITEM_KEY } },
        select: { value: true, version: true },
      });
      const value = (current?.value as TableValue | undefined) ?? { rows: [] };
      const row = {
        id: planRowId,
        cells: { objective: `From meeting: ${m.title}`.slice(0, 500), action: data.action, owner: data.ownerId ?? null, due: data.dueDate ?? null, status: "not_started" },
      };
      try {
        await saveAnswer(actor, workspaceId, ACTION_PLAN_ITEM_KEY, { value: { rows: [...value.rows, row] }, baseVersion: current?.version ?? 0 }, { access });
        planSaved = true;
      } catch (err) {
        if (err instanceof AppError && err.code === "conflict") continue;
        throw err;
      }
    }
  }
  return getDb().$transaction(async (tx) => {
    const item = await tx.meetingActionItem.create({
      data: {
        meetingId: m.id,
        agendaItemId: data.agendaItemId ?? null,
        action: data.action,
        ownerId: data.ownerId ?? null,
        dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null,
        planRowId: planSaved ? planRowId : null,
        createdById: access.actor.userId,
      },
    });
    await publish(tx, access.workspaceId, "meeting.changed", { meetingId, change: "action" });
    return item;
  });
}

export async function endMeeting(actor: Actor, workspaceId: string, meetingId: string) {
  return changeMeeting(
    actor,
    workspaceId,
    meetingId,
    "meeting.manage",
    "ended",
    async (m, tx, actorId) => {
      await tx.meeting.update({ where: { id: m.id }, data: { status: "ENDED", endedAt: new Date() } });
      await audit(tx, { workspaceId: m.workspaceId, actorId, action: "meeting.ended", targetType: "meeting", targetId: m.id, data: { title: m.title } });
    },
    { requireLive: true },
  );
}

export type Minutes = Awaited<ReturnType<typeof getMinutes>>;

/** The minutes: attendees, per agenda item the notes, decisions and worksheet changes made during the meeting, and the action items. */
export async function getMinutes(actor: Actor, workspaceId: string, meetingId: string) {
  const detail = await getMeeting(actor, workspaceId, meetingId);
  const wb = await workbookFor(detail.access.workspaceId);
  const start = detail.startedAt ? new Date(detail.startedAt) : null;
  const end = detail.endedAt ? new Date(detail.endedAt) : new Date();
  const worksheetKeys = detail.agenda.map((a) => a.worksheetKey).filter((k): k is string => Boolean(k));
  const revisions =
    start && worksheetKeys.length
      ? await getDb().answerRevision.findMany({
          where: { workbookId: wb.id, worksheetKey: { in: worksheetKeys }, createdAt: { gte: start, lte: end } },
          orderBy: { id: "asc" },
        })
      : [];
  const names = new Map(detail.members.map((m) => [m.id, m.name]));
  const items = detail.agenda.map((a) => {
    const changes = new Map<string, { itemKey: string; label: string; before: unknown; after: unknown; by: string[] }>();
    for (const r of revisions.filter((r) => r.worksheetKey === a.worksheetKey)) {
      const existing = changes.get(r.itemKey);
      const by = names.get(r.actorId ?? "") ?? "A former member";
      if (existing) {
        existing.after = r.newValue;
        if (!existing.by.includes(by)) existing.by.push(by);
      } else {
        changes.set(r.itemKey, {
          itemKey: r.itemKey,
          label: wb.index.itemByKey.get(r.itemKey)?.item.label ?? r.itemKey,
          before: r.oldValue,
          after: r.newValue,
          by: [by],
        });
      }
    }
    return {
      ...a,
      decisions: detail.decisions.filter((d) => d.agendaItemId === a.id),
      actions: detail.actions.filter((x) => x.agendaItemId === a.id),
      changes: [...changes.values()],
    };
  });
  return {
    ...detail,
    items,
    unfiledDecisions: detail.decisions.filter((d) => !d.agendaItemId),
    unfiledActions: detail.actions.filter((x) => !x.agendaItemId),
  };
}

/** Action items owned by the actor in any of their workspaces, for "My work". */
export async function myActionItems(actor: Actor) {
  const rows = await getDb().meetingActionItem.findMany({
    where: { ownerId: actor.userId, meeting: { workspace: { memberships: { some: { userId: actor.userId } } } } },
    include: { meeting: { select: { id: true, title: true, workspaceId: true, workspace: { select: { name: true } } } } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
    meetingId: r.meeting.id,
    meetingTitle: r.meeting.title,
    workspaceId: r.meeting.workspaceId,
    workspaceName: r.meeting.workspace.name,
  }));
}
