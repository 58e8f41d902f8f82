import type { Actor } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import type { ExportMember, ExportModel } from "@/lib/export/model";
import { exportQuerySchema, selectWorksheets } from "@/lib/export/options";
import { progressSummary } from "@/lib/export/progress";
import type { TableValue } from "@/lib/workbook/answer-schemas";
import { DEFAULT_TEMPLATE_KEY, TEMPLATES, templateIndex } from "@/lib/workbook/templates";
import { demoAnswers, demoStatuses } from "@/lib/workbook/templates/demo-answers";

/**
 * Data for the PDF export tests: the built-in template with its demo answers,
 * plus answers in Spanish, Vietnamese, Chinese and Arabic, an optional long
 * action plan and a few comment threads.
 */

/** Demo answers follow the newest version of the built-in workbook. */
export const TEMPLATE_VERSION = TEMPLATES[DEFAULT_TEMPLATE_KEY].version;

export const MULTILINGUAL = {
  /** practice.short */
  es: "Niños y adolescentes en crisis — atención 24/7",
  /** comms.spokesperson */
  vi: "Đội phản ứng khủng hoảng di động của quận",
  /** csu.site */
  zh: "社区危机应对计划",
  /** outcomes.period */
  ar: "خطة الاستجابة للأزمات",
};

export const MULTILINGUAL_ITEMS: Record<keyof typeof MULTILINGUAL, string> = {
  es: "practice.short",
  vi: "comms.spokesperson",
  zh: "csu.site",
  ar: "outcomes.period",
};

export function demoIndex() {
  const index = templateIndex(DEFAULT_TEMPLATE_KEY, TEMPLATE_VERSION);
  if (!index) throw new Error("The built-in template is missing");
  return index;
}

/** An action plan with `n` rows, owners cycling through the given members. */
export function longActionPlan(n: number, owners: string[]): TableValue {
  const statuses = ["not_started", "in_progress", "done", "blocked"];
  return {
    rows: Array.from({ length: n }, (_, i) => {
      const k = String(i + 1).padStart(3, "0");
      return {
        id: `a${k}`,
        cells: {
          objective: `Objective ${k}`,
          action: `Action ${k}: confirm the hand-off step with the partner agency`,
          owner: owners[i % owners.length],
          due: `2027-${String((i % 12) + 1).padStart(2, "0")}-15`,
          status: statuses[i % statuses.length],
        },
      };
    }),
  };
}

/** The demo answers with the multilingual ones (and an optional long action plan) on top. */
export function fixtureAnswers(ids: { coordinator: string; member: string; viewer: string }, opts: { actionRows?: number } = {}) {
  const answers = new Map(demoAnswers(ids).map((a) => [a.itemKey, a.value as unknown]));
  for (const [lang, key] of Object.entries(MULTILINGUAL_ITEMS)) answers.set(key, MULTILINGUAL[lang as keyof typeof MULTILINGUAL]);
  if (opts.actionRows) answers.set("implementation.action-plan", longActionPlan(opts.actionRows, [ids.coordinator, ids.member, ids.viewer]));
  return answers;
}

export type ExportFixture = {
  workspaceId: string;
  workbookId: string;
  coordinator: Actor;
  member: Actor;
  viewer: Actor;
  outsider: Actor;
  answers: Map<string, unknown>;
};

let counter = 0;

