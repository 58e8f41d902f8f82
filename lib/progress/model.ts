import { isAnswerable, itemModule } from "@/lib/items/registry";
import type { Item, TemplateIndex, Worksheet } from "@/lib/workbook/template-schema";
import { validateAnswer } from "@/lib/workbook/answer-schemas";
import type { WorksheetStatus } from "./constants";

/**
 * Progress figures of a workbook, as pure functions of its template and rows.
 * Nothing here reads the database or the clock: the service passes in the
 * rows it loaded and "today".
 *
 * Rules (the dashboard, the API and the CSV all use these):
 *
 * - An item is *answered* when its value passes `validateAnswer` and says
 *   something (each kind's `isAnswered` rule). Instructions are never counted.
 * - A worksheet's completion is the share of its REQUIRED answerable items
 *   that are answered. A worksheet with no required items is 1 as soon as any
 *   of its items is answered, else 0.
 * - A section's and the workbook's completion is answered required items over
 *   required items, summed over all their worksheets (so a worksheet with ten
 *   required items weighs ten times one with a single required item; the
 *   figure is not an average of worksheet percentages). Worksheets without
 *   required items do not move it. When a section (or the workbook) has no
 *   required items at all, its completion is the mean of its worksheets'
 *   completions, and 0 when it has no worksheets.
 * - Worksheet status: a worksheet without a state row is NOT_STARTED.
 * - Due dates are calendar dates (stored at midnight UTC). An assignment is
 *   overdue when its due date is before today and its worksheet is not
 *   COMPLETE; a worksheet due today is not overdue yet.
 * - Days ("YYYY-MM-DD") are taken in the time zone the caller chooses.
 */

export { STATUS_LABELS, WORKSHEET_STATUSES, type WorksheetStatus } from "./constants";

/** Item key → stored answer value. */
export type AnswerMap = ReadonlyMap<string, unknown>;

// ---------------------------------------------------------------------------
// Answered items

/**
 * Whether a value answers an item. A value that fails `validateAnswer` (wrong
 * shape, out of range, unknown option…) never counts.
 *
 * What "says something" means is each kind's `isAnswered` rule, kept with the
 * kind in lib/items/<kind>/index.ts; instructions never count.
 */
export function isAnswered(item: Item, value: unknown): boolean {
  if (!isAnswerable(item)) return false;
  if (value === null || value === undefined) return false;
  const checked = validateAnswer(item, value);
  if (!checked.ok) return false;
  return itemModule(item).isAnswered(item, checked.value);
}

// ---------------------------------------------------------------------------
// Completion

export type WorksheetCompletion = {
  /** Required answerable items. */
  required: number;
  /** Required items that are answered. */
  answeredRequired: number;
  /** Answerable items (required or not) that are answered. */
  answered: number;
  /** 0–1. */
  completion: number;
};

export function worksheetCompletion(worksheet: Pick<Worksheet, "items">, answers: AnswerMap): WorksheetCompletion {
  let required = 0;
  let answeredRequired = 0;
  let answered = 0;
  for (const item of worksheet.items) {
    if (!isAnswerable(item)) continue;
    const ok = isAnswered(item, answers.get(item.key));
    if (ok) answered++;
    if (item.required) {
      required++;
      if (ok) answeredRequired++;
    }
  }
  const completion = required > 0 ? answeredRequired / required : answered > 0 ? 1 : 0;
  return { required, answeredRequired, answered, completion };
}

/** Completion of a group of worksheets (a section or the workbook), by the rule above. */
export function groupCompletion(parts: WorksheetCompletion[]): number {
  let required = 0;
  let answeredRequired = 0;
  for (const p of parts) {
    required += p.required;
    answeredRequired += p.answeredRequired;
  }
  if (required > 0) return answeredRequired / required;
  if (parts.length === 0) return 0;
  return parts.reduce((sum, p) => sum + p.completion, 0) / parts.length;
}

export type WorkbookCompletion = {
  overall: number;
  sections: Array<{ key: string; title: string; completion: number; required: number; answeredRequired: number }>;
  worksheets: Map<string, WorksheetCompletion>;
};

