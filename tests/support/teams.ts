import { expect } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import type { Role } from "@/lib/auth/permissions";
import { signUp } from "@/lib/accounts/service";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { acceptInvitation, createInvitation } from "@/lib/invitations/service";
import { createWorkspace } from "@/lib/workspaces/service";

/** People, teams and database checks for integration tests, all made through the app's own services. */

let seq = 0;
const stamp = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;
export const PASSWORD = "correct horse battery";

/** A new account made through sign-up, as an Actor. */
export async function newUser(name: string, email?: string): Promise<Actor> {
  const u = await signUp({ name, email: email ?? `${name.toLowerCase().replace(/[^a-z]+/g, "-")}-${stamp()}@example.org`, password: PASSWORD });
  return { userId: u.id, email: u.email, name: u.name };
}

export type Team = { workspaceId: string; coordinator: Actor; member: Actor; viewer: Actor; byRole: Record<Role, Actor> };

/** A workspace made by its coordinator, with a member and a viewer who joined by invitation. */
export async function newTeam(label: string): Promise<Team> {
  const coordinator = await newUser(`${label} Coordinator`);
  const member = await newUser(`${label} Member`);
  const viewer = await newUser(`${label} Viewer`);
  const ws = await createWorkspace(coordinator, { name: `${label} crisis plan`, jurisdiction: `${label} County`, population: 120_000 });
  for (const [who, role] of [
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ] as const) {
    const inv = await createInvitation(coordinator, ws.id, { email: who.email, role });
    await acceptInvitation(who, tokenOf(inv.link));
  }
  return { workspaceId: ws.id, coordinator, member, viewer, byRole: { COORDINATOR: coordinator, MEMBER: member, VIEWER: viewer } };
}

/** The token at the end of an invitation link. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

/** Awaits a promise that must fail with an AppError of `code`. */
export async function expectAppError(p: Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected an AppError “${code}”`).toBeInstanceOf(AppError);
  expect((err as AppError).code, (err as AppError).message).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
  return err as AppError;
}

/** Row counts of the tables a test watches. */
export async function counts(tables: string[]): Promise<Record<string, number>> {
  const db = getDb();
  const out: Record<string, number> = {};
  for (const t of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM "${t}"`);
    out[t] = Number(rows[0].n);
  }
  return out;
}

/**
 * A fingerprint of every table in the database: a hash of all rows per table.
 * Equal fingerprints before and after a call mean the call changed nothing.
 */
export async function dbFingerprint(): Promise<Record<string, string>> {
  const db = getDb();
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const sql = tables
    .map((t) => `SELECT '${t.name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS hash FROM "${t.name}" x`)
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; hash: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}
