import "server-only";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { audit } from "@/lib/audit/log";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { summarizeValue } from "@/lib/history/summary";
import { publish } from "@/lib/live/publish";
import { Prisma } from "@/lib/db/generated/client";
import { forgetWorkbook, workbookFor } from "./service";
import { indexTemplate, type Template } from "./template-schema";
import { getTemplate, templateIndex, TEMPLATES } from "./templates";
import { planUpgrade, type UpgradePlan, type WorksheetChange } from "./upgrade-plan";

/**
 * Moving a plan's workbook to a newer version of its template. The coordinator
 * first sees what changes; the upgrade then runs in one transaction: answers
 * whose question remains are kept (with their history, comments and
 * assignments, which are keyed by item and worksheet), answers to removed
 * questions move to the archive, and the workbook records its new version.
 */

export const upgradeInputSchema = z.strictObject({
  fromVersion: z.number({ message: "Send the version you are upgrading from" }).int().min(1),
  toVersion: z.number({ message: "Send the version to upgrade to" }).int().min(1),
});
export type UpgradeInput = z.infer<typeof upgradeInputSchema>;

export type UpgradePreview = {
  templateKey: string;
  title: string;
  currentVersion: number;
  latestVersion: number;
  available: boolean;
  worksheets: WorksheetChange[];
  /** Answered questions whose answers would move to the archive. */
  archivedAnswers: { itemKey: string; label: string; worksheetTitle: string }[];
  keptAnswers: number;
};

export async function upgradePreview(actor: Actor, workspaceId: string): Promise<UpgradePreview> {
  const access = await authorize(actor, workspaceId, "workbook.upgrade");
  const wb = await workbookFor(access.workspaceId);
  const latest = TEMPLATES[wb.templateKey];
  const current = wb.index.template;
  const base = {
    templateKey: wb.templateKey,
    title: latest?.title ?? current.title,
    currentVersion: wb.templateVersion,
    latestVersion: latest?.version ?? wb.templateVersion,
  };
  if (!latest || latest.version <= wb.templateVersion) {
    return { ...base, available: false, worksheets: [], archivedAnswers: [], keptAnswers: 0 };
  }
  const plan = planUpgrade(current, latest);
  const answered = await getDb().answer.findMany({ where: { workbookId: wb.id }, select: { itemKey: true } });
  const archivedAnswers = answered
    .filter((a) => plan.archived.has(a.itemKey))
    .map((a) => {
      const entry = wb.index.itemByKey.get(a.itemKey);
      return { itemKey: a.itemKey, label: entry?.item.label ?? a.itemKey, worksheetTitle: (entry && wb.index.worksheetByKey.get(entry.worksheetKey)?.title) ?? "" };
    });
  return { ...base, available: true, worksheets: plan.worksheets, archivedAnswers, keptAnswers: answered.length - archivedAnswers.length };
}

/**
 * The upgrade itself, inside the caller's transaction. Exported for tests,
 * which run it between fixture templates.
 */
