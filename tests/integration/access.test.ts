import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/api/action";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { PERMISSIONS, ROLES, roleHas, type Permission, type Role } from "@/lib/auth/permissions";
import { activityFeed } from "@/lib/activity/service";
import { assignWorksheet } from "@/lib/assignments/service";
import { postComment } from "@/lib/comments/service";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createInvitation } from "@/lib/invitations/service";
import { createMeeting, startMeeting } from "@/lib/meetings/service";
import { saveAnswer, workbookFor } from "@/lib/workbook/service";
import { listAuditLog, listMembers } from "@/lib/workspaces/service";
import * as workspaceActions from "@/app/actions/workspaces";
import * as meetingActions from "@/app/actions/meetings";
import * as workbookActions from "@/app/actions/workbook";
import { GET as getUpgradePreview } from "@/app/api/v1/workspaces/[id]/workbook/upgrade/route";
import { GET as getWorkspaceRoute } from "@/app/api/v1/workspaces/[id]/route";
import { GET as getWorkbookRoute } from "@/app/api/v1/workspaces/[id]/workbook/route";
import { PUT as putAnswer } from "@/app/api/v1/workspaces/[id]/answers/[itemKey]/route";
import { PATCH as patchWorksheet } from "@/app/api/v1/workspaces/[id]/worksheets/[worksheetKey]/route";
import { POST as postAssignments } from "@/app/api/v1/workspaces/[id]/assignments/route";
import { GET as getComments, POST as postComments } from "@/app/api/v1/workspaces/[id]/comments/route";
import { GET as getProgressRoute } from "@/app/api/v1/workspaces/[id]/progress/route";
import { GET as getSessions, POST as postSessions } from "@/app/api/v1/workspaces/[id]/sessions/route";
import { PUT as putCallTypes } from "@/app/api/v1/workspaces/[id]/call-types/route";
import { callRoute, signInAs, type Called } from "../support/session-mock";
import { dbFingerprint, newTeam, newUser, type Team } from "../support/teams";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);

/**
 * Who can reach what. First the cross-tenant matrix: every workspace route
 * handler and every workspace server action, called by someone who belongs to
 * a different workspace, answers exactly as it would for a workspace that does
 * not exist, and changes nothing. Then the role matrix: one operation per
 * permission, tried by each role, succeeds exactly when the permission table
 * says so; and an archived workspace is read-only.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKSPACE_ROUTES = path.join(ROOT, "app/api/v1/workspaces/[id]");
const ACTIONS_DIR = path.join(ROOT, "app/actions");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type DiscoveredRoute = { key: string; dir: string; method: string; handler: Handler };

async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const out: DiscoveredRoute[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(WORKSPACE_ROUTES, dir).split(path.sep).join("/");
        const mod = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
        for (const method of HTTP_METHODS) {
          if (typeof mod[method] === "function") out.push({ key: `${rel || "."} ${method}`, dir: rel, method, handler: mod[method] as Handler });
        }
      }
    }
  }
  await walk(WORKSPACE_ROUTES);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

async function exportedActions(): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const file of (await readdir(ACTIONS_DIR)).filter((f) => f.endsWith(".ts")).sort()) {
    const mod = (await import(/* @vite-ignore */ path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") names.set(name, file);
  }
  return names;
}

/** The ids of things inside workspace A that routes and actions take as parameters. */
type Fixture = {
  itemKey: string;
  worksheetKey: string;
  revisionId: string;
  assignmentId: string;
  commentId: string;
  threadId: string;
  scheduledMeetingId: string;
  liveMeetingId: string;
  agendaItemId: string;
  invitationId: string;
};

let A: Team;
let outsider: Actor;
let outsiderWorkspace: string;
let F: Fixture;

/** A workspace id that looks real but belongs to no workspace. */
const ghostId = () => `c${randomBytes(12).toString("hex")}`.slice(0, 25);

const SEGMENT_PARAMS: Record<string, (f: Fixture) => string> = {
  itemKey: (f) => f.itemKey,
  worksheetKey: (f) => f.worksheetKey,
  assignmentId: (f) => f.assignmentId,
  commentId: (f) => f.commentId,
  threadId: (f) => f.threadId,
  sid: (f) => f.liveMeetingId,
  uploadId: () => "0".repeat(24),
};

