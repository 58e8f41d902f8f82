import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { activityFeed } from "@/lib/activity/service";
import { assignWorksheet, listAssignments, myWork, removeAssignment } from "@/lib/assignments/service";
import { deleteComment, editComment, listThreads, openThreadCounts, postComment, setThreadResolved } from "@/lib/comments/service";
import { findMentions, splitMentions } from "@/lib/comments/mentions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { wordDiff } from "@/lib/history/diff";
import { listRevisions, restoreRevision } from "@/lib/history/service";
import { heartbeat } from "@/lib/live/presence";
import { listNotifications, markRead, unreadCount } from "@/lib/notifications/service";
import { saveAnswer } from "@/lib/workbook/service";
import { authorize } from "@/lib/auth/authorize";
import { templateIndex } from "@/lib/workbook/templates";

const index = templateIndex("crisis-response", 1)!;
const label = (itemKey: string) => index.itemByKey.get(itemKey)!.item.label;

/**
 * Comments, mentions and notifications, assignments, history with restore,
 * the activity feed and presence, against a real database.
 */

let seq = 0;
async function user(name: string): Promise<Actor> {
  const email = `collab${++seq}-${Date.now()}@example.org`;
  const u = await getDb().user.create({ data: { email, name } });
  return { userId: u.id, email, name };
}

async function workspace(name: string, members: Array<[Actor, "COORDINATOR" | "MEMBER" | "VIEWER"]>) {
  const db = getDb();
  const ws = await db.workspace.create({ data: { name, jurisdiction: "Lakeview County" } });
  await db.membership.createMany({ data: members.map(([a, role]) => ({ workspaceId: ws.id, userId: a.userId, role })) });
  await db.workbook.create({ data: { workspaceId: ws.id, templateKey: "crisis-response", templateVersion: 1 } });
  return ws.id;
}

