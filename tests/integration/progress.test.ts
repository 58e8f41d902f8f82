import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { getProgress, progressCsv } from "@/lib/progress/service";
import { isAnswerable } from "@/lib/workbook/template-schema";
import { templateIndex } from "@/lib/workbook/templates";
import { GET as getProgressRoute } from "@/app/api/v1/workspaces/[id]/progress/route";
import { GET as getCsvRoute } from "@/app/api/v1/workspaces/[id]/progress.csv/route";

// The route handlers learn the signed-in person from the session; here, from this variable.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

/**
 * The progress service against a real database: a known set of answers,
 * revisions, statuses, assignments and comments, and the figures worked out
 * by hand. "Now" is fixed at 2026-04-10 15:00 UTC; the period is 7 days, so
 * it runs from 2026-04-04 00:00 to 2026-04-11 00:00 UTC.
 */

const NOW = new Date("2026-04-10T15:00:00Z");
const at = (iso: string) => new Date(iso);
const index = templateIndex("crisis-response", 1)!;

/** Required answerable items of a worksheet, counted straight from the template. */
const requiredIn = (worksheetKey: string) =>
  index.worksheetByKey.get(worksheetKey)!.items.filter((i) => isAnswerable(i) && i.required).length;
const requiredInSection = (sectionKey: string) =>
  index.sections.find((s) => s.key === sectionKey)!.worksheets.reduce((n, w) => n + requiredIn(w.key), 0);
const requiredTotal = index.worksheets.reduce((n, w) => n + requiredIn(w.key), 0);
/** The template has about thirty worksheets; the figures below do not depend on the exact number. */
const WORKSHEETS = index.worksheets.length;

let seq = 0;
async function user(name: string): Promise<Actor> {
  const email = `user${++seq}-${Date.now()}@example.org`;
  const u = await getDb().user.create({ data: { email, name } });
  return { userId: u.id, email, name };
}

type Ctx = {
  workspaceId: string;
  workbookId: string;
  cora: Actor;
  mo: Actor;
  vi: Actor;
  fay: Actor;
  otto: Actor;
};

const actionRow = (ownerId: string) => ({
  id: "row-1",
  cells: { objective: "Launch", action: "Hire two clinicians", owner: ownerId, due: "2026-05-01", status: "in_progress" },
});
const callSeries = { rows: [{ id: "m1", label: "January", values: { "mental-health": 41, suicide: null } }] };