type RouteCase = { query?: Record<string, string>; body?: (f: Fixture) => unknown; stream?: boolean };

/**
 * One case per route handler and method under /api/v1/workspaces/[id]. Each
 * sends a request that would be valid for a member, so a refusal can only come
 * from the membership check.
 */
const ROUTE_CASES: Record<string, RouteCase> = {
  ". GET": {},
  "answers/[itemKey] PUT": { body: () => ({ value: "Written by an outsider", baseVersion: 1 }) },
  "answers/[itemKey]/restore POST": { body: (f) => ({ revisionId: f.revisionId, baseVersion: 1 }) },
  "answers/[itemKey]/revisions GET": {},
  "archived-answers GET": {},
  "assignments GET": {},
  "call-data GET": {},
  "call-imports GET": {},
  "call-imports POST": { body: () => ({ uploadId: "0".repeat(24), fileName: "calls.csv" }) },
  "call-imports/uploads POST": { body: () => "Call Type,Call Received\nWELCK,2025-01-01 10:00\n" },
  "call-imports/uploads/[uploadId] POST": { body: () => ({}) },
  "call-imports/uploads/[uploadId] DELETE": {},
  "call-imports/uploads/[uploadId]/call-types POST": { body: () => ({ columns: { callCode: "Call Type", received: "Call Received" } }) },
  "call-types PUT": { body: () => [{ code: "WELCK", category: "welfare-check", tier: "civilian" }] },
  "assignments POST": { body: () => ({ worksheetKey: "practice", userIds: [outsider.userId] }) },
  "assignments/[assignmentId] DELETE": {},
  "comments GET": { query: { worksheetKey: "practice" } },
  "comments POST": { body: () => ({ worksheetKey: "practice", itemKey: "practice.short", body: "Outsider comment" }) },
  "comments/[commentId] PATCH": { body: () => ({ body: "Edited by an outsider" }) },
  "comments/[commentId] DELETE": {},
  "comments/threads/[threadId] PATCH": { body: () => ({ resolved: true }) },
  "events GET": { stream: true },
  "events/state GET": { query: { worksheetKey: "practice" } },
  "export.pdf GET": { stream: true },
  "presence POST": { body: () => ({ clientId: "outsider-tab-0001", worksheetKey: "practice", itemKey: "practice.short" }) },
  "progress GET": { query: { days: "30" } },
  "progress.csv GET": {},
  "sessions GET": {},
  "sessions POST": { body: () => ({ title: "Hostile meeting", startsAt: "2027-01-05T15:00:00Z", agenda: [{ title: "Take over" }] }) },
  "sessions/[sid] GET": {},
  "sessions/[sid] PATCH": { body: () => ({ position: 1 }) },
  "sessions/[sid]/minutes.pdf GET": { stream: true },
  "workbook GET": {},
  "workbook/upgrade GET": {},
  "workbook/upgrade POST": { body: () => ({ fromVersion: 1, toVersion: 2 }) },
  "worksheets/[worksheetKey] PATCH": { body: () => ({ status: "COMPLETE" }) },
};

