import "server-only";
import { z } from "zod";
import { authorize, can, type Access, type Actor } from "@/lib/auth/authorize";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { publish } from "@/lib/live/publish";
import { emailNotifications, notify, type NotificationData } from "@/lib/notifications/service";
import { isAnswerable } from "@/lib/workbook/template-schema";
import { workbookFor } from "@/lib/workbook/service";
import { findMentions, type Mentionable } from "./mentions";

/**
 * Comment threads on a worksheet as a whole or on one of its items. Plain
 * text; "@Full Name" mentions a workspace member. Mentions and replies notify
 * people. Everyone with comment.write may resolve or reopen a thread; only the
 * author may edit or delete a comment.
 */
export const COMMENT_MAX = 5000;
const key = (what: string) =>
  z.string({ message: `Send ${what}` }).min(1, `Send ${what}`).max(100, "At most 100 characters");
const body = z
  .string({ message: "Write the comment as “body”" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "Write something before posting").max(COMMENT_MAX, `A comment can be at most ${COMMENT_MAX.toLocaleString("en-US")} characters`));

export const postCommentSchema = z.strictObject({
  worksheetKey: key("the worksheet's key as “worksheetKey”"),
  itemKey: key("the item's key as “itemKey”, or leave it out for the whole worksheet").nullable().optional(),
  body,
  threadId: z.string({ message: "threadId must be the id of a thread" }).min(1).max(64).optional(),
});
export const editCommentSchema = z.strictObject({ body });
export const resolveSchema = z.strictObject({ resolved: z.boolean({ message: "Send “resolved” as true or false" }) });
export const listQuerySchema = z.strictObject({
  worksheetKey: key("?worksheetKey= with the worksheet's key"),
  itemKey: key("?itemKey= with an item's key, or leave it out").optional(),
});

export type CommentView = {
  id: string;
  author: { id: string; name: string } | null;
  body: string;
  mentions: Mentionable[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  mine: boolean;
};
export type ThreadView = {
  id: string;
  worksheetKey: string;
  itemKey: string | null;
  itemLabel: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  comments: CommentView[];
};

async function members(workspaceId: string): Promise<Mentionable[]> {
  const rows = await getDb().membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true } } } });
  return rows.map((r) => r.user);
}

async function names(ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!unique.length) return new Map<string, string>();
  const rows = await getDb().user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

function targetOf(index: Awaited<ReturnType<typeof workbookFor>>["index"], worksheetKey: string, itemKey: string | null | undefined) {
  const ws = index.worksheetByKey.get(worksheetKey);
  if (!ws) throw new AppError("not_found", `This workbook has no worksheet “${worksheetKey.slice(0, 80)}”.`);
  if (itemKey) {
    const item = ws.items.find((i) => i.key === itemKey);
    if (!item || !isAnswerable(item)) {
      throw new AppError("validation_failed", `itemKey: “${itemKey.slice(0, 80)}” is not a question on this worksheet.`, [
        { path: "itemKey", message: "Not a question on this worksheet" },
      ]);
    }
    return { ws, item };
  }
  return { ws, item: null };
}

/** Threads of one worksheet (optionally one item), oldest first, with their comments. */
export async function listThreads(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "comment.read");
  const q = parseInput(listQuerySchema, input, "bad_request");
  const wb = await workbookFor(access.workspaceId);
  const { ws } = targetOf(wb.index, q.worksheetKey, q.itemKey);
  const threads = await getDb().commentThread.findMany({
    where: { workbookId: wb.id, worksheetKey: q.worksheetKey, ...(q.itemKey ? { itemKey: q.itemKey } : {}) },
    orderBy: { createdAt: "asc" },
    take: 500,
    include: { comments: { orderBy: { createdAt: "asc" }, take: 500 } },
  });
  const who = await names(threads.flatMap((t) => [t.resolvedById, ...t.comments.flatMap((c) => [c.authorId, ...c.mentions])]));
  const labels = new Map(ws.items.map((i) => [i.key, i.label]));
  const views: ThreadView[] = threads.map((t) => ({
    id: t.id,
    worksheetKey: t.worksheetKey,
    itemKey: t.itemKey,
    itemLabel: t.itemKey ? (labels.get(t.itemKey) ?? null) : null,
    createdAt: t.createdAt.toISOString(),
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    resolvedBy: t.resolvedById ? { id: t.resolvedById, name: who.get(t.resolvedById) ?? "A former member" } : null,
    comments: t.comments.map((c) => ({
      id: c.id,
      author: c.authorId ? { id: c.authorId, name: who.get(c.authorId) ?? "A former member" } : null,
      body: c.deletedAt ? "" : c.body,
      mentions: c.deletedAt ? [] : c.mentions.map((id) => ({ id, name: who.get(id) ?? "a former member" })),
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      deleted: c.deletedAt !== null,
      mine: c.authorId === access.actor.userId,
    })),
  }));
  return {
    threads: views,
    openCount: views.filter((t) => !t.resolvedAt).length,
    canWrite: can(access, "comment.write"),
  };
}