export function workbookCompletion(index: TemplateIndex, answers: AnswerMap): WorkbookCompletion {
  const worksheets = new Map<string, WorksheetCompletion>();
  for (const w of index.worksheets) worksheets.set(w.key, worksheetCompletion(w, answers));
  const sections = index.sections.map((s) => {
    const parts = s.worksheets.map((w) => worksheets.get(w.key)!);
    return {
      key: s.key,
      title: s.title,
      completion: groupCompletion(parts),
      required: parts.reduce((n, p) => n + p.required, 0),
      answeredRequired: parts.reduce((n, p) => n + p.answeredRequired, 0),
    };
  });
  return { overall: groupCompletion([...worksheets.values()]), sections, worksheets };
}

// ---------------------------------------------------------------------------
// Status

export function statusOf(states: ReadonlyMap<string, WorksheetStatus>, worksheetKey: string): WorksheetStatus {
  return states.get(worksheetKey) ?? "NOT_STARTED";
}

/** How many of the given worksheets are in each status (missing state = NOT_STARTED). */
export function statusCounts(
  worksheetKeys: readonly string[],
  states: ReadonlyMap<string, WorksheetStatus>,
): Record<WorksheetStatus, number> {
  const counts: Record<WorksheetStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 0, READY_FOR_REVIEW: 0, COMPLETE: 0 };
  for (const key of worksheetKeys) counts[statusOf(states, key)]++;
  return counts;
}

// ---------------------------------------------------------------------------
// Days and due dates

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day ("YYYY-MM-DD") of an instant in a time zone. */
export function dayKey(at: Date, timeZone = "UTC"): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The instant a calendar day starts in a time zone. */
export function startOfDay(day: string, timeZone = "UTC"): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at an instant: its wall-clock reading minus the instant.
  const offsetAt = (t: number) => {
    const f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  };
  let t = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(t);
  if (second !== t) t = second;
  return new Date(t);
}