async function seed(): Promise<Ctx> {
  const db = getDb();
  const [cora, mo, vi, fay, otto] = [
    await user("Cora Coordinator"),
    await user("Mo Member"),
    await user("Vi Viewer"),
    await user('Fay "Fi" Former, Jr.'),
    await user("Otto Outsider"),
  ];
  const ws = await db.workspace.create({ data: { name: "Lakeview County – Crisis Plan", jurisdiction: "Lakeview County" } });
  await db.membership.createMany({
    data: [
      { workspaceId: ws.id, userId: cora.userId, role: "COORDINATOR" },
      { workspaceId: ws.id, userId: mo.userId, role: "MEMBER" },
      { workspaceId: ws.id, userId: vi.userId, role: "VIEWER" },
    ],
  });
  const wb = await db.workbook.create({
    data: { workspaceId: ws.id, templateKey: "crisis-response", templateVersion: 1, createdAt: at("2026-04-01T09:00:00Z") },
  });
  const workbookId = wb.id;

  // Current answers. Required ones answered: welcome.community-name, charter.purpose,
  // profile.population, calls.by-type, rating.contact, implementation.action-plan,
  // implementation.launch-date = 7.
  const answers: Array<{ w: string; i: string; v: unknown; at: string; by: string | null }> = [
    { w: "welcome", i: "welcome.community-name", v: "Lakeview", at: "2026-04-01T10:00:00Z", by: mo.userId },
    { w: "welcome", i: "welcome.kickoff-date", v: "2026-04-03", at: "2026-04-05T08:00:00Z", by: null }, // optional
    { w: "team-charter", i: "charter.purpose", v: "To plan together", at: "2026-04-02T10:00:00Z", by: mo.userId },
    { w: "team-charter", i: "charter.decision-making", v: { choice: "other", other: "  " }, at: "2026-04-03T23:59:59.999Z", by: mo.userId }, // blank "other"
    { w: "vision-goals", i: "vision.statement", v: "   ", at: "2026-04-08T09:00:00Z", by: mo.userId }, // blank
    { w: "community-profile", i: "profile.population", v: 52000, at: "2026-04-04T00:00:00Z", by: mo.userId },
    { w: "crisis-call-data", i: "calls.by-type", v: callSeries, at: "2026-04-05T10:00:00Z", by: mo.userId },
    { w: "system-self-rating", i: "rating.contact", v: 3, at: "2026-04-06T10:00:00Z", by: cora.userId },
    { w: "system-self-rating", i: "rating.respond", v: 6, at: "2026-04-07T10:00:00Z", by: mo.userId }, // invalid: 1–5
    { w: "implementation-action-plan", i: "implementation.action-plan", v: { rows: [actionRow(mo.userId)] }, at: "2026-04-09T10:00:00Z", by: fay.userId },
    { w: "implementation-action-plan", i: "implementation.launch-date", v: "2026-06-01", at: "2026-04-09T10:05:00Z", by: fay.userId },
    { w: "resource-library", i: "resources.local", v: { links: [{ id: "l1", title: "County plan", url: "https://example.org/plan" }] }, at: "2026-04-06T11:00:00Z", by: cora.userId },
    { w: "retired-sheet", i: "retired.item", v: "left over", at: "2026-04-09T12:00:00Z", by: mo.userId }, // not in the template
  ];
  await db.answer.createMany({
    data: answers.map((a) => ({
      workbookId,
      worksheetKey: a.w,
      itemKey: a.i,
      value: a.v as never,
      version: 1,
      updatedById: a.by,
      updatedAt: at(a.at),
    })),
  });

  // Revisions, consistent with the answers above (old value → new value).
  const revisions: Array<{ w: string; i: string; old: unknown; new: unknown; at: string; by: string | null }> = [
    { w: "welcome", i: "welcome.community-name", old: null, new: "Lakeview", at: "2026-04-01T10:00:00Z", by: mo.userId },
    { w: "team-charter", i: "charter.purpose", old: null, new: "To plan together", at: "2026-04-02T10:00:00Z", by: mo.userId },
    { w: "team-charter", i: "charter.decision-making", old: null, new: { choice: "other", other: "  " }, at: "2026-04-03T23:59:59.999Z", by: mo.userId },
    { w: "community-profile", i: "profile.population", old: null, new: 52000, at: "2026-04-04T00:00:00Z", by: mo.userId },
    { w: "welcome", i: "welcome.kickoff-date", old: null, new: "2026-04-02", at: "2026-04-04T12:00:00Z", by: mo.userId },
    { w: "crisis-call-data", i: "calls.by-type", old: null, new: callSeries, at: "2026-04-05T10:00:00Z", by: mo.userId },
    { w: "vision-goals", i: "vision.statement", old: null, new: "A county where help comes fast", at: "2026-04-05T11:00:00Z", by: mo.userId },
    { w: "welcome", i: "welcome.kickoff-date", old: "2026-04-02", new: "2026-04-03", at: "2026-04-05T08:00:00Z", by: null },
    { w: "system-self-rating", i: "rating.contact", old: null, new: 3, at: "2026-04-06T10:00:00Z", by: cora.userId },
    { w: "system-self-rating", i: "rating.respond", old: null, new: 4, at: "2026-04-06T10:30:00Z", by: cora.userId },
    { w: "resource-library", i: "resources.local", old: null, new: answers[11].v, at: "2026-04-06T11:00:00Z", by: cora.userId },
    { w: "system-self-rating", i: "rating.respond", old: 4, new: 6, at: "2026-04-07T10:00:00Z", by: mo.userId }, // un-answers (invalid)
    { w: "vision-goals", i: "vision.statement", old: "A county where help comes fast", new: "   ", at: "2026-04-08T09:00:00Z", by: mo.userId }, // un-answers
    { w: "implementation-action-plan", i: "implementation.action-plan", old: null, new: { rows: [actionRow(mo.userId)] }, at: "2026-04-09T10:00:00Z", by: fay.userId },
    { w: "implementation-action-plan", i: "implementation.launch-date", old: null, new: "2026-06-01", at: "2026-04-09T10:05:00Z", by: fay.userId },
    { w: "retired-sheet", i: "retired.item", old: null, new: "left over", at: "2026-04-09T12:00:00Z", by: mo.userId },
  ];
  await db.answerRevision.createMany({
    data: revisions.map((r, n) => ({
      workbookId,
      worksheetKey: r.w,
      itemKey: r.i,
      version: n + 1,
      ...(r.old === null ? {} : { oldValue: r.old as never }),
      newValue: r.new as never,
      actorId: r.by,
      createdAt: at(r.at),
    })),
  });

  await db.worksheetState.createMany({
    data: [
      { workbookId, worksheetKey: "welcome", status: "COMPLETE", updatedById: cora.userId, updatedAt: at("2026-04-03T09:00:00Z") },
      { workbookId, worksheetKey: "team-charter", status: "READY_FOR_REVIEW", updatedById: mo.userId, updatedAt: at("2026-04-08T11:00:00Z") },
      { workbookId, worksheetKey: "implementation-action-plan", status: "COMPLETE", updatedById: fay.userId, updatedAt: at("2026-04-09T16:00:00Z") },
      { workbookId, worksheetKey: "crisis-call-data", status: "IN_PROGRESS", updatedById: mo.userId, updatedAt: at("2026-04-05T10:00:00Z") },
      { workbookId, worksheetKey: "community-profile", status: "IN_PROGRESS", updatedById: mo.userId, updatedAt: at("2026-04-04T00:00:00Z") },
      { workbookId, worksheetKey: "system-self-rating", status: "IN_PROGRESS", updatedById: cora.userId, updatedAt: at("2026-04-06T10:00:00Z") },
      { workbookId, worksheetKey: "retired-sheet", status: "COMPLETE", updatedById: mo.userId, updatedAt: at("2026-04-09T12:00:00Z") },
    ],
  });
  const change = (worksheetKey: string, fromStatus: string, toStatus: string, iso: string, actorId: string | null) => ({
    workbookId,
    worksheetKey,
    fromStatus: fromStatus as never,
    toStatus: toStatus as never,
    actorId,
    createdAt: at(iso),
  });
  await db.worksheetStatusChange.createMany({
    data: [
      change("welcome", "NOT_STARTED", "IN_PROGRESS", "2026-04-01T10:00:00Z", mo.userId),
      change("welcome", "IN_PROGRESS", "READY_FOR_REVIEW", "2026-04-02T12:00:00Z", mo.userId),
      change("welcome", "READY_FOR_REVIEW", "COMPLETE", "2026-04-03T09:00:00Z", cora.userId), // before the period
      change("team-charter", "NOT_STARTED", "IN_PROGRESS", "2026-04-02T10:00:00Z", mo.userId),
      change("team-charter", "IN_PROGRESS", "COMPLETE", "2026-04-05T14:00:00Z", cora.userId),
      change("team-charter", "COMPLETE", "IN_PROGRESS", "2026-04-06T10:00:00Z", cora.userId), // reopened
      change("team-charter", "IN_PROGRESS", "READY_FOR_REVIEW", "2026-04-08T11:00:00Z", mo.userId),
      change("community-profile", "NOT_STARTED", "IN_PROGRESS", "2026-04-04T00:00:00Z", mo.userId),
      change("implementation-action-plan", "NOT_STARTED", "IN_PROGRESS", "2026-04-04T09:00:00Z", mo.userId),
      change("crisis-call-data", "NOT_STARTED", "IN_PROGRESS", "2026-04-05T10:00:00Z", mo.userId),
      change("system-self-rating", "NOT_STARTED", "IN_PROGRESS", "2026-04-06T10:00:00Z", cora.userId),
      change("implementation-action-plan", "IN_PROGRESS", "COMPLETE", "2026-04-09T16:00:00Z", fay.userId),
      change("retired-sheet", "IN_PROGRESS", "COMPLETE", "2026-04-09T12:00:00Z", mo.userId), // not in the template
    ],
  });

  await db.assignment.createMany({
    data: [
      { workbookId, worksheetKey: "welcome", userId: mo.userId, dueDate: at("2026-04-05T00:00:00Z") }, // complete: not overdue
      { workbookId, worksheetKey: "team-charter", userId: mo.userId, dueDate: at("2026-04-09T00:00:00Z") }, // 1 day overdue
      { workbookId, worksheetKey: "team-charter", userId: cora.userId, dueDate: at("2026-04-12T00:00:00Z") },
      { workbookId, worksheetKey: "vision-goals", userId: fay.userId, dueDate: at("2026-04-01T00:00:00Z") }, // 9 days overdue
      { workbookId, worksheetKey: "community-profile", userId: mo.userId, dueDate: at("2026-04-10T00:00:00Z") }, // due today
      { workbookId, worksheetKey: "crisis-call-data", userId: cora.userId, dueDate: null },
    ],
  });

  // Comment threads: stale means opened before 2026-04-03 15:00 (7 days before now).
  const thread = async (worksheetKey: string, createdAt: string, resolved = false) =>
    db.commentThread.create({
      data: {
        workbookId,
        worksheetKey,
        createdById: mo.userId,
        createdAt: at(createdAt),
        ...(resolved ? { resolvedAt: at("2026-04-09T00:00:00Z"), resolvedById: cora.userId } : {}),
      },
    });
  const t1 = await thread("welcome", "2026-04-01T08:00:00Z"); // open, stale
  const t2 = await thread("welcome", "2026-04-09T08:00:00Z"); // open
  await thread("welcome", "2026-03-31T08:00:00Z", true); // resolved
  await thread("team-charter", "2026-04-03T14:59:00Z"); // open, just stale
  await thread("team-charter", "2026-04-03T15:00:00Z"); // open, exactly 7 days: not stale
  await thread("vision-goals", "2026-04-02T08:00:00Z", true); // resolved
  await thread("crisis-call-data", "2026-04-08T08:00:00Z"); // open

  await db.comment.createMany({
    data: [
      { threadId: t1.id, authorId: mo.userId, body: "Before the period", createdAt: at("2026-04-03T23:59:59.999Z") },
      { threadId: t1.id, authorId: mo.userId, body: "First instant of the period", createdAt: at("2026-04-04T00:00:00Z") },
      { threadId: t2.id, authorId: mo.userId, body: "In the period", createdAt: at("2026-04-09T08:00:00Z") },
      { threadId: t2.id, authorId: mo.userId, body: "Deleted", createdAt: at("2026-04-09T09:00:00Z"), deletedAt: at("2026-04-09T09:05:00Z") },
      { threadId: t2.id, authorId: cora.userId, body: "Reply", createdAt: at("2026-04-10T14:00:00Z") },
      { threadId: t1.id, authorId: fay.userId, body: "From a former member", createdAt: at("2026-04-05T12:00:00Z") },
    ],
  });

  return { workspaceId: ws.id, workbookId, cora, mo, vi, fay, otto };
}

