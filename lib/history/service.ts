import "server-only";
import { z } from "zod";
import { authorize, can, type Actor } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { isAnswerable } from "@/lib/workbook/template-schema";
import { saveAnswer, workbookFor } from "@/lib/workbook/service";

/**
 * The history of one answer: every accepted save is a revision (who, when,
 * the value before and after). Restoring an earlier revision saves its value
 * again through `saveAnswer`, based on the version the person is looking at,
 * so it is version-checked (409 when someone changed the answer meanwhile),
 * written as a new revision that points at the one restored, and audited.
 */
const revisionId = z.union([z.string().regex(/^\d{1,18}$/, "revisionId must be a revision's id"), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)], {
  message: "Send the id of the revision to restore as “revisionId”",
});
export const restoreSchema = z.strictObject({
  revisionId,
  baseVersion: z.number({ message: "Send the version your restore is based on as a whole number" }).int().min(0).max(2_147_483_647),
});
export const revisionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  before: z.string().regex(/^\d{1,18}$/, "before must be a revision id").optional(),
});

export type RevisionView = {
  id: string;
  version: number;
  value: unknown;
  previous: unknown;
  actor: { id: string; name: string } | null;
  createdAt: string;
  restoredFrom: { id: string; version: number | null } | null;
};

function itemOf(index: Awaited<ReturnType<typeof workbookFor>>["index"], itemKey: string) {
  const entry = typeof itemKey === "string" ? index.itemByKey.get(itemKey) : undefined;
  if (!entry || !isAnswerable(entry.item)) throw new AppError("not_found", `This workbook has no answerable item “${String(itemKey).slice(0, 80)}”.`);
  return entry;
}

export async function listRevisions(actor: Actor, workspaceId: string, itemKey: string, input: unknown = {}) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const q = parseInput(revisionsQuerySchema, input, "bad_request");
  const wb = await workbookFor(access.workspaceId);
  const { item, worksheetKey } = itemOf(wb.index, itemKey);
  const limit = q.limit ?? 50;
  const db = getDb();
  const [rows, current] = await Promise.all([
    db.answerRevision.findMany({
      where: { workbookId: wb.id, itemKey, ...(q.before ? { id: { lt: BigInt(q.before) } } : {}) },
      orderBy: { id: "desc" },
      take: limit + 1,
    }),
    db.answer.findUnique({ where: { workbookId_itemKey: { workbookId: wb.id, itemKey } }, select: { version: true } }),
  ]);
  const page = rows.slice(0, limit);
  const restoredIds = [...new Set(page.map((r) => r.restoredFromId).filter((x): x is bigint => x !== null))];
  const [users, restored] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.actorId).filter((x): x is string => Boolean(x)))] } }, select: { id: true, name: true } }),
    restoredIds.length
      ? db.answerRevision.findMany({ where: { id: { in: restoredIds }, workbookId: wb.id }, select: { id: true, version: true } })
      : Promise.resolve([]),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const versions = new Map(restored.map((r) => [r.id.toString(), r.version]));
  const revisions: RevisionView[] = page.map((r) => ({
    id: r.id.toString(),
    version: r.version,
    value: r.newValue,
    previous: r.oldValue,
    actor: r.actorId ? { id: r.actorId, name: names.get(r.actorId) ?? "A former member" } : null,
    createdAt: r.createdAt.toISOString(),
    restoredFrom: r.restoredFromId !== null ? { id: r.restoredFromId.toString(), version: versions.get(r.restoredFromId.toString()) ?? null } : null,
  }));
  return {
    item: { key: item.key, label: item.label, kind: item.kind, worksheetKey },
    currentVersion: current?.version ?? 0,
    revisions,
    nextBefore: rows.length > limit ? page.at(-1)!.id.toString() : null,
    canRestore: can(access, "worksheet.edit"),
  };
}

export async function restoreRevision(actor: Actor, workspaceId: string, itemKey: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "worksheet.edit");
  const data = parseInput(restoreSchema, input);
  const wb = await workbookFor(access.workspaceId);
  const { worksheetKey } = itemOf(wb.index, itemKey);
  const rev = await getDb().answerRevision.findFirst({ where: { id: BigInt(data.revisionId), workbookId: wb.id, itemKey } });
  if (!rev) throw notFound("That revision");
  if (rev.newValue === null) throw new AppError("validation_failed", "This revision has no value to restore.");
  // The restore and its audit entry commit in the same transaction as the new revision.
  const saved = await saveAnswer(
    actor,
    workspaceId,
    itemKey,
    { value: rev.newValue, baseVersion: data.baseVersion },
    {
      restoredFromId: rev.id,
      access,
      audit: { action: "answer.restored", data: { worksheetKey, revisionId: rev.id.toString(), restoredVersion: rev.version } },
    },
  );
  return { version: saved.version, updatedAt: saved.updatedAt, value: rev.newValue, restoredFrom: { id: rev.id.toString(), version: rev.version } };
}
