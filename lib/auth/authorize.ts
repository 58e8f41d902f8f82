import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { READ_ONLY_PERMISSIONS, roleHas, type Permission, type Role } from "./permissions";

/**
 * One membership lookup per request: a page that checks several permissions
 * (layout, page, panels) asks the database once. Outside a React server
 * request `cache` does not memoize, so every call reads afresh.
 */
const membershipOf = cache((workspaceId: string, userId: string) =>
  getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: {
      role: true,
      workspace: { select: { id: true, name: true, jurisdiction: true, population: true, archivedAt: true } },
    },
  }),
);

/** The signed-in person a domain function acts for. */
export type Actor = { userId: string; email: string; name: string };

/** What `authorize` proves: this actor holds this role in this workspace. */
export type Access = {
  actor: Actor;
  workspaceId: string;
  role: Role;
  workspace: { id: string; name: string; jurisdiction: string; population: number | null; archivedAt: Date | null };
};

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please sign in to continue.");
  return actor;
}

/**
 * The one access check. Every page, action and route handler that touches a
 * workspace's data calls this first and then scopes its queries by the
 * returned `workspaceId`.
 *
 * - Not a member (or no such workspace): the same 404, so ids reveal nothing.
 * - A member whose role lacks the permission: 403.
 * - An archived workspace: read-only until a coordinator restores it.
 */
export async function authorize(actor: Actor | null | undefined, workspaceId: string, permission: Permission): Promise<Access> {
  const who = requireActor(actor);
  if (typeof workspaceId !== "string" || workspaceId.length === 0 || workspaceId.length > 64) throw notFound("Workspace");
  const membership = await membershipOf(workspaceId, who.userId);
  if (!membership) throw notFound("Workspace");
  const role = membership.role as Role;
  if (!roleHas(role, permission)) {
    throw new AppError("forbidden", `Your role (${role.toLowerCase()}) does not allow this.`);
  }
  if (membership.workspace.archivedAt && !READ_ONLY_PERMISSIONS.has(permission) && permission !== "workspace.manage") {
    throw new AppError("forbidden", "This workspace is archived. A coordinator can restore it to make changes.");
  }
  return { actor: who, workspaceId, role, workspace: membership.workspace };
}

/** Whether the actor could do something, for showing or hiding controls. */
export function can(access: Pick<Access, "role" | "workspace">, permission: Permission) {
  if (!roleHas(access.role, permission)) return false;
  if (access.workspace.archivedAt && !READ_ONLY_PERMISSIONS.has(permission) && permission !== "workspace.manage") return false;
  return true;
}