/** Server actions whose first parameter is a workspace id, each called with otherwise valid arguments. */
const WORKSPACE_ACTIONS: Record<string, Array<(ws: string, f: Fixture) => Promise<ActionResult<unknown>>>> = {
  updateWorkspaceAction: [(ws) => workspaceActions.updateWorkspaceAction(ws, { name: "Taken over" })],
  upgradeWorkbookAction: [(ws) => workbookActions.upgradeWorkbookAction(ws, { fromVersion: 1, toVersion: 2 })],
  setArchivedAction: [(ws) => workspaceActions.setArchivedAction(ws, true), (ws) => workspaceActions.setArchivedAction(ws, false)],
  inviteAction: [(ws) => workspaceActions.inviteAction(ws, { email: "accomplice@example.org", role: "COORDINATOR" })],
  resendInvitationAction: [(ws, f) => workspaceActions.resendInvitationAction(ws, f.invitationId)],
  revokeInvitationAction: [(ws, f) => workspaceActions.revokeInvitationAction(ws, f.invitationId)],
  changeRoleAction: [
    (ws) => workspaceActions.changeRoleAction(ws, { userId: A.coordinator.userId, role: "VIEWER" }),
    (ws) => workspaceActions.changeRoleAction(ws, { userId: outsider.userId, role: "COORDINATOR" }),
  ],
  removeMemberAction: [(ws) => workspaceActions.removeMemberAction(ws, A.member.userId), (ws) => workspaceActions.removeMemberAction(ws, outsider.userId)],
  createMeetingAction: [(ws) => meetingActions.createMeetingAction(ws, { title: "Hostile", startsAt: "2027-01-05T15:00:00Z", agenda: [{ title: "x" }] })],
  startMeetingAction: [(ws, f) => meetingActions.startMeetingAction(ws, f.scheduledMeetingId)],
  moveMeetingAction: [(ws, f) => meetingActions.moveMeetingAction(ws, f.liveMeetingId, 1)],
  joinMeetingAction: [(ws, f) => meetingActions.joinMeetingAction(ws, f.liveMeetingId)],
  addGuestAction: [(ws, f) => meetingActions.addGuestAction(ws, f.liveMeetingId, { name: "Uninvited guest" })],
  saveNotesAction: [(ws, f) => meetingActions.saveNotesAction(ws, f.liveMeetingId, { agendaItemId: f.agendaItemId, notes: "Overwritten" })],
  addDecisionAction: [(ws, f) => meetingActions.addDecisionAction(ws, f.liveMeetingId, { agendaItemId: f.agendaItemId, text: "We disband" })],
  addActionItemAction: [(ws, f) => meetingActions.addActionItemAction(ws, f.liveMeetingId, { action: "Leak the plan", dueDate: "2027-01-31" })],
  endMeetingAction: [(ws, f) => meetingActions.endMeetingAction(ws, f.liveMeetingId)],
};

/** Exported actions that take no workspace id (covered in accounts.test.ts and invitations.test.ts). */
const NON_WORKSPACE_ACTIONS = ["signUpAction", "updateProfileAction", "changePasswordAction", "createWorkspaceAction", "acceptInvitationAction"];

beforeAll(async () => {
  A = await newTeam("Alder");
  outsider = await newUser("Olive Outsider");
  const db = getDb();
  // The outsider runs a workspace of their own.
  const { createWorkspace } = await import("@/lib/workspaces/service");
  outsiderWorkspace = (await createWorkspace(outsider, { name: "Elsewhere plan", jurisdiction: "Elsewhere" })).id;

  await saveAnswer(A.member, A.workspaceId, "practice.short", { value: "Alder County Crisis Center", baseVersion: 0 });
  const wb = await workbookFor(A.workspaceId);
  const revision = await db.answerRevision.findFirstOrThrow({ where: { workbookId: wb.id, itemKey: "practice.short" } });
  await assignWorksheet(A.coordinator, A.workspaceId, { worksheetKey: "practice", userIds: [A.member.userId] });
  const assignment = await db.assignment.findFirstOrThrow({ where: { workbookId: wb.id } });
  const comment = await postComment(A.member, A.workspaceId, { worksheetKey: "practice", itemKey: "practice.short", body: "Is this the full name?" });
  const agenda = [{ worksheetKey: "practice" }, { title: "Next steps" }];
  const scheduled = await createMeeting(A.coordinator, A.workspaceId, { title: "Kick-off", startsAt: "2026-12-01T15:00:00Z", agenda });
  const live = await createMeeting(A.coordinator, A.workspaceId, { title: "Working session", startsAt: "2026-12-02T15:00:00Z", agenda });
  await startMeeting(A.coordinator, A.workspaceId, live.id);
  const agendaItem = await db.meetingAgendaItem.findFirstOrThrow({ where: { meetingId: live.id, position: 0 } });
  const invitation = await createInvitation(A.coordinator, A.workspaceId, { email: "pending@example.org", role: "MEMBER" });
  F = {
    itemKey: "practice.short",
    worksheetKey: "practice",
    revisionId: revision.id.toString(),
    assignmentId: assignment.id,
    commentId: comment.commentId,
    threadId: comment.threadId,
    scheduledMeetingId: scheduled.id,
    liveMeetingId: live.id,
    agendaItemId: agendaItem.id,
    invitationId: invitation.id,
  };
});

