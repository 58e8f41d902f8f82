import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { authorize, requireActor, type Actor } from "@/lib/auth/authorize";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { getDb } from "@/lib/db/client";
import { appUrl, emailEnabled, sendEmail } from "@/lib/email/send";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { idSchema, inviteSchema } from "@/lib/workspaces/schemas";

/**
 * Invitations are single-use links that expire after 7 days. Only a hash of the
 * token is stored; the token itself exists only in the link.
 */
export const INVITATION_TTL_DAYS = 7;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
const linkFor = (token: string) => `${appUrl()}/invite/${token}`;
const expiry = () => new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);

async function deliver(to: string, workspaceName: string, inviterName: string, role: Role, link: string) {
  return sendEmail(
    to,
    `You're invited to “${workspaceName}”`,
    `${inviterName} invited you to join the crisis-response planning team “${workspaceName}” as a ${ROLE_LABELS[role].toLowerCase()}.\n\n` +
      `Open this link to join (it works once and expires in ${INVITATION_TTL_DAYS} days):\n${link}\n`,
  );
}

export type InvitationCreated = { id: string; email: string; role: Role; link: string; emailed: boolean; expiresAt: Date };

export async function createInvitation(actor: Actor, workspaceId: string, input: unknown): Promise<InvitationCreated> {
  const access = await authorize(actor, workspaceId, "members.manage");
  const { email, role } = parseInput(inviteSchema, input);
  const db = getDb();
  const existingMember = await db.membership.findFirst({ where: { workspaceId: access.workspaceId, user: { email } } });
  if (existingMember) throw new AppError("conflict", `${email} is already a member of this workspace.`, [{ path: "email", message: "Already a member" }]);
  const token = newToken();
  const invitation = await db.$transaction(async (tx) => {
    // One open invitation per address: a new one replaces the old.
    await tx.invitation.updateMany({
      where: { workspaceId: access.workspaceId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const inv = await tx.invitation.create({
      data: { workspaceId: access.workspaceId, email, role, tokenHash: hashToken(token), expiresAt: expiry(), invitedById: access.actor.userId },
    });
    await audit(tx, { workspaceId: access.workspaceId, actorId: access.actor.userId, action: "invitation.created", targetType: "invitation", targetId: inv.id, data: { email, role } });
    return inv;
  });
  const link = linkFor(token);
  const emailed = await deliver(email, access.workspace.name, access.actor.name, role, link);
  return { id: invitation.id, email, role, link, emailed, expiresAt: invitation.expiresAt };
}

export async function listInvitations(actor: Actor, workspaceId: string) {
  const access = await authorize(actor, workspaceId, "members.manage");
  const rows = await getDb().invitation.findMany({
    where: { workspaceId: access.workspaceId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role as Role,
    createdAt: r.createdAt,
    lastSentAt: r.lastSentAt,
    expiresAt: r.expiresAt,
    expired: r.expiresAt.getTime() < now,
  }));
}

/** Issues a fresh link (the old one stops working) and a new 7-day expiry. */
export async function resendInvitation(actor: Actor, workspaceId: string, invitationId: unknown): Promise<InvitationCreated> {
  const access = await authorize(actor, workspaceId, "members.manage");
  const id = parseInput(idSchema, invitationId);
  const token = newToken();
  const inv = await getDb().$transaction(async (tx) => {
    const found = await tx.invitation.findFirst({ where: { id, workspaceId: access.workspaceId, acceptedAt: null, revokedAt: null } });
    if (!found) throw notFound("That invitation");
    const updated = await tx.invitation.update({
      where: { id },
      data: { tokenHash: hashToken(token), expiresAt: expiry(), lastSentAt: new Date() },
    });
    await audit(tx, { workspaceId: access.workspaceId, actorId: access.actor.userId, action: "invitation.resent", targetType: "invitation", targetId: id, data: { email: found.email } });
    return updated;
  });
  const link = linkFor(token);
  const emailed = await deliver(inv.email, access.workspace.name, access.actor.name, inv.role as Role, link);
  return { id: inv.id, email: inv.email, role: inv.role as Role, link, emailed, expiresAt: inv.expiresAt };
}

export async function revokeInvitation(actor: Actor, workspaceId: string, invitationId: unknown) {
  const access = await authorize(actor, workspaceId, "members.manage");
  const id = parseInput(idSchema, invitationId);
  await getDb().$transaction(async (tx) => {
    const found = await tx.invitation.findFirst({ where: { id, workspaceId: access.workspaceId, acceptedAt: null, revokedAt: null } });
    if (!found) throw notFound("That invitation");
    await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(tx, { workspaceId: access.workspaceId, actorId: access.actor.userId, action: "invitation.revoked", targetType: "invitation", targetId: id, data: { email: found.email } });
  });
}

export type InvitationStatus = "valid" | "expired" | "revoked" | "accepted" | "unknown";

export const INVITATION_MESSAGES: Record<Exclude<InvitationStatus, "valid">, string> = {
  expired: "This invitation has expired. Ask the coordinator to send you a new one.",
  revoked: "This invitation was withdrawn. Ask the coordinator for a new one if you still need access.",
  accepted: "This invitation has already been used. Sign in to reach the workspace.",
  unknown: "This invitation link is not valid. Check that you copied the whole link.",
};

/** What the invitation page shows before anyone signs in. Reveals nothing for a bad token. */
export async function lookupInvitation(token: string) {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return { status: "unknown" as const };
  const inv = await getDb().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { select: { name: true, jurisdiction: true, archivedAt: true } } },
  });
  if (!inv) return { status: "unknown" as const };
  const status: InvitationStatus = inv.acceptedAt ? "accepted" : inv.revokedAt ? "revoked" : inv.expiresAt < new Date() ? "expired" : "valid";
  const inviter = await getDb().user.findUnique({ where: { id: inv.invitedById }, select: { name: true } });
  return {
    status,
    email: inv.email,
    role: inv.role as Role,
    workspaceName: inv.workspace.name,
    jurisdiction: inv.workspace.jurisdiction,
    inviterName: inviter?.name ?? "A coordinator",
  };
}

/** Joins the workspace. Single use: a second acceptance, an expired or revoked link is refused with a clear message. */
export async function acceptInvitation(actor: Actor, token: string) {
  const who = requireActor(actor);
  if (typeof token !== "string" || token.length < 20 || token.length > 100) throw new AppError("not_found", INVITATION_MESSAGES.unknown);
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invitation" WHERE "tokenHash" = ${hashToken(token)} FOR UPDATE`;
    if (rows.length === 0) throw new AppError("not_found", INVITATION_MESSAGES.unknown);
    const inv = await tx.invitation.findUniqueOrThrow({ where: { id: rows[0].id } });
    if (inv.acceptedAt) throw new AppError("conflict", INVITATION_MESSAGES.accepted);
    if (inv.revokedAt) throw new AppError("conflict", INVITATION_MESSAGES.revoked);
    if (inv.expiresAt < new Date()) throw new AppError("conflict", INVITATION_MESSAGES.expired);
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId: who.userId } } });
    if (!existing) {
      await tx.membership.create({ data: { workspaceId: inv.workspaceId, userId: who.userId, role: inv.role } });
    }
    await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date(), acceptedById: who.userId } });
    await audit(tx, {
      workspaceId: inv.workspaceId,
      actorId: who.userId,
      action: "member.joined",
      targetType: "user",
      targetId: who.userId,
      data: { role: existing?.role ?? inv.role, invitationId: inv.id },
    });
    return { workspaceId: inv.workspaceId, alreadyMember: Boolean(existing) };
  });
}

export { emailEnabled };