/** Creates users, a workspace with its workbook, answers, statuses and comments. */
export async function createExportFixture(opts: { actionRows?: number; name?: string } = {}): Promise<ExportFixture> {
  const db = getDb();
  const n = ++counter;
  const stamp = `${Date.now().toString(36)}${n}`;
  const mk = (label: string, name: string) =>
    db.user.create({ data: { email: `${label}-${stamp}@example.org`, name }, select: { id: true, email: true, name: true } });
  const [c, m, v, o] = await Promise.all([
    mk("coord", "Dana Reyes"),
    mk("member", "Sam Okafor"),
    mk("viewer", "Lee Whitfield"),
    mk("outsider", "Olive Outsider"),
  ]);
  const ws = await db.workspace.create({
    data: { name: opts.name ?? "Demo County Crisis Response Plan", jurisdiction: "Demo County (fictional)", population: 248_600 },
  });
  await db.membership.createMany({
    data: [
      { workspaceId: ws.id, userId: c.id, role: "COORDINATOR" },
      { workspaceId: ws.id, userId: m.id, role: "MEMBER" },
      { workspaceId: ws.id, userId: v.id, role: "VIEWER" },
    ],
  });
  const wb = await db.workbook.create({ data: { workspaceId: ws.id, templateKey: DEFAULT_TEMPLATE_KEY, templateVersion: TEMPLATE_VERSION } });
  const index = demoIndex();
  const answers = fixtureAnswers({ coordinator: c.id, member: m.id, viewer: v.id }, opts);
  await db.answer.createMany({
    data: [...answers].map(([itemKey, value]) => ({
      workbookId: wb.id,
      worksheetKey: index.itemByKey.get(itemKey)!.worksheetKey,
      itemKey,
      value: value as never,
      version: 1,
      updatedById: c.id,
    })),
  });
  await db.worksheetState.createMany({
    data: Object.entries(demoStatuses).map(([worksheetKey, status]) => ({ workbookId: wb.id, worksheetKey, status })),
  });

  // Comments: an open thread on an item (with a deleted comment), an open one
  // on a worksheet, and a resolved one that must not appear.
  const open = await db.commentThread.create({ data: { workbookId: wb.id, worksheetKey: "team-charter", itemKey: "charter.purpose", createdById: m.id } });
  await db.comment.createMany({
    data: [
      { threadId: open.id, authorId: m.id, body: "Should the purpose name the 988 center explicitly?", createdAt: new Date("2026-05-02T15:00:00Z") },
      { threadId: open.id, authorId: c.id, body: "This comment was withdrawn.", deletedAt: new Date(), createdAt: new Date("2026-05-02T16:00:00Z") },
      { threadId: open.id, authorId: c.id, body: "Yes; the 988 director agreed at the last meeting.", createdAt: new Date("2026-05-03T09:00:00Z") },
    ],
  });
  const whole = await db.commentThread.create({ data: { workbookId: wb.id, worksheetKey: "team-charter", itemKey: null, createdById: c.id } });
  await db.comment.create({ data: { threadId: whole.id, authorId: c.id, body: "Ready for the board once the cadence is settled." } });
  const resolved = await db.commentThread.create({
    data: { workbookId: wb.id, worksheetKey: "team-charter", itemKey: "charter.cadence", createdById: m.id, resolvedAt: new Date() },
  });
  await db.comment.create({ data: { threadId: resolved.id, authorId: m.id, body: "Resolved thread text that must not be exported." } });

  const actor = (u: { id: string; email: string; name: string }): Actor => ({ userId: u.id, email: u.email, name: u.name });
  return { workspaceId: ws.id, workbookId: wb.id, coordinator: actor(c), member: actor(m), viewer: actor(v), outsider: actor(o), answers };
}

/**
 * The full demo workbook as an in-memory export model (no database), for
 * rendering benchmarks and quick looks.
 */
export function demoExportModel(query: Record<string, string> = {}, opts: { actionRows?: number } = {}): ExportModel {
  const index = demoIndex();
  const members: ExportMember[] = [
    { id: "u-coord", name: "Dana Reyes", email: "coordinator@example.org", role: "COORDINATOR" },
    { id: "u-member", name: "Sam Okafor", email: "member@example.org", role: "MEMBER" },
    { id: "u-viewer", name: "Lee Whitfield", email: "viewer@example.org", role: "VIEWER" },
  ];
  const answers = fixtureAnswers({ coordinator: "u-coord", member: "u-member", viewer: "u-viewer" }, opts);
  const states = new Map(Object.entries(demoStatuses));
  const options = exportQuerySchema.parse(query);
  return {
    workspace: { name: "Demo County Crisis Response Plan", jurisdiction: "Demo County (fictional)", population: 248_600 },
    template: index.template,
    answers: Object.fromEntries(answers),
    statuses: Object.fromEntries(states),
    members,
    threads: [
      {
        id: "t1",
        worksheetKey: "team-charter",
        itemKey: "charter.purpose",
        createdAt: new Date("2026-05-02T15:00:00Z"),
        comments: [{ authorName: "Sam Okafor", body: "Should the purpose name the 988 center explicitly?", createdAt: new Date("2026-05-02T15:00:00Z") }],
      },
    ],
    progress: progressSummary(index, answers, states),
    exportedAt: new Date("2026-11-23T12:00:00Z"),
    worksheetKeys: selectWorksheets(options, index),
    options,
    timeZone: "UTC",
  };
}