function paramsFor(dir: string, workspaceId: string): Record<string, string> {
  const params: Record<string, string> = { id: workspaceId };
  for (const m of dir.matchAll(/\[([^\]]+)\]/g)) {
    const fill = SEGMENT_PARAMS[m[1]];
    if (!fill) throw new Error(`No value for route parameter [${m[1]}] in ${dir}: add it to SEGMENT_PARAMS`);
    params[m[1]] = fill(F);
  }
  return params;
}

async function callCase(route: DiscoveredRoute, workspaceId: string): Promise<Called> {
  const c = ROUTE_CASES[route.key];
  const params = paramsFor(route.dir, workspaceId);
  const sub = route.dir ? `/${route.dir.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name]))}` : "";
  const urlPath = `/api/v1/workspaces/${workspaceId}${sub}`;
  return callRoute(route.handler, {
    method: route.method,
    path: urlPath,
    params,
    query: c.query,
    body: c.body?.(F),
    // A stream that opened by mistake is closed at once rather than read.
    read: c.stream ? false : undefined,
  });
}

describe("coverage", () => {
  it("has a cross-tenant case for every route handler and method under /api/v1/workspaces/[id]", async () => {
    const routes = await discoverRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.map((r) => r.key).filter((k) => !(k in ROUTE_CASES));
    expect(missing, "routes without a case in ROUTE_CASES").toEqual([]);
  });

  it("has a case for every exported server action, or lists it as not taking a workspace", async () => {
    const exported = await exportedActions();
    expect([...exported.keys()].sort()).toEqual([...Object.keys(WORKSPACE_ACTIONS), ...NON_WORKSPACE_ACTIONS].sort());
  });
});

