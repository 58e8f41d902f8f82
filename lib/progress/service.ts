import "server-only";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { getDb, type Db } from "@/lib/db/client";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { isAnswerable, type TemplateIndex } from "@/lib/workbook/template-schema";
import { templateIndex } from "@/lib/workbook/templates";
import type { AttentionItem, Person, Progress, WorksheetProgress } from "./types";
import { DEFAULT_PERIOD_DAYS, DEFAULT_STALE_THREAD_DAYS } from "./constants";
import { toCsv } from "./csv";
import {
  STATUS_LABELS,
  addDays,
  answeredRequiredByDay,
  completedByDay,
  contributions,
  dayKey,
  dayRange,
  dueDateKey,
  isOverdue,
  overdueAssignments,
  startOfDay,
  statusCounts,
  statusOf,
  valuesBefore,
  workbookCompletion,
  type Contribution,
  type WorksheetStatus,
} from "./model";

export type { AttentionItem, Person, Progress, WorksheetProgress } from "./types";

/**
 * The coordinator's progress figures for one workspace. Everything is loaded
 * in a fixed number of queries, whatever the number of worksheets: the
 * membership check, the workbook, then answers, worksheet states, the status
 * log, assignments, open comment threads, the period's answer revisions, the
 * period's comments and the memberships together, and at most one more for
 * the names of former members. All figures are worked out by ./model.ts.
 */


export type ProgressOptions = {
  /** Length of the contributions period, ending today (included). Default 30. */
  periodDays?: number;
  /** Open comment threads older than this many days need attention. Default 7. */
  staleThreadDays?: number;
  /** Time zone that decides where days start. Default UTC. */
  timeZone?: string;
  /** The current time (for tests). */
  now?: Date;
  /** The Prisma client to load with (for tests); authorization always uses the app's own. */
  db?: Db;
};

function resolveOptions(opts: ProgressOptions) {
  const periodDays = opts.periodDays ?? DEFAULT_PERIOD_DAYS;
  if (!Number.isInteger(periodDays) || periodDays < 1 || periodDays > 366) {
    throw badRequest("The period must be a whole number of days between 1 and 366.");
  }
  const staleThreadDays = opts.staleThreadDays ?? DEFAULT_STALE_THREAD_DAYS;
  if (!Number.isInteger(staleThreadDays) || staleThreadDays < 0) throw badRequest("The comment age must be a whole number of days.");
  const timeZone = opts.timeZone ?? "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw badRequest(`Unknown time zone "${timeZone}".`);
  }
  return { periodDays, staleThreadDays, timeZone, now: opts.now ?? new Date(), db: opts.db ?? getDb() };
}

function loadIndex(key: string, version: number): TemplateIndex {
  const index = templateIndex(key, version);
  if (!index) throw new AppError("internal", `The workbook's template ${key} v${version} is not installed.`);
  return index;
}

