import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authorize, can, type Access, type Actor } from "@/lib/auth/authorize";
import type { Role } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { getDb } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { LIVE_CHANNEL, publish } from "@/lib/live/publish";
import { Prisma } from "@/lib/db/generated/client";
import { emptyValue, validateAnswer } from "./answer-schemas";
import { isAnswerable, type Item, type TemplateIndex } from "./template-schema";
import { templateIndex } from "./templates";

import { WORKSHEET_STATUSES, type WorksheetStatus } from "./statuses";
export { STATUS_LABELS, WORKSHEET_STATUSES, type WorksheetStatus } from "./statuses";

export const saveAnswerSchema = z.strictObject({
  value: z.unknown().refine((v) => v !== undefined, { message: "Send the answer as “value”" }),
  baseVersion: z.number({ message: "Send the version your edit is based on as a whole number" }).int().min(0).max(2_147_483_647),
});
export const statusSchema = z.strictObject({ status: z.enum(WORKSHEET_STATUSES, { message: "Unknown status" }) });

export type AnswerState = {
  value: unknown;
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
};

type WorkbookMeta = { id: string; templateKey: string; templateVersion: number };
// A workbook's template version changes only when a coordinator upgrades it.
// That clears this process's entry at once; other processes see the new
// version within WORKBOOK_CACHE_MS.
const WORKBOOK_CACHE_MS = 5_000;
const workbookCache = new Map<string, WorkbookMeta & { at: number }>();

/** Forgets the cached template version of a workspace's workbook. */
export function forgetWorkbook(workspaceId: string) {
  workbookCache.delete(workspaceId);
}

export async function workbookFor(workspaceId: string): Promise<WorkbookMeta & { index: TemplateIndex }> {
  let meta = workbookCache.get(workspaceId);
  if (!meta || Date.now() - meta.at > WORKBOOK_CACHE_MS) {
    const wb = await getDb().workbook.findUnique({
      where: { workspaceId },
      select: { id: true, templateKey: true, templateVersion: true },
    });
    if (!wb) throw notFound("Workbook");
    meta = { ...wb, at: Date.now() };
    workbookCache.set(workspaceId, meta);
  }
  const index = templateIndex(meta.templateKey, meta.templateVersion);
  if (!index) throw new AppError("internal", `The workbook's template ${meta.templateKey} v${meta.templateVersion} is not installed.`);
  return { id: meta.id, templateKey: meta.templateKey, templateVersion: meta.templateVersion, index };
}

async function userNames(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await getDb().user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

function answerState(item: Item, row: { value: unknown; version: number; updatedAt: Date; updatedById: string | null } | undefined, names: Map<string, string>): AnswerState {
  if (!row) return { value: emptyValue(item), version: 0, updatedAt: null, updatedBy: null };
  return {
    value: row.value,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedById ? { id: row.updatedById, name: names.get(row.updatedById) ?? "A former member" } : null,
  };
}

/** Everything the workbook overview needs, in a handful of queries. */
export async function getWorkbook(actor: Actor, workspaceId: string) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const wb = await workbookFor(access.workspaceId);
  const db = getDb();
  const [answers, states, threads] = await Promise.all([
    db.answer.findMany({ where: { workbookId: wb.id }, select: { itemKey: true, value: true, version: true, updatedAt: true, updatedById: true } }),
    db.worksheetState.findMany({ where: { workbookId: wb.id }, select: { worksheetKey: true, status: true, updatedAt: true } }),
    db.commentThread.groupBy({ by: ["worksheetKey"], where: { workbookId: wb.id, resolvedAt: null }, _count: { _all: true } }),
  ]);
  const names = await userNames(answers.map((a) => a.updatedById));
  const answerByKey = new Map(answers.map((a) => [a.itemKey, a]));
  const statusByKey = new Map(states.map((s) => [s.worksheetKey, s.status as WorksheetStatus]));
  const openThreads = new Map(threads.map((t) => [t.worksheetKey, t._count._all]));
  return {
    access,
    workbookId: wb.id,
    template: wb.index.template,
    index: wb.index,
    answers: Object.fromEntries(
      [...wb.index.itemByKey.values()]
        .filter((e) => isAnswerable(e.item))
        .map((e) => [e.item.key, answerState(e.item, answerByKey.get(e.item.key), names)]),
    ) as Record<string, AnswerState>,
    statuses: Object.fromEntries(wb.index.worksheets.map((w) => [w.key, statusByKey.get(w.key) ?? "NOT_STARTED"])) as Record<string, WorksheetStatus>,
    openThreads: Object.fromEntries(openThreads) as Record<string, number>,
  };
}