describe("cross-tenant matrix: a member of another workspace", () => {
  it("gets the same 404 from every workspace route as for a workspace that does not exist, and changes nothing", async () => {
    const routes = await discoverRoutes();
    for (const route of routes) {
      const ghost = ghostId();
      signInAs(outsider);
      const before = await dbFingerprint();
      const theirs = await callCase(route, A.workspaceId);
      const nowhere = await callCase(route, ghost);
      expect(await dbFingerprint(), `${route.key} changed the database`).toEqual(before);

      expect(theirs.status, `${route.key}: ${theirs.text}`).toBe(404);
      expect(nowhere.status, `${route.key} (no such workspace): ${nowhere.text}`).toBe(404);
      expect((theirs.body as { error: { code: string } }).error.code).toBe("not_found");
      expect(theirs.text, `${route.key} answers differently for a real workspace`).toBe(nowhere.text);
      expect(theirs.text).not.toContain(A.workspaceId);

      // Signed out: asked to sign in, whatever the workspace.
      signInAs(null);
      const anon = await callCase(route, A.workspaceId);
      expect(anon.status, route.key).toBe(401);
      expect(await dbFingerprint(), `${route.key} changed the database`).toEqual(before);
    }
  });

  it("gets the same not_found from every workspace server action as for a workspace that does not exist, and changes nothing", async () => {
    signInAs(outsider);
    for (const [name, calls] of Object.entries(WORKSPACE_ACTIONS)) {
      for (const [n, call] of calls.entries()) {
        const label = `${name}#${n}`;
        const before = await dbFingerprint();
        const theirs = await call(A.workspaceId, F);
        const nowhere = await call(ghostId(), F);
        expect(await dbFingerprint(), `${label} changed the database`).toEqual(before);
        expect(theirs, label).toMatchObject({ ok: false, error: { code: "not_found" } });
        expect(JSON.stringify(theirs), label).toBe(JSON.stringify(nowhere));
      }
    }
  });

  it("cannot reach workspace A's records through their own workspace: A's ids answer like ids that do not exist", async () => {
    const B = () => outsiderWorkspace;
    const r = (handler: Handler, method: string, params: Record<string, string>, body?: unknown) =>
      callRoute(handler, { method, path: `/api/v1/workspaces/${params.id}`, params, body }).then((c) => `${c.status} ${c.text}`);
    const routes = new Map((await discoverRoutes()).map((d) => [d.key, d.handler]));
    const h = (key: string) => {
      const handler = routes.get(key);
      if (!handler) throw new Error(`route ${key} is gone: update this test`);
      return handler;
    };
    const act = async (p: Promise<ActionResult<unknown>>) => JSON.stringify(await p);
    const cases: Record<string, (id: string) => Promise<string>> = {
      "restore A's revision": (id) => r(h("answers/[itemKey]/restore POST"), "POST", { id: B(), itemKey: "practice.short" }, { revisionId: id, baseVersion: 0 }),
      "delete A's assignment": (id) => r(h("assignments/[assignmentId] DELETE"), "DELETE", { id: B(), assignmentId: id }),
      "edit A's comment": (id) => r(h("comments/[commentId] PATCH"), "PATCH", { id: B(), commentId: id }, { body: "Edited" }),
      "delete A's comment": (id) => r(h("comments/[commentId] DELETE"), "DELETE", { id: B(), commentId: id }),
      "resolve A's thread": (id) => r(h("comments/threads/[threadId] PATCH"), "PATCH", { id: B(), threadId: id }, { resolved: true }),
      "reply in A's thread": (id) => r(h("comments POST"), "POST", { id: B() }, { worksheetKey: "practice", body: "Reply", threadId: id }),
      "open A's meeting": (id) => r(h("sessions/[sid] GET"), "GET", { id: B(), sid: id }),
      "resend A's invitation": (id) => act(workspaceActions.resendInvitationAction(B(), id)),
      "revoke A's invitation": (id) => act(workspaceActions.revokeInvitationAction(B(), id)),
      "change the role of A's member": (id) => act(workspaceActions.changeRoleAction(B(), { userId: id, role: "VIEWER" })),
      "remove A's member": (id) => act(workspaceActions.removeMemberAction(B(), id)),
      "start A's meeting": (id) => act(meetingActions.startMeetingAction(B(), id)),
      "join A's meeting": (id) => act(meetingActions.joinMeetingAction(B(), id)),
      "take notes in A's meeting": (id) => act(meetingActions.saveNotesAction(B(), id, { agendaItemId: F.agendaItemId, notes: "x" })),
      "record a decision in A's meeting": (id) => act(meetingActions.addDecisionAction(B(), id, { text: "x" })),
      "add an action in A's meeting": (id) => act(meetingActions.addActionItemAction(B(), id, { action: "x" })),
      "end A's meeting": (id) => act(meetingActions.endMeetingAction(B(), id)),
    };
    const realIds: Record<string, string> = {
      "restore A's revision": F.revisionId,
      "delete A's assignment": F.assignmentId,
      "edit A's comment": F.commentId,
      "delete A's comment": F.commentId,
      "resolve A's thread": F.threadId,
      "reply in A's thread": F.threadId,
      "open A's meeting": F.liveMeetingId,
      "resend A's invitation": F.invitationId,
      "revoke A's invitation": F.invitationId,
      "change the role of A's member": A.member.userId,
      "remove A's member": A.member.userId,
      "start A's meeting": F.scheduledMeetingId,
      "join A's meeting": F.liveMeetingId,
      "take notes in A's meeting": F.liveMeetingId,
      "record a decision in A's meeting": F.liveMeetingId,
      "add an action in A's meeting": F.liveMeetingId,
      "end A's meeting": F.liveMeetingId,
    };
    signInAs(outsider);
    for (const [what, run] of Object.entries(cases)) {
      const before = await dbFingerprint();
      const real = await run(realIds[what]);
      const madeUp = await run(what.includes("revision") ? "999999999" : ghostId());
      expect(await dbFingerprint(), `${what} changed the database`).toEqual(before);
      expect(real, what).toMatch(/^404 |"code":"not_found"/);
      expect(real, `${what}: A's id answers differently from a made-up one`).toBe(madeUp);
    }
  });

  it("can still use their own workspace (the refusals above are not blanket refusals)", async () => {
    signInAs(outsider);
    const res = await callRoute(getWorkspaceRoute, {
      method: "GET",
      path: `/api/v1/workspaces/${outsiderWorkspace}`,
      params: { id: outsiderWorkspace },
    });
    expect(res.status).toBe(200);
    expect(await workspaceActions.updateWorkspaceAction(outsiderWorkspace, { name: "Elsewhere plan, renamed" })).toEqual({
      ok: true,
      data: { name: "Elsewhere plan, renamed" },
    });
  });
});