export async function applyUpgrade(
  tx: Tx,
  args: { workbookId: string; workspaceId: string; from: Template; to: Template; actorId: string | null },
): Promise<{ plan: UpgradePlan; archived: number; moved: number }> {
  const plan = planUpgrade(args.from, args.to);
  const rows = await tx.$queryRaw<{ templateVersion: number }[]>`
    SELECT "templateVersion" FROM "Workbook" WHERE id = ${args.workbookId} FOR UPDATE`;
  if (!rows[0]) throw notFound("Workbook");
  if (rows[0].templateVersion !== args.from.version) {
    throw new AppError("conflict", `This plan is already on version ${rows[0].templateVersion} of the workbook. Reload to see it.`);
  }
  const archivedKeys = [...plan.archived];
  let archived = 0;
  if (archivedKeys.length) {
    archived = await tx.$executeRaw`
      WITH gone AS (
        DELETE FROM "Answer" WHERE "workbookId" = ${args.workbookId} AND "itemKey" IN (${Prisma.join(archivedKeys)})
        RETURNING "workbookId", "worksheetKey", "itemKey", value, version, "updatedById", "updatedAt"
      )
      INSERT INTO "ArchivedAnswer" (id, "workbookId", "worksheetKey", "itemKey", "templateVersion", value, version, "updatedById", "updatedAt", "archivedById")
      SELECT gen_random_uuid()::text, "workbookId", "worksheetKey", "itemKey", ${args.from.version}, value, version, "updatedById", "updatedAt", ${args.actorId}
      FROM gone`;
  }
  // Kept answers whose question moved to another worksheet follow it, with their history.
  const fromIndex = indexTemplate(args.from);
  let moved = 0;
  for (const [itemKey, worksheetKey] of plan.kept) {
    if (fromIndex.itemByKey.get(itemKey)?.worksheetKey === worksheetKey) continue;
    moved += await tx.$executeRaw`UPDATE "Answer" SET "worksheetKey" = ${worksheetKey} WHERE "workbookId" = ${args.workbookId} AND "itemKey" = ${itemKey}`;
    await tx.$executeRaw`UPDATE "AnswerRevision" SET "worksheetKey" = ${worksheetKey} WHERE "workbookId" = ${args.workbookId} AND "itemKey" = ${itemKey}`;
  }
  await tx.$executeRaw`UPDATE "Workbook" SET "templateVersion" = ${args.to.version} WHERE id = ${args.workbookId}`;
  await audit(tx, {
    workspaceId: args.workspaceId,
    actorId: args.actorId,
    action: "workbook.upgraded",
    targetType: "workbook",
    targetId: args.workbookId,
    data: { templateKey: args.to.key, fromVersion: args.from.version, toVersion: args.to.version, archived, moved },
  });
  await publish(tx, args.workspaceId, "workbook.upgraded", { fromVersion: args.from.version, toVersion: args.to.version });
  return { plan, archived, moved };
}

export async function upgradeWorkbook(actor: Actor, workspaceId: string, input: UpgradeInput) {
  const access = await authorize(actor, workspaceId, "workbook.upgrade");
  const wb = await workbookFor(access.workspaceId);
  const from = getTemplate(wb.templateKey, input.fromVersion);
  const to = getTemplate(wb.templateKey, input.toVersion);
  if (!from || !to) throw new AppError("validation_failed", "That version of the workbook does not exist.");
  if (to.version <= from.version) throw new AppError("validation_failed", "A plan can only move to a newer version of its workbook.");
  const result = await getDb().$transaction((tx) =>
    applyUpgrade(tx, { workbookId: wb.id, workspaceId: access.workspaceId, from, to, actorId: actor.userId }),
  );
  forgetWorkbook(access.workspaceId);
  return { templateKey: to.key, version: to.version, archived: result.archived, moved: result.moved };
}

export type ArchivedAnswerView = {
  id: string;
  itemKey: string;
  label: string;
  worksheetTitle: string;
  templateVersion: number;
  value: unknown;
  summary: string;
  updatedAt: string;
  archivedAt: string;
};

export async function archivedAnswers(actor: Actor, workspaceId: string): Promise<ArchivedAnswerView[]> {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const wb = await workbookFor(access.workspaceId);
  const rows = await getDb().archivedAnswer.findMany({ where: { workbookId: wb.id }, orderBy: [{ archivedAt: "desc" }, { itemKey: "asc" }] });
  return rows.map((r) => {
    const old = templateIndex(wb.templateKey, r.templateVersion);
    const entry = old?.itemByKey.get(r.itemKey);
    const worksheet = entry ? old?.worksheetByKey.get(entry.worksheetKey) : undefined;
    return {
      id: r.id,
      itemKey: r.itemKey,
      label: entry?.item.label ?? r.itemKey,
      worksheetTitle: worksheet?.title ?? r.worksheetKey,
      templateVersion: r.templateVersion,
      value: r.value,
      summary: entry ? summarizeValue(entry.item, r.value) : JSON.stringify(r.value).slice(0, 200),
      updatedAt: r.updatedAt.toISOString(),
      archivedAt: r.archivedAt.toISOString(),
    };
  });
}

export function parseUpgradeInput(input: unknown): UpgradeInput {
  return parseInput(upgradeInputSchema, input);
}