/** Open thread counts per item of a worksheet ("" = the worksheet as a whole). */
export async function openThreadCounts(access: Access, worksheetKey: string) {
  const wb = await workbookFor(access.workspaceId);
  const rows = await getDb().commentThread.groupBy({
    by: ["itemKey"],
    where: { workbookId: wb.id, worksheetKey, resolvedAt: null },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.itemKey ?? "", r._count._all])) as Record<string, number>;
}

type Context = { access: Access; workbookId: string; worksheetTitle: string; itemLabel: string | null };

async function announce(tx: Tx, ctx: Context, worksheetKey: string, itemKey: string | null, threadId: string, action: string) {
  await publish(tx, ctx.access.workspaceId, "comment.changed", {
    worksheetKey,
    itemKey,
    threadId,
    action,
    by: { id: ctx.access.actor.userId, name: ctx.access.actor.name },
  });
}

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** Starts a thread, or replies to one when `threadId` is given. */
export async function postComment(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "comment.write");
  const data = parseInput(postCommentSchema, input);
  const wb = await workbookFor(access.workspaceId);
  const db = getDb();
  let thread: { id: string; worksheetKey: string; itemKey: string | null; resolvedAt: Date | null; createdById: string | null } | null = null;
  if (data.threadId) {
    thread = await db.commentThread.findFirst({
      where: { id: data.threadId, workbookId: wb.id },
      select: { id: true, worksheetKey: true, itemKey: true, resolvedAt: true, createdById: true },
    });
    if (!thread) throw notFound("Comment thread");
    if (thread.worksheetKey !== data.worksheetKey || (data.itemKey !== undefined && (data.itemKey ?? null) !== thread.itemKey)) {
      throw new AppError("validation_failed", "This thread is on another question. Send the thread's own worksheetKey and itemKey.", [
        { path: "threadId", message: "Belongs to another question" },
      ]);
    }
  }
  const itemKey = thread ? thread.itemKey : (data.itemKey ?? null);
  const { ws, item } = targetOf(wb.index, data.worksheetKey, itemKey);
  const team = await members(access.workspaceId);
  const mentions = findMentions(data.body, team).filter((id) => id !== access.actor.userId);
  const ctx: Context = { access, workbookId: wb.id, worksheetTitle: ws.title, itemLabel: item?.label ?? null };

  const result = await db.$transaction(async (tx) => {
    let threadId = thread?.id;
    let reopened = false;
    if (!threadId) {
      const created = await tx.commentThread.create({
        data: { workbookId: wb.id, worksheetKey: data.worksheetKey, itemKey, createdById: access.actor.userId },
        select: { id: true },
      });
      threadId = created.id;
    } else if (thread?.resolvedAt) {
      // A reply to a resolved thread reopens it: the conversation is going on.
      await tx.commentThread.update({ where: { id: threadId }, data: { resolvedAt: null, resolvedById: null } });
      reopened = true;
    }
    const comment = await tx.comment.create({
      data: { threadId, authorId: access.actor.userId, body: data.body, mentions },
      select: { id: true, createdAt: true },
    });
    // Earlier participants hear about replies, unless they were mentioned anyway.
    let participants: string[] = [];
    if (thread) {
      const earlier = await tx.comment.findMany({ where: { threadId, deletedAt: null, authorId: { not: null } }, select: { authorId: true }, distinct: ["authorId"] });
      const memberIds = new Set(team.map((m) => m.id));
      participants = [...new Set([thread.createdById, ...earlier.map((c) => c.authorId)])].filter(
        (id): id is string => Boolean(id) && id !== access.actor.userId && !mentions.includes(id!) && memberIds.has(id!),
      );
    }
    const note: NotificationData = {
      workspaceName: access.workspace.name,
      worksheetKey: data.worksheetKey,
      worksheetTitle: ws.title,
      itemKey,
      itemLabel: item?.label ?? null,
      threadId,
      commentId: comment.id,
      by: { id: access.actor.userId, name: access.actor.name },
      excerpt: excerpt(data.body),
    };
    const mentioned = await notify(tx, access.workspaceId, mentions, "comment.mention", note);
    const replied = await notify(tx, access.workspaceId, participants, "comment.reply", note);
    await announce(tx, ctx, data.worksheetKey, itemKey, threadId, thread ? (reopened ? "reopened" : "replied") : "created");
    return { threadId, commentId: comment.id, createdAt: comment.createdAt.toISOString(), mentioned, replied, note };
  });
  await emailNotifications(result.mentioned, access.workspaceId, "comment.mention", result.note);
  await emailNotifications(result.replied, access.workspaceId, "comment.reply", result.note);
  return { threadId: result.threadId, commentId: result.commentId, createdAt: result.createdAt, mentions, notified: [...result.mentioned, ...result.replied] };
}

