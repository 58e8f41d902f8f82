import "server-only";
import { z } from "zod";
import { authorize, can, type Access, type Actor } from "@/lib/auth/authorize";
import type { Role } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { getDb, getPool } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { publish } from "@/lib/live/publish";
import { calcItems, calculationJson, externalInputKeys } from "@/lib/calc/workbook";
import { emptyValue, validateAnswer } from "./answer-schemas";
import { itemModule } from "@/lib/items/registry";
import { saveStatement } from "./save-sql";
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
  const calc = calculationJson(calcItems(wb.index.worksheets), (k) => wb.answers[k]?.value);
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
        items: w.items.map((item) => ({ ...item, answer: isAnswerable(item) ? wb.answers[item.key] : undefined, ...calc.get(item.key) })),
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
  // Answers on other worksheets that this worksheet's calculations read.
  const allCalc = calcItems(wb.index.worksheets);
  const externalKeys = externalInputKeys(allCalc, worksheetKey);
  const external = externalKeys.length
    ? await db.answer.findMany({ where: { workbookId: wb.id, itemKey: { in: externalKeys } }, select: { itemKey: true, value: true } })
    : [];
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
    calc: {
      /** This worksheet's items and those it reads elsewhere, as the calculations see them. */
      items: [...allCalc.values()].filter((i) => i.worksheetKey === worksheetKey || externalKeys.includes(i.key)),
      /** The saved answers of the items it reads on other worksheets. */
      external: Object.fromEntries(external.map((a) => [a.itemKey, a.value])) as Record<string, unknown>,
    },
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
  const readOnly = entry ? itemModule(entry.item).readOnlyReason : undefined;
  if (readOnly) throw new AppError("validation_failed", readOnly);
  if (!entry || !isAnswerable(entry.item)) throw new AppError("not_found", `This workbook has no answerable item “${String(itemKey).slice(0, 80)}”.`);
  return entry;
}

/**
 * Saves one answer. The write is based on `baseVersion`: if the stored version
 * has moved on, nothing is written and a 409 carries the current value and who
 * changed it. Every accepted write bumps the version and writes one revision
 * and one live event, in the same transaction (one statement, see above).
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
  const version = baseVersion + 1;
  const updatedAt = new Date().toISOString();
  const event = JSON.stringify({
    itemKey,
    worksheetKey,
    version,
    value: checked.value,
    updatedBy: { id: userId, name: access.actor.name },
    updatedAt,
  });
  const { rows } = await getPool().query<{ saved: number | null }>(
    saveStatement({
      workbookId: wb.id,
      workspaceId: access.workspaceId,
      worksheetKey,
      itemKey,
      newValue,
      baseVersion,
      userId,
      updatedAt,
      event,
      restoredFromId: opts.restoredFromId?.toString() ?? null,
      audit: opts.audit ? { action: opts.audit.action, data: JSON.stringify({ worksheetKey, version, ...opts.audit.data }) } : null,
    }),
  );
  if (rows[0]?.saved == null) throw await conflictError(wb.id, itemKey);
  return { version, updatedAt, worksheetKey };
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
