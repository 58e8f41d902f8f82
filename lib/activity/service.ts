import "server-only";
import { z } from "zod";
import { authorize, can, type Actor } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { summarizeValue } from "@/lib/history/summary";
import type { TemplateIndex } from "@/lib/workbook/template-schema";
import { STATUS_LABELS, workbookFor, type WorksheetStatus } from "@/lib/workbook/service";

/**
 * The workspace's recent work on the plan, newest first: answer changes and
 * restores, comments, resolved threads, status changes and assignments. It is
 * merged from the tables that already record each of them, so nothing is
 * written twice. Filter by person and by section; page with `before`.
 */
export const activityQuerySchema = z.strictObject({
  person: z.string().max(64).optional(),
  section: z.string().max(100).optional(),
  before: z.iso.datetime({ message: "before must be a date and time" }).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export type ActivityKind = "answer" | "restore" | "comment" | "resolved" | "status" | "assignment";
export type ActivityEntry = {
  id: string;
  kind: ActivityKind;
  at: string;
  actor: { id: string; name: string } | null;
  worksheet: { key: string; title: string; sectionKey: string; sectionTitle: string };
  item: { key: string; label: string } | null;
  /** What happened, to follow the person's name: "changed “Purpose”". */
  text: string;
  detail: string | null;
  href: string;
};

const clip = (s: string, n = 160) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

function formatDay(iso: string) {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

function where(index: TemplateIndex, worksheetKey: string) {
  const ws = index.worksheetByKey.get(worksheetKey);
  if (!ws) return null;
  const section = index.sections.find((s) => s.key === ws.sectionKey);
  return { key: ws.key, title: ws.title, sectionKey: ws.sectionKey, sectionTitle: section?.title ?? "" };
}

export async function activityFeed(actor: Actor, workspaceId: string, input: unknown = {}) {
  const access = await authorize(actor, workspaceId, "activity.read");
  const q = parseInput(activityQuerySchema, input, "bad_request");
  const limit = q.limit ?? 50;
  const wb = await workbookFor(access.workspaceId);
  const index = wb.index;
  const db = getDb();
  const section = q.section ? index.sections.find((s) => s.key === q.section) : undefined;
  const keys = section ? section.worksheets.map((w) => w.key) : null;
  const person = q.person || undefined;
  const before = q.before ? new Date(q.before) : undefined;
  const at = before ? { lt: before } : undefined;
  const inKeys = keys ? { in: keys } : undefined;
  const readComments = can(access, "comment.read");

  const [revisions, comments, resolved, statuses, assignments, members] = await Promise.all([
    db.answerRevision.findMany({
      where: { workbookId: wb.id, ...(person ? { actorId: person } : {}), ...(inKeys ? { worksheetKey: inKeys } : {}), ...(at ? { createdAt: at } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    }),
    readComments
      ? db.comment.findMany({
          where: {
            deletedAt: null,
            ...(person ? { authorId: person } : {}),
            ...(at ? { createdAt: at } : {}),
            thread: { workbookId: wb.id, ...(inKeys ? { worksheetKey: inKeys } : {}) },
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: limit,
          include: { thread: { select: { id: true, worksheetKey: true, itemKey: true, comments: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 } } } },
        })
      : Promise.resolve([]),
    readComments
      ? db.commentThread.findMany({
          where: {
            workbookId: wb.id,
            resolvedAt: at ?? { not: null },
            ...(person ? { resolvedById: person } : {}),
            ...(inKeys ? { worksheetKey: inKeys } : {}),
          },
          orderBy: { resolvedAt: "desc" },
          take: limit,
        })
      : Promise.resolve([]),
    db.worksheetStatusChange.findMany({
      where: { workbookId: wb.id, ...(person ? { actorId: person } : {}), ...(inKeys ? { worksheetKey: inKeys } : {}), ...(at ? { createdAt: at } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    }),
    db.auditLog.findMany({
      where: {
        workspaceId: access.workspaceId,
        action: { in: ["assignment.created", "assignment.removed", "assignment.updated"] },
        ...(person ? { actorId: person } : {}),
        ...(at ? { createdAt: at } : {}),
        ...(keys ? { OR: keys.map((k) => ({ data: { path: ["worksheetKey"], equals: k } })) } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    }),
    db.membership.findMany({ where: { workspaceId: access.workspaceId }, select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } }),
  ]);

  const ids = new Set<string>();
  for (const r of revisions) if (r.actorId) ids.add(r.actorId);
  for (const c of comments) if (c.authorId) ids.add(c.authorId);
  for (const t of resolved) if (t.resolvedById) ids.add(t.resolvedById);
  for (const s of statuses) if (s.actorId) ids.add(s.actorId);
  for (const a of assignments) {
    if (a.actorId) ids.add(a.actorId);
    if (a.targetId) ids.add(a.targetId);
  }
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  const missing = [...ids].filter((id) => !names.has(id));
  if (missing.length) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name);
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? "A former member" } : null);
  const base = `/w/${access.workspaceId}/worksheets/`;
  const itemRef = (key: string | null) => {
    if (!key) return null;
    const e = index.itemByKey.get(key);
    return e ? { key, label: e.item.label } : null;
  };

  const entries: ActivityEntry[] = [];
  for (const r of revisions) {
    const ws = where(index, r.worksheetKey);
    const e = index.itemByKey.get(r.itemKey);
    if (!ws || !e) continue;
    const restore = r.restoredFromId !== null;
    entries.push({
      id: `rev-${r.id}`,
      kind: restore ? "restore" : "answer",
      at: r.createdAt.toISOString(),
      actor: who(r.actorId),
      worksheet: ws,
      item: { key: r.itemKey, label: e.item.label },
      text: restore ? `restored an earlier answer to “${e.item.label}”` : r.oldValue === null ? `answered “${e.item.label}”` : `changed “${e.item.label}”`,
      detail: summarizeValue(e.item, r.newValue),
      href: `${base}${encodeURIComponent(r.worksheetKey)}#item-${r.itemKey}`,
    });
  }
  for (const c of comments) {
    const ws = where(index, c.thread.worksheetKey);
    if (!ws) continue;
    const item = itemRef(c.thread.itemKey);
    const first = c.thread.comments[0]?.id === c.id;
    entries.push({
      id: `com-${c.id}`,
      kind: "comment",
      at: c.createdAt.toISOString(),
      actor: who(c.authorId),
      worksheet: ws,
      item,
      text: `${first ? "commented on" : "replied to a comment on"} ${item ? `“${item.label}”` : "the worksheet"}`,
      detail: `“${clip(c.body)}”`,
      href: `${base}${encodeURIComponent(c.thread.worksheetKey)}?comments=${encodeURIComponent(c.thread.itemKey ?? "worksheet")}#comments-${c.thread.itemKey ?? "worksheet"}`,
    });
  }
  for (const t of resolved) {
    const ws = where(index, t.worksheetKey);
    if (!ws || !t.resolvedAt) continue;
    const item = itemRef(t.itemKey);
    entries.push({
      id: `res-${t.id}`,
      kind: "resolved",
      at: t.resolvedAt.toISOString(),
      actor: who(t.resolvedById),
      worksheet: ws,
      item,
      text: `resolved a comment on ${item ? `“${item.label}”` : "the worksheet"}`,
      detail: null,
      href: `${base}${encodeURIComponent(t.worksheetKey)}?comments=${encodeURIComponent(t.itemKey ?? "worksheet")}#comments-${t.itemKey ?? "worksheet"}`,
    });
  }
  for (const s of statuses) {
    const ws = where(index, s.worksheetKey);
    if (!ws) continue;
    entries.push({
      id: `st-${s.id}`,
      kind: "status",
      at: s.createdAt.toISOString(),
      actor: who(s.actorId),
      worksheet: ws,
      item: null,
      text: `set the status to ${STATUS_LABELS[s.toStatus as WorksheetStatus]}`,
      detail: `was ${STATUS_LABELS[s.fromStatus as WorksheetStatus]}`,
      href: `${base}${encodeURIComponent(s.worksheetKey)}`,
    });
  }
  for (const a of assignments) {
    const d = (a.data ?? {}) as { worksheetKey?: string; dueDate?: string | null };
    const ws = d.worksheetKey ? where(index, d.worksheetKey) : null;
    if (!ws) continue;
    const assignee = a.targetId ? (names.get(a.targetId) ?? "a former member") : "someone";
    const due = d.dueDate ? `due ${formatDay(d.dueDate)}` : null;
    const text =
      a.action === "assignment.created"
        ? `assigned the worksheet to ${assignee}`
        : a.action === "assignment.removed"
          ? `removed ${assignee} from the worksheet`
          : `changed ${assignee}'s due date`;
    entries.push({
      id: `as-${a.id}`,
      kind: "assignment",
      at: a.createdAt.toISOString(),
      actor: who(a.actorId),
      worksheet: ws,
      item: null,
      text,
      detail: a.action === "assignment.removed" ? null : (due ?? "no due date"),
      href: `${base}${encodeURIComponent(ws.key)}`,
    });
  }
  entries.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.id < y.id ? 1 : -1));
  const page = entries.slice(0, limit);
  return {
    entries: page,
    nextBefore: entries.length > limit || page.length === limit ? (page.at(-1)?.at ?? null) : null,
    people: members.map((m) => m.user),
    sections: index.sections.map((s) => ({ key: s.key, title: s.title })),
    filters: { person: person ?? null, section: section?.key ?? null },
    canSeeAuditLog: can(access, "audit.read"),
  };
}
