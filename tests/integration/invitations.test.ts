import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { INVITATION_MESSAGES, INVITATION_TTL_DAYS, lookupInvitation } from "@/lib/invitations/service";
import { assignWorksheet } from "@/lib/assignments/service";
import { getWorkspace } from "@/lib/workspaces/service";
import {
  acceptInvitationAction,
  changeRoleAction,
  createWorkspaceAction,
  inviteAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  setArchivedAction,
  updateWorkspaceAction,
} from "@/app/actions/workspaces";
import { signInAs } from "../support/session-mock";
import { counts, dbFingerprint, expectAppError, newTeam, newUser, tokenOf, type Team } from "../support/teams";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);

// The audit writer, with a switch to make it fail: a change must not outlive a failed audit entry.
const auditFault = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/audit/log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/audit/log")>();
  return {
    ...actual,
    audit: async (...args: Parameters<typeof actual.audit>) => {
      if (auditFault.on) throw new Error("The audit log is unavailable");
      return actual.audit(...args);
    },
  };
});

/**
 * Invitations and team changes: single-use hashed links that expire, resend
 * and revoke, the last-coordinator rule, removal, and exactly one audit entry
 * for every change, written in the same transaction as the change.
 */

type Result = { ok: boolean; data?: unknown; error?: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };
type Invited = { ok: true; data: { link: string; emailed: boolean; email: string } };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
let seq = 0;
const address = (label: string) => `${label}-${Date.now().toString(36)}-${++seq}@example.org`;

let T: Team;