// ---------------------------------------------------------------------------

const statusOf = (r: ActionResult<unknown>) => (r.ok ? 200 : new AppError(r.error.code, r.error.message).status);
async function statusOfCall(p: Promise<unknown>) {
  try {
    await p;
    return 200;
  } catch (err) {
    if (err instanceof AppError) return err.status;
    throw err;
  }
}

type Op = {
  permission: Permission;
  what: string;
  /** Changes the workspace (refused while archived) rather than only reading it. */
  writes: boolean;
  run: (ws: string, who: Actor, n: number) => Promise<number>;
};

let opSeq = 0;
const route = <P extends Record<string, string>>(
  handler: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>,
  method: string,
  params: P,
  opts: { body?: unknown; query?: Record<string, string> } = {},
) => callRoute(handler, { method, path: `/api/v1/workspaces/${params.id}`, params, ...opts }).then((r) => r.status);

/** One operation for each permission. */
const OPS: Op[] = [
  { permission: "workspace.read", what: "open the workspace", writes: false, run: (ws) => route(getWorkspaceRoute, "GET", { id: ws }) },
  {
    permission: "workspace.manage",
    what: "rename the workspace",
    writes: true,
    run: async (ws, who) => statusOf(await workspaceActions.updateWorkspaceAction(ws, { name: `Renamed by ${who.name}` })),
  },
  { permission: "members.read", what: "list the team", writes: false, run: (ws, who) => statusOfCall(listMembers(who, ws)) },
  {
    permission: "members.manage",
    what: "invite someone",
    writes: true,
    run: async (ws) => statusOf(await workspaceActions.inviteAction(ws, { email: `invitee-${++opSeq}@example.org`, role: "VIEWER" })),
  },
  { permission: "audit.read", what: "read the audit log", writes: false, run: (ws, who) => statusOfCall(listAuditLog(who, ws)) },
  { permission: "activity.read", what: "read recent activity", writes: false, run: (ws, who) => statusOfCall(activityFeed(who, ws, {})) },
  { permission: "worksheet.read", what: "read the workbook", writes: false, run: (ws) => route(getWorkbookRoute, "GET", { id: ws }) },
  {
    permission: "worksheet.edit",
    what: "save an answer",
    writes: true,
    run: async (ws, who) => {
      const wb = await workbookFor(ws);
      const row = await getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId: wb.id, itemKey: "practice.long" } } });
      return route(putAnswer, "PUT", { id: ws, itemKey: "practice.long" }, { body: { value: `Written by ${who.name}`, baseVersion: row?.version ?? 0 } });
    },
  },
  {
    permission: "worksheet.status",
    what: "mark a worksheet ready for review",
    writes: true,
    run: (ws) => route(patchWorksheet, "PATCH", { id: ws, worksheetKey: "team-roster" }, { body: { status: "READY_FOR_REVIEW" } }),
  },
  {
    permission: "worksheet.review",
    what: "mark a worksheet complete",
    writes: true,
    run: (ws) => route(patchWorksheet, "PATCH", { id: ws, worksheetKey: "practice" }, { body: { status: "COMPLETE" } }),
  },
  {
    permission: "worksheet.assign",
    what: "assign a worksheet",
    writes: true,
    run: (ws) => route(postAssignments, "POST", { id: ws }, { body: { worksheetKey: "team-roster", userIds: [A.member.userId] } }),
  },
  { permission: "comment.read", what: "read comments", writes: false, run: (ws) => route(getComments, "GET", { id: ws }, { query: { worksheetKey: "practice" } }) },
  {
    permission: "comment.write",
    what: "post a comment",
    writes: true,
    run: (ws, who) => route(postComments, "POST", { id: ws }, { body: { worksheetKey: "practice", body: `A note from ${who.name}` } }),
  },
  {
    permission: "calldata.import",
    what: "map a 911 call type",
    writes: true,
    run: (ws) => route(putCallTypes, "PUT", { id: ws }, { body: [{ code: "WELCK", category: "welfare-check", tier: "civilian" }] }),
  },
  { permission: "progress.read", what: "see progress", writes: false, run: (ws) => route(getProgressRoute, "GET", { id: ws }) },
  // No export route yet: the export service's first step is this check.
  { permission: "export.create", what: "export the workbook", writes: false, run: (ws, who) => statusOfCall(authorize(who, ws, "export.create")) },
  { permission: "workbook.upgrade", what: "preview a workbook upgrade", writes: true, run: (ws) => route(getUpgradePreview, "GET", { id: ws }) },
  { permission: "meeting.read", what: "list meetings", writes: false, run: (ws) => route(getSessions, "GET", { id: ws }) },
  {
    permission: "meeting.manage",
    what: "schedule a meeting",
    writes: true,
    run: (ws) => route(postSessions, "POST", { id: ws }, { body: { title: "Planning", startsAt: "2027-02-01T15:00:00Z", agenda: [{ title: "Updates" }] } }),
  },
  {
    permission: "meeting.contribute",
    what: "record a decision in a live meeting",
    writes: true,
    run: async (ws, who) => statusOf(await meetingActions.addDecisionAction(ws, F.liveMeetingId, { text: `Decided by ${who.name}` })),
  },
];

