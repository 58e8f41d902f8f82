import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { accessCache, membershipKey } from "./access-cache";
import { AppError, notFound } from "@/lib/errors";
import { READ_ONLY_PERMISSIONS, roleHas, type Permission, type Role } from "./permissions";

type MembershipRow = { role: string; workspace: Access["workspace"] };

/**
 * At most one membership lookup per request, and usually none: a found
 * membership is kept for AUTH_CACHE_TTL_MS (a few seconds; see
 * access-cache.ts), and a page that checks several permissions (layout, page,
 * panels) also shares one lookup through React's `cache`.
 */
const membershipOf = cache(async (workspaceId: string, userId: string): Promise<MembershipRow | null> => {
  const key = membershipKey(workspaceId, userId);
  const hit = accessCache.membership.get(key) as MembershipRow | undefined;
  if (hit) return hit;
  const row = await getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: {
      role: true,
      workspace: { select: { id: true, name: true, jurisdiction: true, population: true, archivedAt: true } },
    },
  });
  if (row) accessCache.membership.set(key, row);
  return row;
});

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