export async function getProgress(actor: Actor, workspaceId: string, opts: ProgressOptions = {}): Promise<Progress> {
  const { periodDays, staleThreadDays, timeZone, now, db } = resolveOptions(opts);
  const access = await authorize(actor, workspaceId, "progress.read");
  const isCoordinator = access.role === "COORDINATOR";

  const workbook = await db.workbook.findUnique({
    where: { workspaceId: access.workspaceId },
    select: { id: true, templateKey: true, templateVersion: true, createdAt: true },
  });
  if (!workbook) throw notFound("Workbook");
  const index = loadIndex(workbook.templateKey, workbook.templateVersion);

  const today = dayKey(now, timeZone);
  const periodFirstDay = addDays(today, -(periodDays - 1));
  const periodDaysList = dayRange(periodFirstDay, today);
  const from = startOfDay(periodFirstDay, timeZone);
  const to = startOfDay(addDays(today, 1), timeZone);
  const workbookId = workbook.id;

  const [answers, states, changes, assignments, openThreads, revisions, comments, memberships] = await Promise.all([
    db.answer.findMany({
      where: { workbookId },
      select: { itemKey: true, worksheetKey: true, value: true, updatedAt: true, updatedById: true },
    }),
    db.worksheetState.findMany({
      where: { workbookId },
      select: { worksheetKey: true, status: true, updatedAt: true, updatedById: true },
    }),
    db.worksheetStatusChange.findMany({
      where: { workbookId },
      select: { worksheetKey: true, toStatus: true, actorId: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.assignment.findMany({
      where: { workbookId },
      select: { worksheetKey: true, userId: true, dueDate: true },
    }),
    db.commentThread.findMany({
      where: { workbookId, resolvedAt: null },
      select: { worksheetKey: true, createdAt: true },
    }),
    // Every revision since the period began, also those after `to` (clock
    // skew), so that replaying back from the current answers is exact.
    db.answerRevision.findMany({
      where: { workbookId, createdAt: { gte: from } },
      select: { itemKey: true, oldValue: true, newValue: true, actorId: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.comment.findMany({
      where: { thread: { workbookId }, createdAt: { gte: from, lt: to }, deletedAt: null },
      select: { authorId: true, createdAt: true },
    }),
    db.membership.findMany({
      where: { workspaceId: access.workspaceId },
      select: { userId: true, role: true, user: { select: { name: true } } },
    }),
  ]);

  // Names: members first, then one lookup for anyone else referenced.
  const names = new Map(memberships.map((m) => [m.userId, m.user.name]));
  const referenced = [
    ...assignments.map((a) => a.userId),
    ...answers.map((a) => a.updatedById),
    ...states.map((s) => s.updatedById),
    ...(isCoordinator ? [...revisions.map((r) => r.actorId), ...comments.map((c) => c.authorId), ...changes.map((c) => c.actorId)] : []),
  ].filter((id): id is string => Boolean(id) && !names.has(id!));
  const missing = [...new Set(referenced)];
  const others = new Map<string, string>();
  if (missing.length > 0) {
    const users = await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } });
    for (const u of users) others.set(u.id, u.name);
  }
  const person = (id: string): Person => ({ id, name: names.get(id) ?? others.get(id) ?? "Former member" });

  // Completion and status.
  const answerMap = new Map(answers.map((a) => [a.itemKey, a.value as unknown]));
  const completion = workbookCompletion(index, answerMap);
  const stateMap = new Map(states.map((s) => [s.worksheetKey, s.status as WorksheetStatus]));
  const stateRow = new Map(states.map((s) => [s.worksheetKey, s]));
  const worksheetKeys = index.worksheets.map((w) => w.key);
  const sectionTitle = new Map(index.sections.map((s) => [s.key, s.title]));

  // Last change per worksheet: the latest answer (on a template item) or status change.
  const lastChange = new Map<string, { at: Date; by: string | null }>();
  const touch = (worksheetKey: string, at: Date, by: string | null) => {
    const prev = lastChange.get(worksheetKey);
    if (!prev || at > prev.at) lastChange.set(worksheetKey, { at, by });
  };
  for (const a of answers) {
    const entry = index.itemByKey.get(a.itemKey);
    if (entry && isAnswerable(entry.item)) touch(entry.worksheetKey, a.updatedAt, a.updatedById);
  }
  for (const s of states) touch(s.worksheetKey, s.updatedAt, s.updatedById);

  const assigneesOf = new Map<string, typeof assignments>();
  for (const a of assignments) {
    const list = assigneesOf.get(a.worksheetKey) ?? [];
    list.push(a);
    assigneesOf.set(a.worksheetKey, list);
  }

  const openByWorksheet = new Map<string, { count: number; oldest: Date }>();
  for (const t of openThreads) {
    const prev = openByWorksheet.get(t.worksheetKey);
    if (!prev) openByWorksheet.set(t.worksheetKey, { count: 1, oldest: t.createdAt });
    else {
      prev.count++;
      if (t.createdAt < prev.oldest) prev.oldest = t.createdAt;
    }
  }

  const byName = (a: Person, b: Person) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const worksheets: WorksheetProgress[] = index.worksheets.map((w) => {
    const c = completion.worksheets.get(w.key)!;
    const status = statusOf(stateMap, w.key);
    const own = assigneesOf.get(w.key) ?? [];
    const due = own
      .map((a) => (a.dueDate ? dueDateKey(a.dueDate) : null))
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
    const last = lastChange.get(w.key);
    return {
      key: w.key,
      title: w.title,
      sectionKey: w.sectionKey,
      sectionTitle: sectionTitle.get(w.sectionKey) ?? "",
      status,
      completion: c.completion,
      requiredItems: c.required,
      answeredRequiredItems: c.answeredRequired,
      assignees: own.map((a) => person(a.userId)).sort(byName),
      dueDate: due,
      overdue: isOverdue(due, status, today),
      lastChangedAt: last ? last.at.toISOString() : null,
      lastChangedBy: last?.by ? person(last.by) : null,
      openComments: openByWorksheet.get(w.key)?.count ?? 0,
    };
  });

  // Needs attention: overdue assignments, worksheets waiting for review, old open threads.
  const titleOf = (key: string) => index.worksheetByKey.get(key)?.title ?? key;
  const inTemplate = (key: string) => index.worksheetByKey.has(key);
  const staleCutoff = now.getTime() - staleThreadDays * 86_400_000;
  const needsAttention: AttentionItem[] = [
    ...overdueAssignments(
      assignments.filter((a) => inTemplate(a.worksheetKey)),
      stateMap,
      today,
    ).map(
      (a): AttentionItem => ({
        kind: "overdue",
        worksheetKey: a.worksheetKey,
        worksheetTitle: titleOf(a.worksheetKey),
        assignee: person(a.userId),
        dueDate: dueDateKey(a.dueDate!),
        daysOverdue: a.daysOverdue,
      }),
    ),
    ...worksheets
      .filter((w) => w.status === "READY_FOR_REVIEW")
      .map((w) => ({ w, since: stateRow.get(w.key)?.updatedAt ?? null }))
      .sort((a, b) => (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0))
      .map(
        ({ w, since }): AttentionItem => ({
          kind: "ready_for_review",
          worksheetKey: w.key,
          worksheetTitle: w.title,
          since: since ? since.toISOString() : null,
        }),
      ),
    ...(() => {
      const stale = new Map<string, { threads: number; oldest: Date }>();
      for (const t of openThreads) {
        if (!inTemplate(t.worksheetKey) || t.createdAt.getTime() >= staleCutoff) continue;
        const prev = stale.get(t.worksheetKey);
        if (!prev) stale.set(t.worksheetKey, { threads: 1, oldest: t.createdAt });
        else {
          prev.threads++;
          if (t.createdAt < prev.oldest) prev.oldest = t.createdAt;
        }
      }
      return [...stale]
        .sort((a, b) => a[1].oldest.getTime() - b[1].oldest.getTime())
        .map(
          ([key, s]): AttentionItem => ({
            kind: "stale_comments",
            worksheetKey: key,
            worksheetTitle: titleOf(key),
            threads: s.threads,
            oldest: s.oldest.toISOString(),
          }),
        );
    })(),
  ];

  // Over time.
  const keySet = new Set(worksheetKeys);
  const typedChanges = changes.map((c) => ({ ...c, toStatus: c.toStatus as WorksheetStatus }));
  const firstDay = [dayKey(workbook.createdAt, timeZone), ...(changes[0] ? [dayKey(changes[0].createdAt, timeZone)] : [])].sort()[0];
  const burnUpDays = dayRange(firstDay < today ? firstDay : today, today);
  const revisionRows = revisions.map((r) => ({ ...r, oldValue: r.oldValue as unknown, newValue: r.newValue as unknown }));
  const answeredByDay = answeredRequiredByDay(index, {
    initial: valuesBefore(answerMap, revisionRows),
    revisions: revisionRows,
    days: periodDaysList,
    timeZone,
  });

  let contributionRows: Contribution[] | null = null;
  if (isCoordinator) {
    contributionRows = contributions({
      members: memberships.filter((m) => m.role !== "VIEWER").map((m) => ({ userId: m.userId, name: m.user.name })),
      // Only work on the template's items and worksheets counts, like everything else here.
      revisions: revisions.filter((r) => index.itemByKey.has(r.itemKey)),
      comments,
      statusChanges: typedChanges.filter((c) => keySet.has(c.worksheetKey)),
      from,
      to,
      otherNames: new Map([...names, ...others]),
    });
  }

  const totals = {
    worksheets: worksheets.length,
    requiredItems: completion.sections.reduce((n, s) => n + s.required, 0),
    answeredRequiredItems: completion.sections.reduce((n, s) => n + s.answeredRequired, 0),
  };

  return {
    workspace: { id: access.workspace.id, name: access.workspace.name },
    viewer: { userId: access.actor.userId, role: access.role },
    generatedAt: now.toISOString(),
    today,
    timeZone,
    period: { days: periodDays, firstDay: periodFirstDay, lastDay: today },
    staleThreadDays,
    overall: completion.overall,
    totals,
    sections: completion.sections.map((s) => ({
      key: s.key,
      title: s.title,
      completion: s.completion,
      worksheets: index.sections.find((x) => x.key === s.key)?.worksheets.length ?? 0,
    })),
    worksheets,
    statusCounts: statusCounts(worksheetKeys, stateMap),
    completedByDay: completedByDay(typedChanges, keySet, burnUpDays, timeZone),
    answeredByDay,
    needsAttention,
    contributions: contributionRows,
  };
}

// ---------------------------------------------------------------------------
// CSV

export function csvHeader(timeZone: string): string[] {
  return [
    "Section",
    "Worksheet",
    "Status",
    "Completion (%)",
    "Required questions answered",
    "Required questions",
    "Assigned to",
    "Due date",
    "Overdue",
    `Last change (${timeZone})`,
    "Last changed by",
    "Open comments",
  ];
}

/** The worksheet table of a progress report as CSV rows (without the header). */
export function worksheetCsvRows(progress: Pick<Progress, "worksheets" | "timeZone">) {
  return progress.worksheets.map((w) => [
    w.sectionTitle,
    w.title,
    STATUS_LABELS[w.status],
    Math.round(w.completion * 100),
    w.answeredRequiredItems,
    w.requiredItems,
    w.assignees.map((a) => a.name).join("; "),
    w.dueDate ?? "",
    w.overdue,
    w.lastChangedAt ? dateTimeIn(new Date(w.lastChangedAt), progress.timeZone) : "",
    w.lastChangedBy?.name ?? "",
    w.openComments,
  ]);
}

/** "YYYY-MM-DD HH:MM" in a time zone. */
function dateTimeIn(at: Date, timeZone: string) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" }).formatToParts(at).map((x) => [x.type, x.value]),
  );
  return `${dayKey(at, timeZone)} ${p.hour}:${p.minute}`;
}

function fileSlug(name: string) {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "plan";
}

/** The worksheet table as a CSV file, with the file name to offer. */
export async function progressCsv(
  actor: Actor,
  workspaceId: string,
  opts: ProgressOptions = {},
): Promise<{ filename: string; csv: string }> {
  // The table does not depend on the period; the shortest one loads the least.
  const progress = await getProgress(actor, workspaceId, { ...opts, periodDays: 1 });
  return {
    filename: `progress-${fileSlug(progress.workspace.name)}-${progress.today}.csv`,
    csv: toCsv(csvHeader(progress.timeZone), worksheetCsvRows(progress)),
  };
}