/** The calendar date of a stored due date (a date kept at midnight UTC). */
export function dueDateKey(due: Date | string): string {
  return typeof due === "string" ? due.slice(0, 10) : due.toISOString().slice(0, 10);
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every day from `first` to `last`, both included (empty when first > last). */
export function dayRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function isOverdue(dueDate: Date | string | null | undefined, status: WorksheetStatus, today: string): boolean {
  if (!dueDate) return false;
  return status !== "COMPLETE" && dueDateKey(dueDate) < today;
}

export type AssignmentLike = { worksheetKey: string; userId: string; dueDate: Date | string | null };

/** Assignments past their due date on worksheets that are not COMPLETE, most overdue first. */
export function overdueAssignments<A extends AssignmentLike>(
  assignments: readonly A[],
  states: ReadonlyMap<string, WorksheetStatus>,
  today: string,
): Array<A & { daysOverdue: number }> {
  return assignments
    .filter((a) => isOverdue(a.dueDate, statusOf(states, a.worksheetKey), today))
    .map((a) => ({ ...a, daysOverdue: daysBetween(dueDateKey(a.dueDate!), today) }))
    .sort((x, y) => y.daysOverdue - x.daysOverdue || x.worksheetKey.localeCompare(y.worksheetKey));
}

// ---------------------------------------------------------------------------
// Contributions

export type Contribution = {
  userId: string;
  name: string;
  answersChanged: number;
  comments: number;
  worksheetsCompleted: number;
};

export type ContributionInput = {
  /** Everyone to list, with zero counts if they did nothing. */
  members: ReadonlyArray<{ userId: string; name: string }>;
  revisions: ReadonlyArray<{ actorId: string | null; createdAt: Date }>;
  comments: ReadonlyArray<{ authorId: string | null; createdAt: Date }>;
  statusChanges: ReadonlyArray<{ actorId: string | null; toStatus: WorksheetStatus; createdAt: Date }>;
  /** The period is [from, to): from included, to excluded. */
  from: Date;
  to: Date;
  /** Names of people who contributed but are no longer members. */
  otherNames?: ReadonlyMap<string, string>;
};

/**
 * Per person over [from, to): answers changed (answer revisions they made),
 * comments written, and worksheets they moved to COMPLETE. Every member is
 * listed; former members appear only when they did something in the period.
 * Activity without a known person (actor removed) is not attributed.
 * Ordered by name.
 */
export function contributions(input: ContributionInput): Contribution[] {
  const from = input.from.getTime();
  const to = input.to.getTime();
  const inWindow = (d: Date) => d.getTime() >= from && d.getTime() < to;
  const rows = new Map<string, Contribution>();
  for (const m of input.members) {
    rows.set(m.userId, { userId: m.userId, name: m.name, answersChanged: 0, comments: 0, worksheetsCompleted: 0 });
  }
  const row = (userId: string | null) => {
    if (!userId) return null;
    let r = rows.get(userId);
    if (!r) {
      r = {
        userId,
        name: input.otherNames?.get(userId) ?? "Former member",
        answersChanged: 0,
        comments: 0,
        worksheetsCompleted: 0,
      };
      rows.set(userId, r);
    }
    return r;
  };
  for (const rev of input.revisions) {
    if (!inWindow(rev.createdAt)) continue;
    const r = row(rev.actorId);
    if (r) r.answersChanged++;
  }
  for (const c of input.comments) {
    if (!inWindow(c.createdAt)) continue;
    const r = row(c.authorId);
    if (r) r.comments++;
  }
  for (const s of input.statusChanges) {
    if (s.toStatus === "COMPLETE" && inWindow(s.createdAt)) {
      const r = row(s.actorId);
      if (r) r.worksheetsCompleted++;
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

// ---------------------------------------------------------------------------
// Over time

function byTime<T extends { createdAt: Date }>(rows: readonly T[]): T[] {
  // Stable: rows that share a timestamp keep the order they were given in (by id).
  return rows
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].createdAt.getTime() - b[0].createdAt.getTime() || a[1] - b[1])
    .map(([r]) => r);
}

/**
 * Completed worksheets at the end of each day, replayed from the status log:
 * a worksheet counts on a day when its latest change up to the end of that
 * day moved it to COMPLETE. Changes before the first day are replayed too.
 * Only worksheets in `worksheetKeys` count.
 */
export function completedByDay(
  changes: ReadonlyArray<{ worksheetKey: string; toStatus: WorksheetStatus; createdAt: Date }>,
  worksheetKeys: ReadonlySet<string>,
  days: readonly string[],
  timeZone = "UTC",
): Array<{ date: string; completed: number }> {
  const sorted = byTime(changes.filter((c) => worksheetKeys.has(c.worksheetKey)));
  const status = new Map<string, WorksheetStatus>();
  let complete = 0;
  let i = 0;
  return days.map((date) => {
    while (i < sorted.length && dayKey(sorted[i].createdAt, timeZone) <= date) {
      const c = sorted[i++];
      const before = status.get(c.worksheetKey);
      if (before === "COMPLETE") complete--;
      if (c.toStatus === "COMPLETE") complete++;
      status.set(c.worksheetKey, c.toStatus);
    }
    return { date, completed: complete };
  });
}

export type RevisionLike = { itemKey: string; oldValue?: unknown; newValue: unknown; createdAt: Date };

/**
 * The values items had before the given revisions: for an item with a
 * revision, the old value of its first one; otherwise its current value.
 * With the revisions since some moment and the current answers, this is the
 * state at that moment.
 */
export function valuesBefore(current: AnswerMap, revisions: readonly RevisionLike[]): Map<string, unknown> {
  const out = new Map(current);
  const seen = new Set<string>();
  for (const r of byTime(revisions)) {
    if (seen.has(r.itemKey)) continue;
    seen.add(r.itemKey);
    out.set(r.itemKey, r.oldValue ?? null);
  }
  return out;
}

/**
 * Answered required items at the end of each day, replayed from answer
 * revisions: starting from `initial` (the values before the first revision),
 * each revision's new value replaces the item's value, so a revision that
 * clears an item (or makes it invalid) lowers the count. Revisions dated
 * before the first day are applied before it.
 */
export function answeredRequiredByDay(
  index: Pick<TemplateIndex, "itemByKey">,
  input: { initial: AnswerMap; revisions: readonly RevisionLike[]; days: readonly string[]; timeZone?: string },
): Array<{ date: string; answered: number }> {
  const tz = input.timeZone ?? "UTC";
  const requiredItem = (key: string) => {
    const entry = index.itemByKey.get(key);
    return entry && entry.item.required && isAnswerable(entry.item) ? entry.item : null;
  };
  const answered = new Set<string>();
  for (const [key, value] of input.initial) {
    const item = requiredItem(key);
    if (item && isAnswered(item, value)) answered.add(key);
  }
  const sorted = byTime(input.revisions.filter((r) => requiredItem(r.itemKey)));
  let i = 0;
  return input.days.map((date) => {
    while (i < sorted.length && dayKey(sorted[i].createdAt, tz) <= date) {
      const r = sorted[i++];
      if (isAnswered(requiredItem(r.itemKey)!, r.newValue)) answered.add(r.itemKey);
      else answered.delete(r.itemKey);
    }
    return { date, answered: answered.size };
  });
}