async function auditCount(workspaceId = T.workspaceId) {
  return getDb().auditLog.count({ where: { workspaceId } });
}
async function lastAudit(workspaceId = T.workspaceId) {
  return getDb().auditLog.findFirstOrThrow({ where: { workspaceId }, orderBy: { id: "desc" } });
}
/** Runs a change and expects exactly one new audit entry, with this action. */
async function oneAudit<R>(action: string, run: () => Promise<R>, workspaceId = T.workspaceId): Promise<R> {
  const before = await auditCount(workspaceId);
  const result = await run();
  expect(await auditCount(workspaceId), `audit entries for ${action}`).toBe(before + 1);
  expect((await lastAudit(workspaceId)).action).toBe(action);
  return result;
}
async function invite(email: string, role = "MEMBER", as: Actor = T.coordinator) {
  signInAs(as);
  const res = (await inviteAction(T.workspaceId, { email, role })) as Invited;
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return res.data;
}
async function roleOf(userId: string, workspaceId = T.workspaceId) {
  return (await getDb().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role ?? null;
}

beforeAll(async () => {
  T = await newTeam("Cedar");
});

describe("inviting", () => {
  it("stores only a sha256 hash of the link's token, and the link expires in 7 days", async () => {
    const email = address("newcomer");
    const started = Date.now();
    const { link, emailed } = await oneAudit("invitation.created", () => invite(email.toUpperCase()));
    expect(emailed).toBe(false);
    const token = tokenOf(link);
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const row = await getDb().invitation.findFirstOrThrow({ where: { workspaceId: T.workspaceId, email } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(row.role).toBe("MEMBER");
    const ttl = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;
    expect(INVITATION_TTL_DAYS).toBe(7);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(started + ttl - 1000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + ttl + 1000);
    // The token appears nowhere in the database.
    const dump = await getDb().$queryRaw<Array<{ t: string }>>`
      SELECT (SELECT string_agg(i::text, ' ') FROM "Invitation" i) || (SELECT string_agg(a::text, ' ') FROM "AuditLog" a) AS t`;
    expect(dump[0].t).not.toContain(token);
    expect(await lookupInvitation(token)).toMatchObject({ status: "valid", email, role: "MEMBER", workspaceName: "Cedar crisis plan" });
  });

  it("refuses bad input with a specific message and stores nothing", async () => {
    signInAs(T.coordinator);
    const cases: Array<[unknown, string, RegExp]> = [
      [{ email: "", role: "MEMBER" }, "email", /Enter your email address/],
      [{ email: "not-an-address", role: "MEMBER" }, "email", /valid email address/],
      [{ email: `${"x".repeat(10_000)}@example.org`, role: "MEMBER" }, "email", /too long/],
      [{ email: 12, role: "MEMBER" }, "email", /Enter your email address/],
      [{ email: address("a"), role: "ADMIN" }, "role", /Choose coordinator, member or viewer/],
      [{ email: address("a"), role: "member" }, "role", /Choose coordinator, member or viewer/],
      [{ email: address("a") }, "role", /Choose coordinator, member or viewer/],
      [{ email: address("a"), role: "MEMBER", message: "hi" }, "(root)", /Unknown field: message/],
    ];
    for (const [input, path, message] of cases) {
      const before = await dbFingerprint();
      const res = (await inviteAction(T.workspaceId, input)) as Result;
      expect(res.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      expect(res.error?.code).toBe("validation_failed");
      expect(res.error?.issues?.find((i) => i.path === path)?.message, JSON.stringify(res.error)).toMatch(message);
      expect(await dbFingerprint()).toEqual(before);
    }
  });

  it("refuses to invite someone who is already a member", async () => {
    signInAs(T.coordinator);
    const before = await dbFingerprint();
    const res = (await inviteAction(T.workspaceId, { email: T.member.email.toUpperCase(), role: "VIEWER" })) as Result;
    expect(res).toMatchObject({ ok: false, error: { code: "conflict", message: `${T.member.email} is already a member of this workspace.` } });
    expect(await dbFingerprint()).toEqual(before);
  });

  it("replaces an open invitation for the same address: the old link stops working", async () => {
    const email = address("twice");
    const first = await invite(email, "VIEWER");
    const second = await invite(email, "MEMBER");
    expect(await lookupInvitation(tokenOf(first.link))).toMatchObject({ status: "revoked" });
    expect(await lookupInvitation(tokenOf(second.link))).toMatchObject({ status: "valid", role: "MEMBER" });
    expect(await getDb().invitation.count({ where: { workspaceId: T.workspaceId, email, revokedAt: null } })).toBe(1);
  });
});

describe("accepting", () => {
  it("works once; a second acceptance gets a clear conflict message", async () => {
    const joiner = await newUser("Jo Joiner");
    const other = await newUser("Ot Other");
    const { link } = await invite(joiner.email, "VIEWER");
    const token = tokenOf(link);

    signInAs(joiner);
    const joined = await oneAudit("member.joined", () => acceptInvitationAction(token));
    expect(joined).toEqual({ ok: true, data: { workspaceId: T.workspaceId, alreadyMember: false } });
    expect(await roleOf(joiner.userId)).toBe("VIEWER");
    await expect(getWorkspace(joiner, T.workspaceId)).resolves.toMatchObject({ role: "VIEWER" });

    for (const who of [joiner, other]) {
      signInAs(who);
      const before = await dbFingerprint();
      const again = (await acceptInvitationAction(token)) as Result;
      expect(again).toEqual({ ok: false, error: { code: "conflict", message: INVITATION_MESSAGES.accepted } });
      expect(again.error?.message).toBe("This invitation has already been used. Sign in to reach the workspace.");
      expect(await dbFingerprint()).toEqual(before);
    }
    expect(await roleOf(other.userId)).toBeNull();
    expect(await lookupInvitation(token)).toMatchObject({ status: "accepted" });
  });

  it("lets only one of two simultaneous acceptances through", async () => {
    const [a, b] = [await newUser("Sim One"), await newUser("Sim Two")];
    const token = tokenOf((await invite(address("sim"), "MEMBER")).link);
    const before = await counts(["Membership"]);
    signInAs(a);
    const first = acceptInvitationAction(token);
    signInAs(b);
    const second = acceptInvitationAction(token);
    const results = (await Promise.all([first, second])) as Result[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.error?.message).toBe(INVITATION_MESSAGES.accepted);
    expect(await counts(["Membership"])).toEqual({ Membership: before.Membership + 1 });
  });

  it("refuses an expired link with a clear message", async () => {
    const joiner = await newUser("Ex Pired");
    const { link } = await invite(joiner.email);
    const token = tokenOf(link);
    await getDb().invitation.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    signInAs(joiner);
    const before = await dbFingerprint();
    expect(await acceptInvitationAction(token)).toEqual({ ok: false, error: { code: "conflict", message: INVITATION_MESSAGES.expired } });
    expect(INVITATION_MESSAGES.expired).toMatch(/expired/);
    expect(await dbFingerprint()).toEqual(before);
    expect(await lookupInvitation(token)).toMatchObject({ status: "expired" });
  });

  it("refuses a revoked link with a clear message", async () => {
    const joiner = await newUser("Re Voked");
    const { link } = await invite(joiner.email);
    const token = tokenOf(link);
    const inv = await getDb().invitation.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    signInAs(T.coordinator);
    expect(await oneAudit("invitation.revoked", () => revokeInvitationAction(T.workspaceId, inv.id))).toEqual({ ok: true, data: undefined });
    signInAs(joiner);
    const before = await dbFingerprint();
    expect(await acceptInvitationAction(token)).toEqual({ ok: false, error: { code: "conflict", message: INVITATION_MESSAGES.revoked } });
    expect(INVITATION_MESSAGES.revoked).toMatch(/withdrawn/);
    expect(await dbFingerprint()).toEqual(before);
    // Revoking twice: there is no open invitation left.
    signInAs(T.coordinator);
    expect(await revokeInvitationAction(T.workspaceId, inv.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("refuses unknown and malformed links without revealing anything", async () => {
    const joiner = await newUser("No Body");
    signInAs(joiner);
    const unknown = { ok: false, error: { code: "not_found", message: INVITATION_MESSAGES.unknown } };
    expect(await acceptInvitationAction("x".repeat(43))).toEqual(unknown);
    expect(await acceptInvitationAction("short")).toEqual(unknown);
    expect(await acceptInvitationAction(42 as unknown as string)).toEqual(unknown);
    expect(await lookupInvitation("y".repeat(43))).toEqual({ status: "unknown" });
    signInAs(null);
    expect(await acceptInvitationAction("x".repeat(43))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });
});

describe("resending", () => {
  it("issues a new link; the old one stops working and the new one works", async () => {
    const joiner = await newUser("Re Sent");
    const { link: oldLink } = await invite(joiner.email);
    const inv = await getDb().invitation.findUniqueOrThrow({ where: { tokenHash: sha256(tokenOf(oldLink)) } });
    // Nearly expired: resending gives it a fresh 7 days.
    await getDb().invitation.update({ where: { id: inv.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });

    signInAs(T.coordinator);
    const resent = (await oneAudit("invitation.resent", () => resendInvitationAction(T.workspaceId, inv.id))) as Invited;
    expect(resent.ok).toBe(true);
    const newLink = resent.data.link;
    expect(newLink).not.toBe(oldLink);
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(sha256(tokenOf(newLink)));
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + (INVITATION_TTL_DAYS * 24 - 1) * 60 * 60 * 1000);

    signInAs(joiner);
    expect(await acceptInvitationAction(tokenOf(oldLink))).toEqual({ ok: false, error: { code: "not_found", message: INVITATION_MESSAGES.unknown } });
    expect(await acceptInvitationAction(tokenOf(newLink))).toMatchObject({ ok: true, data: { workspaceId: T.workspaceId } });
    expect(await roleOf(joiner.userId)).toBe("MEMBER");
  });

  it("cannot resend an accepted or revoked invitation, and only coordinators can resend", async () => {
    const accepted = await getDb().invitation.findFirstOrThrow({ where: { workspaceId: T.workspaceId, acceptedAt: { not: null } } });
    signInAs(T.coordinator);
    expect(await resendInvitationAction(T.workspaceId, accepted.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
    const open = await getDb().invitation.findFirstOrThrow({ where: { workspaceId: T.workspaceId, acceptedAt: null, revokedAt: null } });
    const before = await dbFingerprint();
    signInAs(T.member);
    expect(await resendInvitationAction(T.workspaceId, open.id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await revokeInvitationAction(T.workspaceId, open.id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await dbFingerprint()).toEqual(before);
  });
});

describe("roles and removal", () => {
  it("refuses bad role changes with specific messages, storing nothing", async () => {
    signInAs(T.coordinator);
    const cases: Array<[unknown, string, string]> = [
      [{ userId: T.member.userId, role: "OWNER" }, "validation_failed", "role"],
      [{ userId: T.member.userId, role: 1 }, "validation_failed", "role"],
      [{ userId: T.member.userId }, "validation_failed", "role"],
      [{ role: "VIEWER" }, "validation_failed", "userId"],
      [{ userId: "", role: "VIEWER" }, "validation_failed", "userId"],
      [{ userId: "u".repeat(10_000), role: "VIEWER" }, "validation_failed", "userId"],
      [{ userId: T.member.userId, role: "VIEWER", reason: "x" }, "validation_failed", "(root)"],
    ];
    for (const [input, code, path] of cases) {
      const before = await dbFingerprint();
      const res = (await changeRoleAction(T.workspaceId, input)) as Result;
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe(code);
      expect(res.error?.issues?.map((i) => i.path), JSON.stringify(res.error)).toContain(path);
      expect(await dbFingerprint()).toEqual(before);
    }
    const stranger = await newUser("Stray Stranger");
    const before = await dbFingerprint();
    expect(await changeRoleAction(T.workspaceId, { userId: stranger.userId, role: "VIEWER" })).toEqual({
      ok: false,
      error: { code: "not_found", message: "That member was not found." },
    });
    expect(await dbFingerprint()).toEqual(before);
  });

  it("changes a role with one audit entry; an unchanged role logs nothing", async () => {
    signInAs(T.coordinator);
    await oneAudit("member.role_changed", () => changeRoleAction(T.workspaceId, { userId: T.viewer.userId, role: "MEMBER" }));
    expect(await roleOf(T.viewer.userId)).toBe("MEMBER");
    expect((await lastAudit()).data).toEqual({ from: "VIEWER", to: "MEMBER" });
    const before = await auditCount();
    expect(await changeRoleAction(T.workspaceId, { userId: T.viewer.userId, role: "MEMBER" })).toEqual({ ok: true, data: undefined });
    expect(await auditCount()).toBe(before);
    await oneAudit("member.role_changed", () => changeRoleAction(T.workspaceId, { userId: T.viewer.userId, role: "VIEWER" }));
  });

  it("never leaves a workspace without a coordinator", async () => {
    signInAs(T.coordinator);
    const message = "Every workspace needs at least one coordinator. Make someone else a coordinator first.";
    const before = await dbFingerprint();
    expect(await changeRoleAction(T.workspaceId, { userId: T.coordinator.userId, role: "MEMBER" })).toEqual({ ok: false, error: { code: "conflict", message } });
    expect(await removeMemberAction(T.workspaceId, T.coordinator.userId)).toEqual({ ok: false, error: { code: "conflict", message } });
    expect(await dbFingerprint()).toEqual(before);
    expect(await roleOf(T.coordinator.userId)).toBe("COORDINATOR");
  });

  it("lets one of two coordinators step down, but not both at once", async () => {
    const team = await newTeam("Dogwood");
    const second = team.member;
    signInAs(team.coordinator);
    await oneAudit("member.role_changed", () => changeRoleAction(team.workspaceId, { userId: second.userId, role: "COORDINATOR" }), team.workspaceId);
    // Each demotes the other at the same moment: exactly one change goes through.
    signInAs(team.coordinator);
    const a = changeRoleAction(team.workspaceId, { userId: second.userId, role: "MEMBER" });
    signInAs(second);
    const b = changeRoleAction(team.workspaceId, { userId: team.coordinator.userId, role: "MEMBER" });
    const results = (await Promise.all([a, b])) as Result[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The loser is refused either by the coordinator check (both checked access
    // before either commit) or by its own access check (the other change had
    // already made it a member).
    expect(["conflict", "forbidden"]).toContain(results.find((r) => !r.ok)?.error?.code);
    expect(await getDb().membership.count({ where: { workspaceId: team.workspaceId, role: "COORDINATOR" } })).toBe(1);
  });

  it("removes a member, with their assignments, and they lose access", async () => {
    const leaver = await newUser("Rem Oved");
    const token = tokenOf((await invite(leaver.email, "MEMBER")).link);
    signInAs(leaver);
    await acceptInvitationAction(token);
    await assignWorksheet(T.coordinator, T.workspaceId, { worksheetKey: "practice", userIds: [leaver.userId] });
    expect(await getDb().assignment.count({ where: { userId: leaver.userId } })).toBe(1);

    signInAs(T.member);
    expect(await removeMemberAction(T.workspaceId, leaver.userId)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    signInAs(T.coordinator);
    expect(await oneAudit("member.removed", () => removeMemberAction(T.workspaceId, leaver.userId))).toEqual({ ok: true, data: undefined });
    expect(await roleOf(leaver.userId)).toBeNull();
    expect(await getDb().assignment.count({ where: { userId: leaver.userId } })).toBe(0);
    await expectAppError(getWorkspace(leaver, T.workspaceId), "not_found", /Workspace was not found/);
    // Removing them again: no such member.
    expect(await removeMemberAction(T.workspaceId, leaver.userId)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("lets a member leave on their own", async () => {
    const leaver = await newUser("Lee Ving");
    const token = tokenOf((await invite(leaver.email, "VIEWER")).link);
    signInAs(leaver);
    await acceptInvitationAction(token);
    expect(await oneAudit("member.left", () => removeMemberAction(T.workspaceId, leaver.userId))).toEqual({ ok: true, data: undefined });
    expect(await roleOf(leaver.userId)).toBeNull();
  });
});

describe("the audit log", () => {
  it("records each workspace change exactly once", async () => {
    const owner = await newUser("Audra Auditor");
    signInAs(owner);
    const created = (await createWorkspaceAction({ name: "Elm plan", jurisdiction: "Elm County" })) as { ok: true; data: { id: string } };
    const ws = created.data.id;
    expect(await getDb().auditLog.findMany({ where: { workspaceId: ws }, select: { action: true } })).toEqual([{ action: "workspace.created" }]);
    await oneAudit("workspace.updated", () => updateWorkspaceAction(ws, { name: "Elm County plan" }), ws);
    await oneAudit("workspace.archived", () => setArchivedAction(ws, true), ws);
    await oneAudit("workspace.restored", () => setArchivedAction(ws, false), ws);
  });

  it("keeps no change when its audit entry cannot be written", async () => {
    const joiner = await newUser("Aud Itless");
    const { link } = await invite(address("pending"));
    const pending = await getDb().invitation.findUniqueOrThrow({ where: { tokenHash: sha256(tokenOf(link)) } });
    const joinLink = (await invite(joiner.email, "VIEWER")).link;
    const changes: Array<[string, Actor, () => Promise<unknown>]> = [
      ["create a workspace", T.coordinator, () => createWorkspaceAction({ name: "Never", jurisdiction: "Nowhere" })],
      ["rename", T.coordinator, () => updateWorkspaceAction(T.workspaceId, { name: "Renamed" })],
      ["archive", T.coordinator, () => setArchivedAction(T.workspaceId, true)],
      ["invite", T.coordinator, () => inviteAction(T.workspaceId, { email: address("lost"), role: "VIEWER" })],
      ["resend", T.coordinator, () => resendInvitationAction(T.workspaceId, pending.id)],
      ["revoke", T.coordinator, () => revokeInvitationAction(T.workspaceId, pending.id)],
      ["change a role", T.coordinator, () => changeRoleAction(T.workspaceId, { userId: T.viewer.userId, role: "MEMBER" })],
      ["remove a member", T.coordinator, () => removeMemberAction(T.workspaceId, T.viewer.userId)],
      ["leave", T.member, () => removeMemberAction(T.workspaceId, T.member.userId)],
      ["accept an invitation", joiner, () => acceptInvitationAction(tokenOf(joinLink))],
    ];
    // The failures are reported as unexpected errors; keep them out of the test output.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const [what, who, run] of changes) {
      signInAs(who);
      const before = await dbFingerprint();
      auditFault.on = true;
      let result: Result;
      try {
        result = (await run()) as Result;
      } finally {
        auditFault.on = false;
      }
      expect(result.ok, what).toBe(false);
      expect(result.error?.code, what).toBe("internal");
      expect(await dbFingerprint(), `${what} was kept without its audit entry`).toEqual(before);
    }
    expect(quiet).toHaveBeenCalledTimes(changes.length);
    quiet.mockRestore();
    // With the audit log back, the same invitation still works.
    signInAs(joiner);
    expect(await acceptInvitationAction(tokenOf(joinLink))).toMatchObject({ ok: true });
  });
});