let ctx: Ctx;
beforeAll(async () => {
  ctx = await seed();
});

describe("getProgress", () => {
  it("works out completion from the answers exactly", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    expect(p.worksheets).toHaveLength(WORKSHEETS);
    expect(WORKSHEETS).toBeGreaterThanOrEqual(30);
    expect(p.totals).toEqual({ worksheets: WORKSHEETS, requiredItems: requiredTotal, answeredRequiredItems: 7 });
    expect(p.overall).toBe(7 / requiredTotal);

    const section = Object.fromEntries(p.sections.map((s) => [s.key, s.completion]));
    expect(section).toEqual({
      "getting-started": 2 / requiredInSection("getting-started"), // community name, charter purpose
      "understanding-need": 2 / requiredInSection("understanding-need"), // population, call data
      "mapping-system": 1 / requiredInSection("mapping-system"), // one rating
      "response-model": 0,
      "capacity-resources": 0,
      implementation: 2 / requiredInSection("implementation"), // action plan, launch date
      "measuring-performance": 0,
    });

    const ws = Object.fromEntries(p.worksheets.map((w) => [w.key, w]));
    expect(ws["welcome"].completion).toBe(1);
    expect(ws["team-charter"]).toMatchObject({ completion: 1 / 2, requiredItems: 2, answeredRequiredItems: 1 }); // blank "other"
    expect(ws["vision-goals"].completion).toBe(0); // blank statement
    expect(ws["community-profile"].completion).toBe(1 / 2);
    expect(ws["crisis-call-data"].completion).toBe(1);
    expect(ws["system-self-rating"].completion).toBe(1 / 3); // 6 is out of range
    expect(ws["implementation-action-plan"].completion).toBe(1);
    expect(ws["resource-library"]).toMatchObject({ completion: 1, requiredItems: 0 }); // no required items, one answered
    expect(ws["risks"].completion).toBe(0);
  });

  it("counts statuses, with missing states as not started and unknown worksheets left out", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    expect(p.statusCounts).toEqual({ NOT_STARTED: WORKSHEETS - 6, IN_PROGRESS: 3, READY_FOR_REVIEW: 1, COMPLETE: 2 });
    const ws = Object.fromEntries(p.worksheets.map((w) => [w.key, w]));
    expect(ws["vision-goals"].status).toBe("NOT_STARTED");
    expect(ws["team-charter"].status).toBe("READY_FOR_REVIEW");
  });

  it("lists assignees, due dates, overdue flags, last changes and open comments per worksheet", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    const ws = Object.fromEntries(p.worksheets.map((w) => [w.key, w]));
    const { cora, mo, fay } = ctx;
    expect(ws["team-charter"]).toMatchObject({
      title: "Team charter",
      sectionKey: "getting-started",
      sectionTitle: "Getting started",
      assignees: [
        { id: cora.userId, name: "Cora Coordinator" },
        { id: mo.userId, name: "Mo Member" },
      ],
      dueDate: "2026-04-09",
      overdue: true,
      lastChangedAt: "2026-04-08T11:00:00.000Z",
      lastChangedBy: { id: mo.userId, name: "Mo Member" },
      openComments: 2,
    });
    expect(ws["welcome"]).toMatchObject({
      dueDate: "2026-04-05",
      overdue: false, // complete
      lastChangedAt: "2026-04-05T08:00:00.000Z", // the optional date, changed without a known person
      lastChangedBy: null,
      openComments: 2,
    });
    expect(ws["vision-goals"]).toMatchObject({
      assignees: [{ id: fay.userId, name: 'Fay "Fi" Former, Jr.' }], // no longer a member: named from the user row
      dueDate: "2026-04-01",
      overdue: true,
      openComments: 0,
    });
    expect(ws["community-profile"]).toMatchObject({ dueDate: "2026-04-10", overdue: false }); // due today
    expect(ws["crisis-call-data"]).toMatchObject({ dueDate: null, overdue: false, openComments: 1 });
    expect(ws["implementation-action-plan"]).toMatchObject({
      lastChangedAt: "2026-04-09T16:00:00.000Z",
      lastChangedBy: { id: fay.userId, name: 'Fay "Fi" Former, Jr.' },
    });
    expect(ws["risks"]).toMatchObject({ assignees: [], dueDate: null, overdue: false, lastChangedAt: null, lastChangedBy: null, openComments: 0 });
  });

  it("lists what needs attention: overdue assignments, worksheets ready for review, old open threads", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    expect(p.staleThreadDays).toBe(7);
    expect(p.needsAttention).toEqual([
      {
        kind: "overdue",
        worksheetKey: "vision-goals",
        worksheetTitle: "Vision and goals",
        assignee: { id: ctx.fay.userId, name: 'Fay "Fi" Former, Jr.' },
        dueDate: "2026-04-01",
        daysOverdue: 9,
      },
      {
        kind: "overdue",
        worksheetKey: "team-charter",
        worksheetTitle: "Team charter",
        assignee: { id: ctx.mo.userId, name: "Mo Member" },
        dueDate: "2026-04-09",
        daysOverdue: 1,
      },
      { kind: "ready_for_review", worksheetKey: "team-charter", worksheetTitle: "Team charter", since: "2026-04-08T11:00:00.000Z" },
      {
        kind: "stale_comments",
        worksheetKey: "welcome",
        worksheetTitle: "About this workbook and our community",
        threads: 1,
        oldest: "2026-04-01T08:00:00.000Z",
      },
      { kind: "stale_comments", worksheetKey: "team-charter", worksheetTitle: "Team charter", threads: 1, oldest: "2026-04-03T14:59:00.000Z" },
    ]);
    const longer = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7, staleThreadDays: 8 });
    expect(longer.needsAttention.filter((a) => a.kind === "stale_comments").map((a) => a.worksheetKey)).toEqual(["welcome"]);
  });

  it("replays the status log into completed worksheets per day", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    expect(p.completedByDay).toEqual([
      { date: "2026-04-01", completed: 0 },
      { date: "2026-04-02", completed: 0 },
      { date: "2026-04-03", completed: 1 }, // welcome
      { date: "2026-04-04", completed: 1 },
      { date: "2026-04-05", completed: 2 }, // team charter
      { date: "2026-04-06", completed: 1 }, // team charter reopened
      { date: "2026-04-07", completed: 1 },
      { date: "2026-04-08", completed: 1 },
      { date: "2026-04-09", completed: 2 }, // action plan (the retired sheet does not count)
      { date: "2026-04-10", completed: 2 },
    ]);
  });

  it("replays answer revisions into answered required items per day of the period", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    expect(p.period).toEqual({ days: 7, firstDay: "2026-04-04", lastDay: "2026-04-10" });
    expect(p.answeredByDay).toEqual([
      { date: "2026-04-04", answered: 3 }, // community name + purpose from before, population
      { date: "2026-04-05", answered: 5 }, // call data, vision statement
      { date: "2026-04-06", answered: 7 }, // two ratings
      { date: "2026-04-07", answered: 6 }, // a rating made invalid
      { date: "2026-04-08", answered: 5 }, // vision statement blanked
      { date: "2026-04-09", answered: 7 }, // action plan, launch date
      { date: "2026-04-10", answered: 7 },
    ]);
    expect(p.answeredByDay.at(-1)!.answered).toBe(p.totals.answeredRequiredItems);
  });

  it("counts contributions in [from, to) for coordinators, including former members who took part", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    expect(p.contributions).toEqual([
      { userId: ctx.cora.userId, name: "Cora Coordinator", answersChanged: 3, comments: 1, worksheetsCompleted: 1 },
      { userId: ctx.fay.userId, name: 'Fay "Fi" Former, Jr.', answersChanged: 2, comments: 1, worksheetsCompleted: 1 },
      { userId: ctx.mo.userId, name: "Mo Member", answersChanged: 6, comments: 2, worksheetsCompleted: 0 }, // the retired item does not count
    ]);
    // A longer period reaches back to the first days.
    const month = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 30 });
    expect(month.contributions!.find((c) => c.userId === ctx.mo.userId)).toEqual({
      userId: ctx.mo.userId,
      name: "Mo Member",
      answersChanged: 9,
      comments: 3,
      worksheetsCompleted: 0,
    });
    expect(month.contributions!.find((c) => c.userId === ctx.cora.userId)!.worksheetsCompleted).toBe(2);
  });

  it("gives members and viewers the same figures without the per-person contributions", async () => {
    const asCoordinator = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    for (const who of [ctx.mo, ctx.vi]) {
      const p = await getProgress(who, ctx.workspaceId, { now: NOW, periodDays: 7 });
      expect(p.viewer).toEqual({ userId: who.userId, role: who === ctx.mo ? "MEMBER" : "VIEWER" });
      expect(p.contributions).toBeNull();
      expect(p.overall).toBe(asCoordinator.overall);
      expect(p.worksheets).toEqual(asCoordinator.worksheets);
    }
  });

  it("returns 404 to people who are not members", async () => {
    const err = await getProgress(ctx.otto, ctx.workspaceId, { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(404);
    const missing = await getProgress(ctx.cora, "no-such-workspace", { now: NOW }).catch((e: unknown) => e);
    expect((missing as AppError).status).toBe(404);
  });

  it("is JSON-friendly", async () => {
    const p = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 7 });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe("progressCsv", () => {
  it("writes the worksheet table with a header row and proper quoting", async () => {
    const { filename, csv } = await progressCsv(ctx.cora, ctx.workspaceId, { now: NOW });
    expect(filename).toBe("progress-lakeview-county-crisis-plan-2026-04-10.csv");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(1 + WORKSHEETS + 1); // header, rows, final line end
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "Section,Worksheet,Status,Completion (%),Required questions answered,Required questions,Assigned to,Due date,Overdue,Last change (UTC),Last changed by,Open comments",
    );
    expect(lines).toContain(
      'Getting started,Vision and goals,Not started,0,0,2,"Fay ""Fi"" Former, Jr.",2026-04-01,Yes,2026-04-08 09:00,Mo Member,0',
    );
    expect(lines).toContain("Getting started,Team charter,Ready for review,50,1,2,Cora Coordinator; Mo Member,2026-04-09,Yes,2026-04-08 11:00,Mo Member,2");
    expect(lines).toContain("Getting started,About this workbook and our community,Complete,100,1,1,Mo Member,2026-04-05,No,2026-04-05 08:00,,2");
  });
});

describe("query count", () => {
  /** A Prisma client whose connections count every SQL statement they run. */
  function countingClient() {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    const counter = { statements: 0 };
    pool.on("connect", (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        counter.statements++;
        return query(...args);
      };
    });
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    return { db, counter, close: async () => (await db.$disconnect(), await pool.end()) };
  }

  let big: { workspaceId: string; coordinator: Actor };
  beforeAll(async () => {
    // A second workspace with something on every worksheet.
    const db = getDb();
    const coordinator = await user("Big Coordinator");
    const helpers = [await user("Helper One"), await user("Helper Two"), await user("Gone Helper")];
    const ws = await db.workspace.create({ data: { name: "Big plan", jurisdiction: "Somewhere" } });
    await db.membership.createMany({
      data: [coordinator, helpers[0], helpers[1]].map((u, i) => ({ workspaceId: ws.id, userId: u.userId, role: i === 0 ? "COORDINATOR" : "MEMBER" })),
    });
    const wb = await db.workbook.create({ data: { workspaceId: ws.id, templateKey: "crisis-response", templateVersion: 1, createdAt: at("2026-03-01T00:00:00Z") } });
    const textItems = [...index.itemByKey.values()].filter((e) => e.item.kind === "short_text" || e.item.kind === "long_text");
    await db.answer.createMany({
      data: textItems.map((e, n) => ({ workbookId: wb.id, worksheetKey: e.worksheetKey, itemKey: e.item.key, value: "An answer", version: 1, updatedById: helpers[n % 3].userId, updatedAt: at("2026-04-05T00:00:00Z") })),
    });
    await db.answerRevision.createMany({
      data: textItems.flatMap((e, n) => [
        { workbookId: wb.id, worksheetKey: e.worksheetKey, itemKey: e.item.key, version: 1, newValue: "Draft", actorId: helpers[n % 3].userId, createdAt: at("2026-04-04T00:00:00Z") },
        { workbookId: wb.id, worksheetKey: e.worksheetKey, itemKey: e.item.key, version: 2, oldValue: "Draft", newValue: "An answer", actorId: helpers[(n + 1) % 3].userId, createdAt: at("2026-04-05T00:00:00Z") },
      ]),
    });
    const statuses = ["IN_PROGRESS", "READY_FOR_REVIEW", "COMPLETE"] as const;
    await db.worksheetState.createMany({
      data: index.worksheets.map((w, n) => ({ workbookId: wb.id, worksheetKey: w.key, status: statuses[n % 3], updatedById: helpers[n % 3].userId, updatedAt: at("2026-04-06T00:00:00Z") })),
    });
    await db.worksheetStatusChange.createMany({
      data: index.worksheets.map((w, n) => ({ workbookId: wb.id, worksheetKey: w.key, fromStatus: "NOT_STARTED" as const, toStatus: statuses[n % 3], actorId: helpers[n % 3].userId, createdAt: at("2026-04-06T00:00:00Z") })),
    });
    await db.assignment.createMany({
      data: index.worksheets.map((w, n) => ({ workbookId: wb.id, worksheetKey: w.key, userId: helpers[n % 3].userId, dueDate: at(`2026-04-${String((n % 20) + 1).padStart(2, "0")}T00:00:00Z`) })),
    });
    for (const w of index.worksheets) {
      const t = await db.commentThread.create({ data: { workbookId: wb.id, worksheetKey: w.key, createdAt: at("2026-04-01T00:00:00Z") } });
      await db.comment.create({ data: { threadId: t.id, authorId: helpers[2].userId, body: "Hi", createdAt: at("2026-04-07T00:00:00Z") } });
    }
    big = { workspaceId: ws.id, coordinator };
  });

  it("loads a full workbook (every worksheet touched) in a small, fixed number of statements", async () => {
    const { db, counter, close } = countingClient();
    try {
      const small = await getProgress(ctx.cora, ctx.workspaceId, { now: NOW, periodDays: 30, db });
      const smallCount = counter.statements;
      counter.statements = 0;
      const full = await getProgress(big.coordinator, big.workspaceId, { now: NOW, periodDays: 30, db });
      const fullCount = counter.statements;
      expect(full.worksheets).toHaveLength(WORKSHEETS);
      expect(full.worksheets.every((w) => w.assignees.length === 1 && w.openComments === 1)).toBe(true);
      expect(full.contributions!.map((c) => c.name)).toContain("Gone Helper");
      expect(small.worksheets).toHaveLength(WORKSHEETS);
      // The workbook, eight loads (a relation may take its own statement) and one name lookup;
      // the membership check runs on the app's own client. Measured: 11, the same for both.
      expect(fullCount).toBeLessThanOrEqual(12);
      expect(fullCount).toBe(smallCount);
    } finally {
      await close();
    }
  });
});

