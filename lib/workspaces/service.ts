import "server-only";
import { authorize, requireActor, type Actor } from "@/lib/auth/authorize";
import type { Role } from "@/lib/auth/permissions";
import { forgetAccess } from "@/lib/auth/access-cache";
import { audit } from "@/lib/audit/log";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { createWorkbookForWorkspace } from "@/lib/workbook/create";
import { changeRoleSchema, createWorkspaceSchema, idSchema, updateWorkspaceSchema } from "./schemas";

export type WorkspaceSummary = {
  id: string;
  name: string;
  jurisdiction: string;
  population: number | null;
  archivedAt: Date | null;
  role: Role;
  memberCount: number;
};

export async function createWorkspace(actor: Actor, input: unknown) {
  const who = requireActor(actor);
  const data = parseInput(createWorkspaceSchema, input);
  return getDb().$transaction(async (tx) => {
    const ws = await tx.workspace.create({
      data: { name: data.name, jurisdiction: data.jurisdiction, population: data.population ?? null },
    });
    await tx.membership.create({ data: { workspaceId: ws.id, userId: who.userId, role: "COORDINATOR" } });
    await createWorkbookForWorkspace(tx, ws.id);
    await audit(tx, { workspaceId: ws.id, actorId: who.userId, action: "workspace.created", targetType: "workspace", targetId: ws.id, data: { name: ws.name } });
    return ws;
  });
}

export async function listWorkspaces(actor: Actor, opts: { archived?: boolean } = {}): Promise<WorkspaceSummary[]> {
  const who = requireActor(actor);
  const rows = await getDb().membership.findMany({
    where: { userId: who.userId, workspace: { archivedAt: opts.archived ? { not: null } : null } },
    select: {
      role: true,
      workspace: {
        select: { id: true, name: true, jurisdiction: true, population: true, archivedAt: true, _count: { select: { memberships: true } } },
      },
    },
    orderBy: { workspace: { name: "asc" } },
  });
  return rows.map((r) => ({
    id: r.workspace.id,
    name: r.workspace.name,
    jurisdiction: r.workspace.jurisdiction,
    population: r.workspace.population,
    archivedAt: r.workspace.archivedAt,
    role: r.role as Role,
    memberCount: r.workspace._count.memberships,
  }));
}

export async function getWorkspace(actor: Actor, workspaceId: string) {
  const access = await authorize(actor, workspaceId, "workspace.read");
  return { ...access.workspace, role: access.role };
}

export async function updateWorkspace(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "workspace.manage");
  // "workspace.manage" passes on an archived workspace so it can be restored; its details stay read-only.
  if (access.workspace.archivedAt) throw new AppError("forbidden", "This workspace is archived. Restore it before changing its details.");
  const data = parseInput(updateWorkspaceSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const ws = await tx.workspace.update({
        where: { id: access.workspaceId },
        data: {
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.jurisdiction !== undefined ? { jurisdiction: data.jurisdiction } : {}),
          ...(data.population !== undefined ? { population: data.population } : {}),
        },
      });
      await audit(tx, { workspaceId: ws.id, actorId: access.actor.userId, action: "workspace.updated", targetType: "workspace", targetId: ws.id, data });
      return ws;
    });
  } finally {
    forgetAccess({ workspaceId: access.workspaceId });
  }
}

export async function setArchived(actor: Actor, workspaceId: string, archived: boolean) {
  const access = await authorize(actor, workspaceId, "workspace.manage");
  try {
    return await getDb().$transaction(async (tx) => {
      const ws = await tx.workspace.update({ where: { id: access.workspaceId }, data: { archivedAt: archived ? new Date() : null } });
      await audit(tx, {
        workspaceId: ws.id,
        actorId: access.actor.userId,
        action: archived ? "workspace.archived" : "workspace.restored",
        targetType: "workspace",
        targetId: ws.id,
      });
      return ws;
    });
  } finally {
    forgetAccess({ workspaceId: access.workspaceId });
  }
}

export async function listMembers(actor: Actor, workspaceId: string) {
  const access = await authorize(actor, workspaceId, "members.read");
  const rows = await getDb().membership.findMany({
    where: { workspaceId: access.workspaceId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role as Role, joinedAt: r.createdAt }));
}

/** Locks the workspace's coordinator rows and refuses a change that would leave none. */
async function assertCoordinatorRemains(tx: Tx, workspaceId: string, leavingUserId: string) {
  const coordinators = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND role = 'COORDINATOR' FOR UPDATE`;
  if (coordinators.length === 1 && coordinators[0].userId === leavingUserId) {
    throw new AppError(
      "conflict",
      "Every workspace needs at least one coordinator. Make someone else a coordinator first.",
    );
  }
}

export async function changeMemberRole(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "members.manage");
  const { userId, role } = parseInput(changeRoleSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: access.workspaceId, userId } } });
      if (!membership) throw notFound("That member");
      if (membership.role === role) return membership;
      if (membership.role === "COORDINATOR") await assertCoordinatorRemains(tx, access.workspaceId, userId);
      const updated = await tx.membership.update({ where: { id: membership.id }, data: { role } });
      await audit(tx, {
        workspaceId: access.workspaceId,
        actorId: access.actor.userId,
        action: "member.role_changed",
        targetType: "user",
        targetId: userId,
        data: { from: membership.role, to: role },
      });
      return updated;
    });
  } finally {
    forgetAccess({ workspaceId: access.workspaceId, userId });
  }
}

export async function removeMember(actor: Actor, workspaceId: string, userId: unknown) {
  const target = parseInput(idSchema, userId);
  const self = requireActor(actor).userId === target;
  const access = await authorize(actor, workspaceId, self ? "workspace.read" : "members.manage");
  try {
    await getDb().$transaction(async (tx) => {
      const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: access.workspaceId, userId: target } } });
      if (!membership) throw notFound("That member");
      if (membership.role === "COORDINATOR") await assertCoordinatorRemains(tx, access.workspaceId, target);
      await tx.membership.delete({ where: { id: membership.id } });
      await tx.assignment.deleteMany({ where: { userId: target, workbook: { workspaceId: access.workspaceId } } });
      await audit(tx, {
        workspaceId: access.workspaceId,
        actorId: access.actor.userId,
        action: self ? "member.left" : "member.removed",
        targetType: "user",
        targetId: target,
        data: { role: membership.role },
      });
    });
  } finally {
    forgetAccess({ workspaceId: access.workspaceId, userId: target });
  }
}

export async function listAuditLog(actor: Actor, workspaceId: string, opts: { limit?: number; before?: bigint } = {}) {
  const access = await authorize(actor, workspaceId, "audit.read");
  const rows = await getDb().auditLog.findMany({
    where: { workspaceId: access.workspaceId, ...(opts.before ? { id: { lt: opts.before } } : {}) },
    orderBy: { id: "desc" },
    take: Math.min(opts.limit ?? 100, 500),
  });
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.targetType === "user" ? r.targetId : null]).filter(Boolean) as string[])];
  const users = await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    actorName: r.actorId ? (names.get(r.actorId) ?? "A former member") : "System",
    targetType: r.targetType,
    targetName: r.targetType === "user" && r.targetId ? (names.get(r.targetId) ?? "a former member") : null,
    data: r.data as Record<string, unknown> | null,
    createdAt: r.createdAt,
  }));
}
