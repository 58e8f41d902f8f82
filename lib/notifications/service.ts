import "server-only";
import { z } from "zod";
import { requireActor, type Actor } from "@/lib/auth/authorize";
import { getDb, type Tx } from "@/lib/db/client";
import { appUrl, sendEmail } from "@/lib/email/send";
import { parseInput } from "@/lib/errors";
import { publish } from "@/lib/live/publish";

/**
 * In-app notifications: one row per person per event, written in the same
 * transaction as the change that caused it, announced live to that person
 * (`notification.created` carries only recipient ids), and e-mailed when SMTP
 * is configured.
 */
export const NOTIFICATION_TYPES = ["comment.mention", "comment.reply", "assignment.created"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export type NotificationData = {
  workspaceName: string;
  worksheetKey: string;
  worksheetTitle: string;
  itemKey?: string | null;
  itemLabel?: string | null;
  threadId?: string;
  commentId?: string;
  by: { id: string; name: string };
  excerpt?: string;
  dueDate?: string | null;
};

export type NotificationView = {
  id: string;
  type: NotificationType;
  workspaceId: string;
  data: NotificationData;
  read: boolean;
  createdAt: string;
  title: string;
  href: string;
};

/** Writes notifications inside the caller's transaction. */
export async function notify(tx: Tx, workspaceId: string, recipients: string[], type: NotificationType, data: NotificationData) {
  const userIds = [...new Set(recipients)].filter((id) => id !== data.by.id);
  if (userIds.length === 0) return [];
  await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, workspaceId, type, data: data as never })) });
  await publish(tx, workspaceId, "notification.created", { userIds, kind: type });
  return userIds;
}

export function notificationHref(workspaceId: string, type: string, d: NotificationData) {
  const base = `/w/${workspaceId}/worksheets/${encodeURIComponent(d.worksheetKey)}`;
  if (type.startsWith("comment.")) {
    const target = d.itemKey ?? "worksheet";
    return `${base}?comments=${encodeURIComponent(target)}#comments-${target}`;
  }
  return base;
}

const formatDay = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function notificationTitle(type: string, d: NotificationData) {
  const where = d.itemLabel ? `“${d.itemLabel}” on ${d.worksheetTitle}` : d.worksheetTitle;
  switch (type) {
    case "comment.mention":
      return `${d.by.name} mentioned you in a comment on ${where}`;
    case "comment.reply":
      return `${d.by.name} replied to a comment on ${where}`;
    case "assignment.created":
      return `${d.by.name} assigned you the worksheet ${d.worksheetTitle}${d.dueDate ? `, due ${formatDay(d.dueDate)}` : ""}`;
    default:
      return `Update on ${d.worksheetTitle}`;
  }
}

/** Sends the e-mails for notifications just committed. Never throws. */
export async function emailNotifications(userIds: string[], workspaceId: string, type: NotificationType, data: NotificationData) {
  if (userIds.length === 0) return 0;
  try {
    const users = await getDb().user.findMany({ where: { id: { in: userIds } }, select: { email: true } });
    const title = notificationTitle(type, data);
    const link = `${appUrl()}${notificationHref(workspaceId, type, data)}`;
    const text = [
      `${title} (${data.workspaceName}).`,
      data.excerpt ? `\n“${data.excerpt}”` : "",
      `\nOpen it: ${link}`,
      `\nYou get this e-mail because you are on this planning team. Your notifications are also listed at ${appUrl()}/notifications`,
    ].join("\n");
    const sent = await Promise.allSettled(users.map((u) => sendEmail(u.email, title, text)));
    return sent.filter((s) => s.status === "fulfilled" && s.value).length;
  } catch (err) {
    console.warn("Could not e-mail notifications:", err instanceof Error ? err.message : err);
    return 0;
  }
}

async function memberWorkspaceIds(userId: string) {
  const rows = await getDb().membership.findMany({ where: { userId }, select: { workspaceId: true } });
  return rows.map((r) => r.workspaceId);
}

export const listSchema = z.strictObject({
  unread: z.enum(["1", "true", "0", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.iso.datetime({ message: "before must be a date and time (ISO 8601)" }).optional(),
});

/** The person's own notifications, from workspaces they still belong to, newest first. */
export async function listNotifications(actorIn: Actor | null, input: unknown = {}) {
  const actor = requireActor(actorIn);
  const q = parseInput(listSchema, input, "bad_request");
  const limit = q.limit ?? 50;
  const workspaceIds = await memberWorkspaceIds(actor.userId);
  const where = {
    userId: actor.userId,
    workspaceId: { in: workspaceIds },
    ...(q.unread === "1" || q.unread === "true" ? { readAt: null } : {}),
    ...(q.before ? { createdAt: { lt: new Date(q.before) } } : {}),
  };
  const [rows, unread] = await Promise.all([
    getDb().notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 }),
    getDb().notification.count({ where: { userId: actor.userId, workspaceId: { in: workspaceIds }, readAt: null } }),
  ]);
  const page = rows.slice(0, limit);
  const notifications: NotificationView[] = page.map((n) => {
    const data = n.data as unknown as NotificationData;
    return {
      id: n.id,
      type: n.type as NotificationType,
      workspaceId: n.workspaceId,
      data,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
      title: notificationTitle(n.type, data),
      href: notificationHref(n.workspaceId, n.type, data),
    };
  });
  return { notifications, unread, nextBefore: rows.length > limit ? page.at(-1)!.createdAt.toISOString() : null };
}

export async function unreadCount(actorIn: Actor | null) {
  const actor = requireActor(actorIn);
  const workspaceIds = await memberWorkspaceIds(actor.userId);
  return getDb().notification.count({ where: { userId: actor.userId, workspaceId: { in: workspaceIds }, readAt: null } });
}

export const markReadSchema = z.union(
  [
    z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1, "Send at least one id").max(200, "At most 200 ids at a time") }),
    z.strictObject({ all: z.literal(true) }),
  ],
  { message: "Send {\"ids\": [...]} or {\"all\": true}" },
);

/** Marks the person's own notifications read; ids of others are ignored. */
export async function markRead(actorIn: Actor | null, input: unknown) {
  const actor = requireActor(actorIn);
  const body = parseInput(markReadSchema, input);
  const res = await getDb().notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...("ids" in body ? { id: { in: body.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { updated: res.count, unread: await unreadCount(actor) };
}
