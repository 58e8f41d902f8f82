import "server-only";
import { z } from "zod";
import { authorize, can, requireActor, type Actor } from "@/lib/auth/authorize";
import { audit } from "@/lib/audit/log";
import { getDb } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { publish } from "@/lib/live/publish";
import { emailNotifications, notify, type NotificationData } from "@/lib/notifications/service";
import { STATUS_LABELS, workbookFor, type WorksheetStatus } from "@/lib/workbook/service";
import { templateIndex } from "@/lib/workbook/templates";

/**
 * A coordinator assigns a worksheet to one or more members, with an optional
 * due date (a calendar day). Assigning again changes the due date. Each new
 * assignee is notified.
 */
const dueDate = z
  .string({ message: "Send the due date as text like 2026-05-31, or null" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-05-31")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a real date")
  .refine((s) => s >= "2000-01-01" && s <= "2100-12-31", "Pick a date between 2000 and 2100");

export const assignSchema = z.strictObject({
  worksheetKey: z.string({ message: "Send the worksheet's key as “worksheetKey”" }).min(1, "Send the worksheet's key").max(100),
  userIds: z
    .array(z.string().min(1).max(64), { message: "Send the people to assign as “userIds”, a list of user ids" })
    .min(1, "Choose at least one person")
    .max(50, "At most 50 people at a time"),
  dueDate: dueDate.nullable().optional(),
});
export const listQuerySchema = z.strictObject({ worksheetKey: z.string().min(1, "Send ?worksheetKey= with a worksheet's key, or leave it out").max(100).optional() });

export type AssignmentView = {
  id: string;
  worksheetKey: string;
  user: { id: string; name: string };
  dueDate: string | null;
  assignedBy: { id: string; name: string } | null;
  createdAt: string;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const todayUtc = () => new Date().toISOString().slice(0, 10);

export async function listAssignments(actor: Actor, workspaceId: string, input: unknown = {}) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const q = parseInput(listQuerySchema, input, "bad_request");
  const wb = await workbookFor(access.workspaceId);
  if (q.worksheetKey && !wb.index.worksheetByKey.has(q.worksheetKey)) throw notFound("Worksheet");
  const rows = await getDb().assignment.findMany({
    where: { workbookId: wb.id, ...(q.worksheetKey ? { worksheetKey: q.worksheetKey } : {}) },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  });
  const ids = [...new Set(rows.flatMap((r) => [r.userId, r.assignedById]).filter((x): x is string => Boolean(x)))];
  const users = await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const assignments: AssignmentView[] = rows.map((r) => ({
    id: r.id,
    worksheetKey: r.worksheetKey,
    user: { id: r.userId, name: names.get(r.userId) ?? "A former member" },
    dueDate: day(r.dueDate),
    assignedBy: r.assignedById ? { id: r.assignedById, name: names.get(r.assignedById) ?? "A former member" } : null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { assignments, canAssign: can(access, "worksheet.assign") };
}

export async function assignWorksheet(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "worksheet.assign");
  const data = parseInput(assignSchema, input);
  const wb = await workbookFor(access.workspaceId);
  const ws = wb.index.worksheetByKey.get(data.worksheetKey);
  if (!ws) throw new AppError("not_found", `This workbook has no worksheet “${data.worksheetKey.slice(0, 80)}”.`);
  const userIds = [...new Set(data.userIds)];
  const memberships = await getDb().membership.findMany({
    where: { workspaceId: access.workspaceId, userId: { in: userIds } },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const byId = new Map(memberships.map((m) => [m.userId, m]));
  for (const id of userIds) {
    const m = byId.get(id);
    if (!m) throw new AppError("validation_failed", "Only members of this workspace can be assigned.", [{ path: "userIds", message: "Not a member" }]);
    if (m.role === "VIEWER") {
      throw new AppError("validation_failed", `${m.user.name} is a viewer and cannot fill in worksheets. Change their role first.`, [
        { path: "userIds", message: "Viewers cannot be assigned" },
      ]);
    }
  }
  const due = data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null;
  const note: NotificationData = {
    workspaceName: access.workspace.name,
    worksheetKey: ws.key,
    worksheetTitle: ws.title,
    by: { id: access.actor.userId, name: access.actor.name },
    dueDate: data.dueDate ?? null,
  };
  const result = await getDb().$transaction(async (tx) => {
    const existing = await tx.assignment.findMany({ where: { workbookId: wb.id, worksheetKey: ws.key, userId: { in: userIds } } });
    const had = new Map(existing.map((e) => [e.userId, e]));
    const created: string[] = [];
    const updated: string[] = [];
    for (const userId of userIds) {
      const prev = had.get(userId);
      if (!prev) {
        const a = await tx.assignment.create({ data: { workbookId: wb.id, worksheetKey: ws.key, userId, dueDate: due, assignedById: access.actor.userId } });
        created.push(userId);
        await audit(tx, {
          workspaceId: access.workspaceId,
          actorId: access.actor.userId,
          action: "assignment.created",
          targetType: "user",
          targetId: userId,
          data: { assignmentId: a.id, worksheetKey: ws.key, dueDate: data.dueDate ?? null },
        });
      } else if (day(prev.dueDate) !== (data.dueDate ?? null) && data.dueDate !== undefined) {
        await tx.assignment.update({ where: { id: prev.id }, data: { dueDate: due } });
        updated.push(userId);
        await audit(tx, {
          workspaceId: access.workspaceId,
          actorId: access.actor.userId,
          action: "assignment.updated",
          targetType: "user",
          targetId: userId,
          data: { assignmentId: prev.id, worksheetKey: ws.key, from: day(prev.dueDate), dueDate: data.dueDate ?? null },
        });
      }
    }
    const notified = await notify(tx, access.workspaceId, created, "assignment.created", note);
    if (created.length || updated.length) {
      await publish(tx, access.workspaceId, "assignment.changed", {
        worksheetKey: ws.key,
        action: "assigned",
        userIds: [...created, ...updated],
        by: { id: access.actor.userId, name: access.actor.name },
      });
    }
    return { created, updated, notified };
  });
  await emailNotifications(result.notified, access.workspaceId, "assignment.created", note);
  return { created: result.created, updated: result.updated, notified: result.notified };
}

export async function removeAssignment(actor: Actor, workspaceId: string, assignmentId: string) {
  const access = await authorize(actor, workspaceId, "worksheet.assign");
  if (typeof assignmentId !== "string" || assignmentId.length > 64) throw notFound("Assignment");
  const wb = await workbookFor(access.workspaceId);
  return getDb().$transaction(async (tx) => {
    const a = await tx.assignment.findFirst({ where: { id: assignmentId, workbookId: wb.id } });
    if (!a) throw notFound("Assignment");
    await tx.assignment.delete({ where: { id: a.id } });
    await audit(tx, {
      workspaceId: access.workspaceId,
      actorId: access.actor.userId,
      action: "assignment.removed",
      targetType: "user",
      targetId: a.userId,
      data: { assignmentId: a.id, worksheetKey: a.worksheetKey, dueDate: day(a.dueDate) },
    });
    await publish(tx, access.workspaceId, "assignment.changed", {
      worksheetKey: a.worksheetKey,
      action: "removed",
      userIds: [a.userId],
      by: { id: access.actor.userId, name: access.actor.name },
    });
    return { removed: a.id };
  });
}

export type MyWorkItem = {
  assignmentId: string;
  workspace: { id: string; name: string; archived: boolean };
  worksheet: { key: string; title: string; sectionTitle: string };
  status: WorksheetStatus;
  statusLabel: string;
  dueDate: string | null;
  overdue: boolean;
  assignedBy: string | null;
};

/** Every worksheet assigned to the person, across their workspaces, by due date (undated last). */
export async function myWork(actorIn: Actor | null): Promise<MyWorkItem[]> {
  const actor = requireActor(actorIn);
  const db = getDb();
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    select: { workspace: { select: { id: true, name: true, archivedAt: true, workbook: { select: { id: true, templateKey: true, templateVersion: true } } } } },
  });
  const books = memberships.map((m) => m.workspace).filter((w) => w.workbook);
  if (books.length === 0) return [];
  const workbookIds = books.map((w) => w.workbook!.id);
  const [rows, states] = await Promise.all([
    db.assignment.findMany({ where: { userId: actor.userId, workbookId: { in: workbookIds } }, orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }] }),
    db.worksheetState.findMany({ where: { workbookId: { in: workbookIds } }, select: { workbookId: true, worksheetKey: true, status: true } }),
  ]);
  const byBook = new Map(books.map((w) => [w.workbook!.id, w]));
  const status = new Map(states.map((s) => [`${s.workbookId}:${s.worksheetKey}`, s.status as WorksheetStatus]));
  const assigners = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.assignedById).filter((x): x is string => Boolean(x)))] } },
    select: { id: true, name: true },
  });
  const names = new Map(assigners.map((u) => [u.id, u.name]));
  const today = todayUtc();
  const items: MyWorkItem[] = [];
  for (const r of rows) {
    const w = byBook.get(r.workbookId);
    if (!w?.workbook) continue;
    const index = templateIndex(w.workbook.templateKey, w.workbook.templateVersion);
    const ws = index?.worksheetByKey.get(r.worksheetKey);
    if (!index || !ws) continue;
    const st = status.get(`${r.workbookId}:${r.worksheetKey}`) ?? "NOT_STARTED";
    const due = day(r.dueDate);
    items.push({
      assignmentId: r.id,
      workspace: { id: w.id, name: w.name, archived: Boolean(w.archivedAt) },
      worksheet: { key: ws.key, title: ws.title, sectionTitle: index.sections.find((s) => s.key === ws.sectionKey)?.title ?? "" },
      status: st,
      statusLabel: STATUS_LABELS[st],
      dueDate: due,
      overdue: Boolean(due && due < today && st !== "COMPLETE"),
      assignedBy: r.assignedById ? (names.get(r.assignedById) ?? "A former member") : null,
    });
  }
  return items;
}