/** The JSON of GET /api/v1/workspaces/{id}/workbook. */
export async function workbookJson(actor: Actor, workspaceId: string) {
  const wb = await getWorkbook(actor, workspaceId);
  return {
    workspace: { id: wb.access.workspace.id, name: wb.access.workspace.name, role: wb.access.role },
    template: { key: wb.template.key, version: wb.template.version, title: wb.template.title },
    sections: wb.template.sections.map((s) => ({
      key: s.key,
      title: s.title,
      discussionQuestions: s.discussionQuestions,
      worksheets: s.worksheets.map((w) => ({
        key: w.key,
        title: w.title,
        status: wb.statuses[w.key],
        frameworks: w.frameworks,
        items: w.items.map((item) => ({ ...item, answer: isAnswerable(item) ? wb.answers[item.key] : undefined })),
      })),
    })),
  };
}

export type WorksheetView = Awaited<ReturnType<typeof getWorksheetView>>;

export async function getWorksheetView(actor: Actor, workspaceId: string, worksheetKey: string) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const wb = await workbookFor(access.workspaceId);
  const ws = wb.index.worksheetByKey.get(worksheetKey);
  if (!ws) throw notFound("Worksheet");
  const db = getDb();
  const itemKeys = ws.items.filter(isAnswerable).map((i) => i.key);
  const [answers, state, members] = await Promise.all([
    db.answer.findMany({
      where: { workbookId: wb.id, itemKey: { in: itemKeys } },
      select: { itemKey: true, value: true, version: true, updatedAt: true, updatedById: true },
    }),
    db.worksheetState.findUnique({ where: { workbookId_worksheetKey: { workbookId: wb.id, worksheetKey } } }),
    db.membership.findMany({
      where: { workspaceId: access.workspaceId },
      select: { role: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  const missing = answers.map((a) => a.updatedById).filter((id) => id && !names.has(id));
  if (missing.length) for (const [k, v] of await userNames(missing)) names.set(k, v);
  const byKey = new Map(answers.map((a) => [a.itemKey, a]));
  const section = wb.index.sections.find((s) => s.key === ws.sectionKey)!;
  const prev = wb.index.worksheets[ws.index - 1];
  const next = wb.index.worksheets[ws.index + 1];
  return {
    access,
    workbookId: wb.id,
    section: { key: section.key, title: section.title },
    worksheet: ws,
    position: { index: ws.index, total: wb.index.worksheets.length },
    prev: prev ? { key: prev.key, title: prev.title } : null,
    next: next ? { key: next.key, title: next.title } : null,
    status: (state?.status ?? "NOT_STARTED") as WorksheetStatus,
    answers: Object.fromEntries(ws.items.filter(isAnswerable).map((i) => [i.key, answerState(i, byKey.get(i.key), names)])) as Record<string, AnswerState>,
    members: members.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role as Role })),
    canEdit: can(access, "worksheet.edit"),
    canSetStatus: can(access, "worksheet.status"),
    canReview: can(access, "worksheet.review"),
  };
}

type CurrentRow = { value: unknown; version: number; updatedById: string | null; updatedAt: Date };

async function conflictError(workbookId: string, itemKey: string, row?: CurrentRow | null) {
  const current =
    row ??
    (await getDb().answer.findUnique({
      where: { workbookId_itemKey: { workbookId, itemKey } },
      select: { value: true, version: true, updatedById: true, updatedAt: true },
    }));
  const names = await userNames([current?.updatedById ?? null]);
  const who = current?.updatedById ? (names.get(current.updatedById) ?? "Someone") : "Someone";
  return new AppError(
    "conflict",
    `${who} changed this answer while you were editing. Choose which version to keep.`,
    undefined,
    {
      current: {
        value: current?.value ?? null,
        version: current?.version ?? 0,
        updatedBy: current?.updatedById ? { id: current.updatedById, name: who } : null,
        updatedAt: current?.updatedAt?.toISOString() ?? null,
      },
    },
  );
}

function findItem(index: TemplateIndex, itemKey: string) {
  const entry = typeof itemKey === "string" ? index.itemByKey.get(itemKey) : undefined;
  if (!entry || !isAnswerable(entry.item)) throw new AppError("not_found", `This workbook has no answerable item “${String(itemKey).slice(0, 80)}”.`);
  return entry;
}

/**
 * Saves one answer. The write is based on `baseVersion`: if the stored version
 * has moved on, nothing is written and a 409 carries the current value and who
 * changed it. Every accepted write bumps the version and writes one revision,
 * in the same transaction.
 */
export async function saveAnswer(
  actor: Actor,
  workspaceId: string,
  itemKey: string,
  input: unknown,
  opts: { restoredFromId?: bigint; access?: Access; audit?: { action: string; data?: Record<string, unknown> } } = {},
) {
  const access = opts.access ?? (await authorize(actor, workspaceId, "worksheet.edit"));
  const { value, baseVersion } = parseInput(saveAnswerSchema, input);
  const wb = await workbookFor(access.workspaceId);
  const { item, worksheetKey } = findItem(wb.index, itemKey);
  const checked = validateAnswer(item, value);
  if (!checked.ok) {
    throw new AppError("validation_failed", checked.issues[0]?.message ?? "The answer does not fit this question.", checked.issues);
  }
  const newValue = JSON.stringify(checked.value);
  const userId = access.actor.userId;
  try {
    const result = await getDb().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<CurrentRow[]>`
        SELECT value, version, "updatedById", "updatedAt" FROM "Answer"
        WHERE "workbookId" = ${wb.id} AND "itemKey" = ${itemKey} FOR UPDATE`;
      const current = rows[0];
      // Built after the transaction: looking up names here would need a second
      // pool connection while this one is held, and many conflicting saves at
      // once would then exhaust the pool.
      if ((current?.version ?? 0) !== baseVersion) return { conflict: current ?? null } as const;
      const version = baseVersion + 1;
      const updatedAt = new Date();
      const event = JSON.stringify({
        itemKey,
        worksheetKey,
        version,
        value: checked.value,
        updatedBy: { id: userId, name: access.actor.name },
        updatedAt: updatedAt.toISOString(),
      });
      // The row is locked and its version checked: the rest of the save is one
      // statement. A first answer is inserted unless a concurrent first answer
      // won (then nothing is written and the save is a conflict). The answer,
      // its revision, the worksheet's move from "not started" to "in progress"
      // (only a worksheet in that state is touched, so no lock is taken on it
      // otherwise) and the live event are written together; the NOTIFY is
      // delivered when the transaction commits. (PostgreSQL runs every
      // data-modifying step of a WITH exactly once, referenced or not.)
      const writeAnswer = current
        ? Prisma.sql`UPDATE "Answer" SET value = ${newValue}::jsonb, version = ${version}, "updatedById" = ${userId}, "updatedAt" = ${updatedAt}
            WHERE "workbookId" = ${wb.id} AND "itemKey" = ${itemKey} RETURNING version`
        : Prisma.sql`INSERT INTO "Answer" (id, "workbookId", "worksheetKey", "itemKey", value, version, "updatedById", "updatedAt")
            VALUES (${randomUUID()}, ${wb.id}, ${worksheetKey}, ${itemKey}, ${newValue}::jsonb, ${version}, ${userId}, ${updatedAt})
            ON CONFLICT ("workbookId", "itemKey") DO NOTHING RETURNING version`;
      const [saved] = await tx.$queryRaw<{ saved: number | null; moved: number }[]>`
        WITH ans AS (${writeAnswer}),
        rev AS (
          INSERT INTO "AnswerRevision" ("workbookId", "worksheetKey", "itemKey", version, "oldValue", "newValue", "actorId", "restoredFromId", "createdAt")
          SELECT ${wb.id}, ${worksheetKey}, ${itemKey}, ${version}, ${current ? JSON.stringify(current.value) : null}::jsonb,
                 ${newValue}::jsonb, ${userId}, ${opts.restoredFromId ?? null}::bigint, ${updatedAt} FROM ans
          RETURNING id
        ),
        new_state AS (
          INSERT INTO "WorksheetState" (id, "workbookId", "worksheetKey", status, "updatedById", "updatedAt")
          SELECT ${randomUUID()}, ${wb.id}, ${worksheetKey}, 'IN_PROGRESS'::"WorksheetStatus", ${userId}, ${updatedAt} FROM ans
          ON CONFLICT ("workbookId", "worksheetKey") DO NOTHING
          RETURNING "worksheetKey"
        ),
        started AS (
          UPDATE "WorksheetState" SET status = 'IN_PROGRESS', "updatedById" = ${userId}, "updatedAt" = ${updatedAt}
          WHERE "workbookId" = ${wb.id} AND "worksheetKey" = ${worksheetKey} AND status = 'NOT_STARTED' AND EXISTS (SELECT 1 FROM ans)
          RETURNING "worksheetKey"
        ),
        moved AS (SELECT "worksheetKey" FROM new_state UNION ALL SELECT "worksheetKey" FROM started),
        logged AS (
          INSERT INTO "WorksheetStatusChange" ("workbookId", "worksheetKey", "fromStatus", "toStatus", "actorId", "createdAt")
          SELECT ${wb.id}, ${worksheetKey}, 'NOT_STARTED'::"WorksheetStatus", 'IN_PROGRESS'::"WorksheetStatus", ${userId}, ${updatedAt} FROM moved
          RETURNING id
        ),
        ev AS (
          INSERT INTO "LiveEvent" ("workspaceId", type, payload)
          SELECT ${access.workspaceId}, 'answer.saved',
                 ${event}::jsonb || CASE WHEN EXISTS (SELECT 1 FROM moved) THEN '{"status":"IN_PROGRESS"}'::jsonb ELSE '{}'::jsonb END
          FROM ans
          RETURNING id
        )
        SELECT (SELECT version FROM ans) AS saved,
               (SELECT count(*) FROM moved)::int AS moved,
               (SELECT count(*) FROM (SELECT pg_notify(${LIVE_CHANNEL}, json_build_object('id', ev.id, 'w', ${access.workspaceId}::text, 't', 'answer.saved')::text) FROM ev) n)::int AS notified`;
      if (!saved || saved.saved === null) return { conflict: null, raced: true } as const;
      if (opts.audit) {
        await audit(tx, {
          workspaceId: access.workspaceId,
          actorId: userId,
          action: opts.audit.action,
          targetType: "answer",
          targetId: itemKey,
          data: { worksheetKey, version, ...opts.audit.data },
        });
      }
      return { version, updatedAt: updatedAt.toISOString(), worksheetKey };
    });
    if ("conflict" in result) throw await conflictError(wb.id, itemKey, result.conflict ?? undefined);
    return result;
  } catch (err) {
    // Two first writes raced: the loser sees the winner's value. Only a unique
    // violation means that; any other failed query is a real error, not a conflict.
    if (isUniqueViolation(err)) throw await conflictError(wb.id, itemKey);
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: unknown; meta?: { code?: string; driverAdapterError?: { cause?: { code?: string; originalCode?: string } } } };
  const cause = e?.meta?.driverAdapterError?.cause;
  return (
    e?.code === "P2002" ||
    e?.meta?.code === "23505" ||
    cause?.originalCode === "23505" ||
    cause?.code === "23505" ||
    /duplicate key value violates unique constraint/i.test(String(e?.message ?? ""))
  );
}