async function expectError(p: Promise<unknown>, code: AppError["code"], message?: RegExp) {
  const err = await p.then(
    () => null,
    (e) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
  return err as AppError;
}

let cora: Actor, mo: Actor, mia: Actor, vi: Actor, otto: Actor;
let W: string;
let other: string;

beforeAll(async () => {
  cora = await user("Cora Coordinator");
  mo = await user("Mo Member");
  mia = await user("Mia Member-Lee");
  vi = await user("Vi Viewer");
  otto = await user("Otto Outsider");
  W = await workspace("Lakeview crisis plan", [
    [cora, "COORDINATOR"],
    [mo, "MEMBER"],
    [mia, "MEMBER"],
    [vi, "VIEWER"],
  ]);
  other = await workspace("Otto's plan", [[otto, "COORDINATOR"]]);
});

describe("mentions", () => {
  const team = [
    { id: "a", name: "Sam" },
    { id: "b", name: "Sam Okafor" },
    { id: "c", name: "Dana Reyes" },
  ];
  it("matches full names, longest first, case-insensitively and only after a word break", () => {
    expect(findMentions("@Sam Okafor can you check?", team)).toEqual(["b"]);
    expect(findMentions("@sam and @dana reyes.", team).sort()).toEqual(["a", "c"]);
    expect(findMentions("email me at x@Sam Okafor", team)).toEqual([]);
    expect(findMentions("@Samantha hi", team)).toEqual([]);
  });
  it("splits a body into text and mentions for display", () => {
    const parts = splitMentions("Hi @Dana Reyes, see above", [team[2]]);
    expect(parts.map((p) => [p.text, p.mention?.id ?? null])).toEqual([
      ["Hi ", null],
      ["@Dana Reyes", "c"],
      [", see above", null],
    ]);
  });
});

describe("comments and notifications", () => {
  it("a mention notifies the member mentioned, and a reply notifies the people in the thread", async () => {
    const posted = await postComment(cora, W, {
      worksheetKey: "team-charter",
      itemKey: "charter.purpose",
      body: "  @Mo Member could you draft this? @Otto Outsider is not on the team.  ",
    });
    expect(posted.mentions).toEqual([mo.userId]);
    expect(posted.notified).toEqual([mo.userId]);

    const mine = await listNotifications(mo);
    expect(mine.unread).toBe(1);
    expect(mine.notifications[0]).toMatchObject({
      type: "comment.mention",
      read: false,
      title: `Cora Coordinator mentioned you in a comment on “${label("charter.purpose")}” on Team charter`,
    });
    expect(mine.notifications[0].href).toBe(`/w/${W}/worksheets/team-charter?comments=charter.purpose#comments-charter.purpose`);
    expect(await unreadCount(otto)).toBe(0);
    expect(await unreadCount(cora)).toBe(0);

    // Mo replies; Cora started the thread and hears about it. Mia is mentioned in the reply.
    const reply = await postComment(mo, W, { worksheetKey: "team-charter", threadId: posted.threadId, body: "Yes — @Mia Member-Lee has notes." });
    expect(reply.threadId).toBe(posted.threadId);
    expect((await listNotifications(cora)).notifications.map((n) => n.type)).toEqual(["comment.reply"]);
    expect((await listNotifications(mia)).notifications.map((n) => n.type)).toEqual(["comment.mention"]);

    const { threads, openCount } = await listThreads(vi, W, { worksheetKey: "team-charter" });
    expect(openCount).toBe(1);
    expect(threads[0]).toMatchObject({ itemKey: "charter.purpose", itemLabel: expect.any(String) });
    expect(threads[0].comments.map((c) => c.body)).toEqual([
      "@Mo Member could you draft this? @Otto Outsider is not on the team.",
      "Yes — @Mia Member-Lee has notes.",
    ]);
    expect(threads[0].comments[0].mentions).toEqual([{ id: mo.userId, name: "Mo Member" }]);

    // Every change is announced live.
    const events = await getDb().liveEvent.findMany({ where: { workspaceId: W, type: { in: ["comment.changed", "notification.created"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["notification.created", "comment.changed", "notification.created", "notification.created", "comment.changed"]);
    expect(events[0].payload).toMatchObject({ userIds: [mo.userId] });

    // Mark as read: one, then all; someone else's ids change nothing.
    const coraNote = (await listNotifications(cora)).notifications[0];
    expect(await markRead(mo, { ids: [coraNote.id] })).toMatchObject({ updated: 0, unread: 1 });
    expect(await markRead(cora, { ids: [coraNote.id] })).toMatchObject({ updated: 1, unread: 0 });
    expect(await markRead(mo, { all: true })).toMatchObject({ updated: 1, unread: 0 });
    await expectError(markRead(mo, { ids: [] }), "validation_failed");
    await expectError(markRead(mo, { everything: true }), "validation_failed");
  });

  it("edits, deletes, resolves and reopens, with each rule enforced", async () => {
    const a = await postComment(mo, W, { worksheetKey: "team-charter", body: "Whole-worksheet question." });
    const b = await postComment(mia, W, { worksheetKey: "team-charter", threadId: a.threadId, body: "An answer." });
    expect((await openThreadCounts(await authorize(cora, W, "comment.read"), "team-charter"))[""]).toBe(1);

    // Only the author edits; an edit that adds a mention notifies only the new person.
    await expectError(editComment(cora, W, a.commentId, { body: "Hijacked" }), "forbidden", /your own/);
    const before = await unreadCount(cora);
    const edited = await editComment(mo, W, a.commentId, { body: "Whole-worksheet question for @Cora Coordinator." });
    expect(edited.notified).toEqual([cora.userId]);
    expect(await unreadCount(cora)).toBe(before + 1);
    const again = await editComment(mo, W, a.commentId, { body: "Whole-worksheet question for @Cora Coordinator!" });
    expect(again.notified).toEqual([]);

    // Resolve and reopen (any writer); viewers cannot.
    await expectError(setThreadResolved(vi, W, a.threadId, { resolved: true }), "forbidden");
    expect(await setThreadResolved(cora, W, a.threadId, { resolved: true })).toMatchObject({ changed: true });
    expect((await listThreads(mo, W, { worksheetKey: "team-charter" })).threads.find((t) => t.id === a.threadId)?.resolvedBy?.name).toBe("Cora Coordinator");
    expect(await setThreadResolved(cora, W, a.threadId, { resolved: true })).toMatchObject({ changed: false });
    await expectError(setThreadResolved(cora, W, a.threadId, { resolved: "yes" }), "validation_failed");
    // A reply reopens a resolved thread.
    await postComment(cora, W, { worksheetKey: "team-charter", threadId: a.threadId, body: "Reopening: one more thing." });
    expect((await listThreads(mo, W, { worksheetKey: "team-charter" })).threads.find((t) => t.id === a.threadId)?.resolvedAt).toBeNull();

    // Deleting keeps the thread while others' comments remain; the last one takes the thread.
    await expectError(deleteComment(mo, W, b.commentId), "forbidden");
    expect(await deleteComment(mia, W, b.commentId)).toMatchObject({ threadDeleted: false });
    const t = (await listThreads(mo, W, { worksheetKey: "team-charter" })).threads.find((x) => x.id === a.threadId)!;
    expect(t.comments.map((c) => [c.deleted, c.body])).toEqual([
      [false, "Whole-worksheet question for @Cora Coordinator!"],
      [true, ""],
      [false, "Reopening: one more thing."],
    ]);
    await expectError(deleteComment(mia, W, b.commentId), "not_found");
    const solo = await postComment(mia, W, { worksheetKey: "vision-goals", itemKey: "vision.statement", body: "Solo" });
    expect(await deleteComment(mia, W, solo.commentId)).toMatchObject({ threadDeleted: true });
    expect((await listThreads(mia, W, { worksheetKey: "vision-goals" })).threads).toEqual([]);
  });

  it("rejects bad input with a specific message and writes nothing", async () => {
    const count = () => getDb().comment.count();
    const n = await count();
    await expectError(postComment(mo, W, { worksheetKey: "team-charter", body: "x".repeat(5001) }), "validation_failed", /at most 5,000/);
    await expectError(postComment(mo, W, { worksheetKey: "team-charter", body: "   " }), "validation_failed", /Write something/);
    await expectError(postComment(mo, W, { worksheetKey: "team-charter", body: "hi", colour: "red" }), "validation_failed", /Unknown field/);
    await expectError(postComment(mo, W, { worksheetKey: "no-such-sheet", body: "hi" }), "not_found");
    await expectError(postComment(mo, W, { worksheetKey: "team-charter", itemKey: "vision.statement", body: "hi" }), "validation_failed", /not a question on this worksheet/);
    await expectError(postComment(mo, W, { worksheetKey: "team-charter", itemKey: "welcome.how-to-use", body: "hi" }), "validation_failed");
    await expectError(postComment(mo, W, { worksheetKey: "team-charter", threadId: "nope", body: "hi" }), "not_found");
    await expectError(postComment(vi, W, { worksheetKey: "team-charter", body: "hi" }), "forbidden");
    await expectError(postComment(otto, W, { worksheetKey: "team-charter", body: "hi" }), "not_found");
    await expectError(listThreads(otto, W, { worksheetKey: "team-charter" }), "not_found");
    // A thread of another workspace is not found from this one.
    const theirs = await postComment(otto, other, { worksheetKey: "team-charter", body: "Mine" });
    await expectError(postComment(mo, W, { worksheetKey: "team-charter", threadId: theirs.threadId, body: "hi" }), "not_found");
    await expectError(editComment(mo, W, theirs.commentId, { body: "hi" }), "not_found");
    expect(await count()).toBe(n + 1);
  });
});

describe("history and restore", () => {
  it("restore brings back an earlier value; history shows the change and the restore", async () => {
    await saveAnswer(cora, W, "charter.ground-rules", { value: "Start on time and listen to each other", baseVersion: 0 });
    await saveAnswer(mo, W, "charter.ground-rules", { value: "Start on time", baseVersion: 1 });
    const h1 = await listRevisions(vi, W, "charter.ground-rules");
    expect(h1.currentVersion).toBe(2);
    expect(h1.canRestore).toBe(false);
    expect(h1.revisions.map((r) => [r.version, r.actor?.name, r.value])).toEqual([
      [2, "Mo Member", "Start on time"],
      [1, "Cora Coordinator", "Start on time and listen to each other"],
    ]);
    const first = h1.revisions[1];

    // A stale base version is a conflict, like any save, and writes nothing.
    const conflict = await expectError(restoreRevision(mia, W, "charter.ground-rules", { revisionId: first.id, baseVersion: 1 }), "conflict");
    expect(conflict.extra?.current).toMatchObject({ version: 2, value: "Start on time" });
    await expectError(restoreRevision(vi, W, "charter.ground-rules", { revisionId: first.id, baseVersion: 2 }), "forbidden");
    await expectError(restoreRevision(mia, W, "charter.ground-rules", { revisionId: "abc", baseVersion: 2 }), "validation_failed");
    await expectError(restoreRevision(mia, W, "charter.ground-rules", { revisionId: first.id }), "validation_failed", /baseVersion/);
    await expectError(restoreRevision(mia, W, "charter.purpose", { revisionId: first.id, baseVersion: 0 }), "not_found");
    await expectError(restoreRevision(otto, W, "charter.ground-rules", { revisionId: first.id, baseVersion: 2 }), "not_found");

    const restored = await restoreRevision(mia, W, "charter.ground-rules", { revisionId: first.id, baseVersion: 2 });
    expect(restored).toMatchObject({ version: 3, value: "Start on time and listen to each other", restoredFrom: { id: first.id, version: 1 } });
    const answer = await getDb().answer.findFirst({ where: { itemKey: "charter.ground-rules", workbook: { workspaceId: W } } });
    expect(answer).toMatchObject({ value: "Start on time and listen to each other", version: 3, updatedById: mia.userId });

    const h2 = await listRevisions(mo, W, "charter.ground-rules");
    expect(h2.revisions.map((r) => [r.version, r.actor?.name, r.restoredFrom?.version ?? null])).toEqual([
      [3, "Mia Member-Lee", 1],
      [2, "Mo Member", null],
      [1, "Cora Coordinator", null],
    ]);
    expect(h2.revisions[0].previous).toBe("Start on time");
    const audits = await getDb().auditLog.findMany({ where: { workspaceId: W, action: "answer.restored" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: mia.userId, targetId: "charter.ground-rules", data: { revisionId: first.id, restoredVersion: 1, version: 3 } });

    // The feed shows the change and the restore, newest first.
    const feed = await activityFeed(cora, W, { section: "getting-started" });
    const lines = feed.entries.filter((e) => e.item?.key === "charter.ground-rules").map((e) => `${e.actor?.name} ${e.text}`);
    const gr = label("charter.ground-rules");
    expect(lines).toEqual([
      `Mia Member-Lee restored an earlier answer to “${gr}”`,
      `Mo Member changed “${gr}”`,
      `Cora Coordinator answered “${gr}”`,
    ]);
  });

  it("pages revisions and validates the query", async () => {
    const page = await listRevisions(mo, W, "charter.ground-rules", { limit: "2" });
    expect(page.revisions).toHaveLength(2);
    expect(page.nextBefore).toBe(page.revisions[1].id);
    const rest = await listRevisions(mo, W, "charter.ground-rules", { limit: "2", before: page.nextBefore });
    expect(rest.revisions.map((r) => r.version)).toEqual([1]);
    await expectError(listRevisions(mo, W, "charter.ground-rules", { limit: "1000" }), "bad_request");
    await expectError(listRevisions(mo, W, "no.such-item"), "not_found");
  });

  it("diffs text word by word", () => {
    expect(wordDiff("Start on time", "Start on time and listen")).toEqual([
      { op: "same", text: "Start on time" },
      { op: "added", text: " and listen" },
    ]);
    expect(wordDiff("a quick fox", "a slow fox")).toEqual([
      { op: "same", text: "a " },
      { op: "removed", text: "quick" },
      { op: "added", text: "slow" },
      { op: "same", text: " fox" },
    ]);
    const parts = wordDiff("one two three four", "zero one three four five");
    expect(parts.filter((p) => p.op !== "added").map((p) => p.text).join("")).toBe("one two three four");
    expect(parts.filter((p) => p.op !== "removed").map((p) => p.text).join("")).toBe("zero one three four five");
  });
});

describe("assignments and my work", () => {
  it("a coordinator assigns; the assignee is notified and sees it in My work", async () => {
    await expectError(assignWorksheet(mo, W, { worksheetKey: "funding", userIds: [mia.userId] }), "forbidden");
    await expectError(assignWorksheet(cora, W, { worksheetKey: "funding", userIds: [vi.userId] }), "validation_failed", /viewer/);
    await expectError(assignWorksheet(cora, W, { worksheetKey: "funding", userIds: [otto.userId] }), "validation_failed", /members/);
    await expectError(assignWorksheet(cora, W, { worksheetKey: "funding", userIds: [mo.userId], dueDate: "2026-02-30" }), "validation_failed", /real date/);
    await expectError(assignWorksheet(cora, W, { worksheetKey: "funding", userIds: [] }), "validation_failed", /at least one/);
    await expectError(assignWorksheet(cora, W, { worksheetKey: "nope", userIds: [mo.userId] }), "not_found");
    expect(await getDb().assignment.count()).toBe(0);

    const res = await assignWorksheet(cora, W, { worksheetKey: "funding", userIds: [mo.userId, mia.userId], dueDate: "2020-01-15" });
    expect(res.created.sort()).toEqual([mo.userId, mia.userId].sort());
    await assignWorksheet(cora, W, { worksheetKey: "risks", userIds: [mo.userId], dueDate: null });
    await assignWorksheet(cora, W, { worksheetKey: "metrics", userIds: [mo.userId], dueDate: "2099-06-01" });
    const note = (await listNotifications(mo, { unread: "1" })).notifications.find((n) => n.type === "assignment.created");
    expect(note?.title).toMatch(/^Cora Coordinator assigned you the worksheet /);

    const work = await myWork(mo);
    expect(work.map((w) => [w.worksheet.key, w.dueDate, w.overdue])).toEqual([
      ["funding", "2020-01-15", true],
      ["metrics", "2099-06-01", false],
      ["risks", null, false],
    ]);
    expect(work[0].workspace.name).toBe("Lakeview crisis plan");
    expect(await myWork(otto)).toEqual([]);

    // Assigning again changes the due date; nobody is notified twice.
    const again = await assignWorksheet(cora, W, { worksheetKey: "funding", userIds: [mo.userId], dueDate: "2099-01-01" });
    expect(again).toMatchObject({ created: [], updated: [mo.userId], notified: [] });
    const list = await listAssignments(vi, W, { worksheetKey: "funding" });
    expect(list.canAssign).toBe(false);
    expect(list.assignments.map((a) => [a.user.name, a.dueDate])).toEqual([
      ["Mia Member-Lee", "2020-01-15"],
      ["Mo Member", "2099-01-01"],
    ]);
    await expectError(removeAssignment(mo, W, list.assignments[0].id), "forbidden");
    await removeAssignment(cora, W, list.assignments[0].id);
    await expectError(removeAssignment(cora, W, list.assignments[0].id), "not_found");
    expect((await myWork(mia)).map((w) => w.worksheet.key)).toEqual([]);
    const actions = (await getDb().auditLog.findMany({ where: { workspaceId: W, action: { startsWith: "assignment." } }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["assignment.created", "assignment.created", "assignment.created", "assignment.created", "assignment.updated", "assignment.removed"]);

    const feed = await activityFeed(mo, W, { person: cora.userId, section: "capacity-resources" });
    expect(feed.entries.map((e) => e.text)).toEqual([
      "removed Mia Member-Lee from the worksheet",
      "changed Mo Member's due date",
      "assigned the worksheet to Mia Member-Lee",
      "assigned the worksheet to Mo Member",
    ]);
    expect(feed.entries.every((e) => e.actor?.id === cora.userId)).toBe(true);
  });
});

describe("activity feed", () => {
  it("filters by person and section and validates its query", async () => {
    const open = (await listThreads(cora, W, { worksheetKey: "team-charter", itemKey: "charter.purpose" })).threads[0];
    await setThreadResolved(mo, W, open.id, { resolved: true });
    const byMo = await activityFeed(vi, W, { person: mo.userId });
    expect(byMo.entries.length).toBeGreaterThan(0);
    expect(byMo.entries.every((e) => e.actor?.id === mo.userId)).toBe(true);
    expect(byMo.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["comment", "answer"]));
    const charter = await activityFeed(vi, W, { section: "getting-started" });
    expect(charter.entries.every((e) => e.worksheet.sectionKey === "getting-started")).toBe(true);
    expect(charter.canSeeAuditLog).toBe(false);
    const kinds = new Set((await activityFeed(cora, W)).entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["answer", "assignment", "comment", "resolved", "restore", "status"].sort());
    await expectError(activityFeed(vi, W, { before: "yesterday" }), "bad_request");
    await expectError(activityFeed(otto, W), "not_found");
  });
});

describe("presence", () => {
  it("lists who is on a worksheet and which item they edit", async () => {
    const a = await heartbeat(cora, W, { clientId: "tab-cora-1", worksheetKey: "team-charter", itemKey: "charter.purpose" });
    expect(a.people.map((p) => [p.name, p.itemKey])).toEqual([["Cora Coordinator", "charter.purpose"]]);
    const b = await heartbeat(mo, W, { clientId: "tab-mo-1", worksheetKey: "team-charter", itemKey: null });
    expect(b.people.map((p) => p.name)).toEqual(["Cora Coordinator", "Mo Member"]);
    // A heartbeat that changes nothing announces nothing.
    const events = () => getDb().liveEvent.count({ where: { workspaceId: W, type: "presence.changed" } });
    const n = await events();
    await heartbeat(mo, W, { clientId: "tab-mo-1", worksheetKey: "team-charter", itemKey: null });
    expect(await events()).toBe(n);
    await heartbeat(mo, W, { clientId: "tab-mo-1", worksheetKey: "team-charter", itemKey: "charter.ground-rules" });
    expect(await events()).toBe(n + 1);
    const last = await getDb().liveEvent.findFirst({ where: { workspaceId: W, type: "presence.changed" }, orderBy: { id: "desc" } });
    expect(last?.payload).toMatchObject({ worksheetKey: "team-charter", people: [{ name: "Cora Coordinator" }, { name: "Mo Member", itemKey: "charter.ground-rules" }] });

    // Someone else's tab id is refused; bad input is specific.
    await expectError(heartbeat(mia, W, { clientId: "tab-mo-1", worksheetKey: "team-charter" }), "conflict");
    await expectError(heartbeat(mo, W, { clientId: "x", worksheetKey: "team-charter" }), "validation_failed", /clientId/);
    await expectError(heartbeat(mo, W, { clientId: "tab-mo-1", worksheetKey: "team-charter", itemKey: "vision.statement" }), "validation_failed");
    await expectError(heartbeat(otto, W, { clientId: "tab-otto-1", worksheetKey: "team-charter" }), "not_found");

    // Leaving removes the tab at once; a tab without heartbeats expires.
    await heartbeat(mo, W, { clientId: "tab-mo-1", leave: true });
    await getDb().presence.update({ where: { id: "tab-cora-1" }, data: { lastSeenAt: new Date(Date.now() - 60_000) } });
    const c = await heartbeat(vi, W, { clientId: "tab-vi-1", worksheetKey: "team-charter" });
    expect(c.people.map((p) => p.name)).toEqual(["Vi Viewer"]);
    expect(await getDb().presence.findUnique({ where: { id: "tab-cora-1" } })).toBeNull();
  });
});