async function ownComment(access: Access, workbookId: string, commentId: string) {
  const c = await getDb().comment.findFirst({
    where: { id: commentId, thread: { workbookId } },
    select: { id: true, authorId: true, body: true, mentions: true, deletedAt: true, thread: { select: { id: true, worksheetKey: true, itemKey: true } } },
  });
  if (!c || c.deletedAt) throw notFound("Comment");
  if (c.authorId !== access.actor.userId) throw new AppError("forbidden", "You can only change your own comments.");
  return c;
}

export async function editComment(actor: Actor, workspaceId: string, commentId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "comment.write");
  const { body: text } = parseInput(editCommentSchema, input);
  if (typeof commentId !== "string" || commentId.length > 64) throw notFound("Comment");
  const wb = await workbookFor(access.workspaceId);
  const c = await ownComment(access, wb.id, commentId);
  const { ws, item } = targetOf(wb.index, c.thread.worksheetKey, c.thread.itemKey);
  const team = await members(access.workspaceId);
  const mentions = findMentions(text, team).filter((id) => id !== access.actor.userId);
  const added = mentions.filter((id) => !c.mentions.includes(id));
  const ctx: Context = { access, workbookId: wb.id, worksheetTitle: ws.title, itemLabel: item?.label ?? null };
  const note: NotificationData = {
    workspaceName: access.workspace.name,
    worksheetKey: c.thread.worksheetKey,
    worksheetTitle: ws.title,
    itemKey: c.thread.itemKey,
    itemLabel: item?.label ?? null,
    threadId: c.thread.id,
    commentId: c.id,
    by: { id: access.actor.userId, name: access.actor.name },
    excerpt: excerpt(text),
  };
  const notified = await getDb().$transaction(async (tx) => {
    await tx.comment.update({ where: { id: c.id }, data: { body: text, mentions, editedAt: new Date() } });
    // Only people newly mentioned by the edit are notified.
    const n = await notify(tx, access.workspaceId, added, "comment.mention", note);
    await announce(tx, ctx, c.thread.worksheetKey, c.thread.itemKey, c.thread.id, "edited");
    return n;
  });
  await emailNotifications(notified, access.workspaceId, "comment.mention", note);
  return { commentId: c.id, mentions, notified };
}

export async function deleteComment(actor: Actor, workspaceId: string, commentId: string) {
  const access = await authorize(actor, workspaceId, "comment.write");
  if (typeof commentId !== "string" || commentId.length > 64) throw notFound("Comment");
  const wb = await workbookFor(access.workspaceId);
  const c = await ownComment(access, wb.id, commentId);
  const { ws, item } = targetOf(wb.index, c.thread.worksheetKey, c.thread.itemKey);
  const ctx: Context = { access, workbookId: wb.id, worksheetTitle: ws.title, itemLabel: item?.label ?? null };
  return getDb().$transaction(async (tx) => {
    const others = await tx.comment.count({ where: { threadId: c.thread.id, deletedAt: null, id: { not: c.id } } });
    if (others === 0) {
      // The last comment of a thread takes the thread with it.
      await tx.commentThread.delete({ where: { id: c.thread.id } });
    } else {
      await tx.comment.update({ where: { id: c.id }, data: { deletedAt: new Date(), body: "", mentions: [] } });
    }
    await announce(tx, ctx, c.thread.worksheetKey, c.thread.itemKey, c.thread.id, "deleted");
    return { commentId: c.id, threadDeleted: others === 0 };
  });
}

export async function setThreadResolved(actor: Actor, workspaceId: string, threadId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "comment.write");
  const { resolved } = parseInput(resolveSchema, input);
  if (typeof threadId !== "string" || threadId.length > 64) throw notFound("Comment thread");
  const wb = await workbookFor(access.workspaceId);
  const thread = await getDb().commentThread.findFirst({ where: { id: threadId, workbookId: wb.id } });
  if (!thread) throw notFound("Comment thread");
  const { ws, item } = targetOf(wb.index, thread.worksheetKey, thread.itemKey);
  const ctx: Context = { access, workbookId: wb.id, worksheetTitle: ws.title, itemLabel: item?.label ?? null };
  if (Boolean(thread.resolvedAt) === resolved) return { threadId, resolved, changed: false };
  await getDb().$transaction(async (tx) => {
    await tx.commentThread.update({
      where: { id: threadId },
      data: resolved ? { resolvedAt: new Date(), resolvedById: access.actor.userId } : { resolvedAt: null, resolvedById: null },
    });
    await announce(tx, ctx, thread.worksheetKey, thread.itemKey, threadId, resolved ? "resolved" : "reopened");
  });
  return { threadId, resolved, changed: true };
}