const ok = (status: number) => status >= 200 && status < 300;

describe("role matrix", () => {
  it("has one operation for every permission", () => {
    expect(OPS.map((o) => o.permission).sort()).toEqual((Object.keys(PERMISSIONS) as Permission[]).sort());
  });

  it("each role can do exactly what the permission table allows (403 otherwise)", async () => {
    const outcome: string[] = [];
    const expected: string[] = [];
    // Least privileged first, so a refused attempt can never be masked by an earlier success.
    for (const role of [...ROLES].reverse() as Role[]) {
      for (const op of OPS) {
        const who = A.byRole[role];
        signInAs(who);
        const status = await op.run(A.workspaceId, who, 0);
        outcome.push(`${role} ${op.what}: ${ok(status) ? "allowed" : status}`);
        expected.push(`${role} ${op.what}: ${roleHas(role, op.permission) ? "allowed" : 403}`);
      }
    }
    expect(outcome).toEqual(expected);
  });

  it("an archived workspace refuses every change (403) but still allows reading", async () => {
    signInAs(A.coordinator);
    expect(await workspaceActions.setArchivedAction(A.workspaceId, true)).toEqual({ ok: true, data: undefined });
    const before = await dbFingerprint();
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const role of [...ROLES].reverse() as Role[]) {
      for (const op of OPS) {
        const who = A.byRole[role];
        signInAs(who);
        const status = await op.run(A.workspaceId, who, 1);
        outcome.push(`${role} ${op.what}: ${ok(status) ? "allowed" : status}`);
        expected.push(`${role} ${op.what}: ${roleHas(role, op.permission) && !op.writes ? "allowed" : 403}`);
      }
    }
    expect(outcome).toEqual(expected);
    expect(await dbFingerprint(), "an archived workspace was changed").toEqual(before);

    // Only a coordinator can restore it; then changes are possible again.
    for (const who of [A.viewer, A.member]) {
      signInAs(who);
      expect(await workspaceActions.setArchivedAction(A.workspaceId, false)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    signInAs(A.coordinator);
    expect(await workspaceActions.setArchivedAction(A.workspaceId, false)).toEqual({ ok: true, data: undefined });
    signInAs(A.member);
    expect(await OPS.find((o) => o.permission === "worksheet.edit")!.run(A.workspaceId, A.member, 2)).toBe(200);
  });
});