export async function setWorksheetStatus(actor: Actor, workspaceId: string, worksheetKey: string, input: unknown) {
  const { status } = parseInput(statusSchema, input);
  const access = await authorize(actor, workspaceId, status === "COMPLETE" ? "worksheet.review" : "worksheet.status");
  const wb = await workbookFor(access.workspaceId);
  if (!wb.index.worksheetByKey.has(worksheetKey)) throw notFound("Worksheet");
  return getDb().$transaction(async (tx) => {
    const existing = await tx.worksheetState.findUnique({ where: { workbookId_worksheetKey: { workbookId: wb.id, worksheetKey } } });
    const from = (existing?.status ?? "NOT_STARTED") as WorksheetStatus;
    if (from === "COMPLETE" && status !== "COMPLETE" && !can(access, "worksheet.review")) {
      throw new AppError("forbidden", "Only a coordinator can reopen a completed worksheet.");
    }
    if (from === status) return { status, changed: false };
    await tx.worksheetState.upsert({
      where: { workbookId_worksheetKey: { workbookId: wb.id, worksheetKey } },
      create: { workbookId: wb.id, worksheetKey, status, updatedById: access.actor.userId },
      update: { status, updatedById: access.actor.userId, updatedAt: new Date() },
    });
    await tx.worksheetStatusChange.create({ data: { workbookId: wb.id, worksheetKey, fromStatus: from, toStatus: status, actorId: access.actor.userId } });
    await audit(tx, {
      workspaceId: access.workspaceId,
      actorId: access.actor.userId,
      action: "worksheet.status_changed",
      targetType: "worksheet",
      targetId: worksheetKey,
      data: { from, to: status },
    });
    await publish(tx, access.workspaceId, "worksheet.status", { worksheetKey, status, by: { id: access.actor.userId, name: access.actor.name } });
    return { status, changed: true };
  });
}