describe("API routes", () => {
  const call = (handler: typeof getProgressRoute, id: string, query = "") =>
    handler(new NextRequest(`http://localhost/api/v1/workspaces/${id}/progress${query}`), { params: Promise.resolve({ id }) });

  it("GET /progress returns the figures as JSON", async () => {
    session.actor = ctx.cora;
    const res = await call(getProgressRoute, ctx.workspaceId, "?days=90");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.period.days).toBe(90);
    expect(body.worksheets).toHaveLength(WORKSHEETS);
    expect(body.totals.answeredRequiredItems).toBe(7);
    expect(typeof body.overall).toBe("number");
    expect(body.sections.map((s: { key: string }) => s.key)).toEqual(index.sections.map((s) => s.key));
    expect(Array.isArray(body.completedByDay)).toBe(true);
  });

  it("GET /progress rejects a period it does not offer, and answers 401 / 404 like every route", async () => {
    session.actor = ctx.cora;
    const bad = await call(getProgressRoute, ctx.workspaceId, "?days=12");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("bad_request");
    session.actor = ctx.otto;
    const outsider = await call(getProgressRoute, ctx.workspaceId);
    expect(outsider.status).toBe(404);
    expect((await outsider.json()).error.code).toBe("not_found");
    session.actor = null;
    expect((await call(getProgressRoute, ctx.workspaceId)).status).toBe(401);
  });

  it("GET /progress.csv downloads the table", async () => {
    session.actor = ctx.vi;
    const res = await call(getCsvRoute, ctx.workspaceId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="progress-lakeview-county-crisis-plan-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    expect(text.split("\r\n")[0]).toContain("Section,Worksheet,Status");
    session.actor = ctx.otto;
    expect((await call(getCsvRoute, ctx.workspaceId)).status).toBe(404);
  });
});
