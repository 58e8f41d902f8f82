import "server-only";
import { calcItems, evaluateCalculated } from "@/lib/calc/workbook";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { templateIndex } from "@/lib/workbook/templates";
import type { ExportMember, ExportModel, ExportThread, WorksheetStatus } from "./model";
import { parseExportQuery, selectWorksheets, type ExportOptions } from "./options";
import { dayKey } from "./pdf/theme";
import { progressSummary } from "./progress";
import { renderPdf } from "./worker-pool";

/**
 * `GET /api/v1/workspaces/{id}/export.pdf`: checks the query and the
 * caller's access, loads the workbook in a handful of queries, and renders
 * the PDF in a worker thread (see ./worker-pool.ts).
 *
 * Errors: 400 for a bad query (naming the parameter) or unknown section or
 * worksheet keys; 404 when the caller is not a member; 403 when the role
 * lacks `export.create`.
 */
export async function exportPdf(
  actor: Actor | null | undefined,
  workspaceId: string,
  rawQuery: Record<string, string | undefined>,
  opts: { now?: Date; timeZone?: string } = {},
): Promise<{ filename: string; body: Buffer }> {
  // Access first: a non-member learns nothing, not even whether the query was valid.
  const access = await authorize(actor, workspaceId, "export.create");
  const options = parseExportQuery(rawQuery);
  const model = await loadExportModel(access.workspaceId, access.workspace, options, opts);
  const body = await renderPdf(model);
  return { filename: exportFilename(model), body };
}

/** Loads everything an export shows, scoped to one (already authorized) workspace. */
export async function loadExportModel(
  workspaceId: string,
  workspace: { name: string; jurisdiction: string; population: number | null },
  options: ExportOptions,
  opts: { now?: Date; timeZone?: string } = {},
): Promise<ExportModel> {
  const db = getDb();
  const workbook = await db.workbook.findUnique({
    where: { workspaceId },
    select: { id: true, templateKey: true, templateVersion: true },
  });
  if (!workbook) throw notFound("Workbook");
  const index = templateIndex(workbook.templateKey, workbook.templateVersion);
  if (!index) {
    throw new AppError("internal", `This workbook uses template ${workbook.templateKey} version ${workbook.templateVersion}, which this server does not have.`);
  }
  // Throws a 400 for unknown keys before any further query.
  const worksheetKeys = selectWorksheets(options, index);

  const [answers, states, memberships, threads] = await Promise.all([
    db.answer.findMany({ where: { workbookId: workbook.id }, select: { itemKey: true, value: true } }),
    db.worksheetState.findMany({ where: { workbookId: workbook.id }, select: { worksheetKey: true, status: true } }),
    db.membership.findMany({
      where: { workspaceId },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    options.includeComments && options.kind !== "blank"
      ? db.commentThread.findMany({
          where: { workbookId: workbook.id, resolvedAt: null, worksheetKey: { in: worksheetKeys } },
          select: {
            id: true,
            worksheetKey: true,
            itemKey: true,
            createdAt: true,
            comments: {
              where: { deletedAt: null },
              orderBy: { createdAt: "asc" },
              select: { authorId: true, body: true, createdAt: true },
            },
          },
          orderBy: { createdAt: "asc" },
        })
      : Promise.resolve([]),
  ]);

  const members: ExportMember[] = memberships.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, role: m.role }));
  const names = new Map(members.map((m) => [m.id, m.name]));
  // Comment authors who have left the team: one more query, only when needed.
  const missing = [...new Set(threads.flatMap((t) => t.comments.map((c) => c.authorId)).filter((id): id is string => !!id && !names.has(id)))];
  if (missing.length > 0) {
    const users = await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } });
    for (const u of users) names.set(u.id, u.name);
  }

  const answerMap = new Map(answers.map((a) => [a.itemKey, a.value as unknown]));
  const statusMap = new Map(states.map((s) => [s.worksheetKey, s.status as WorksheetStatus]));
  const exportThreads: ExportThread[] = threads
    .map((t) => ({
      id: t.id,
      worksheetKey: t.worksheetKey,
      itemKey: t.itemKey,
      createdAt: t.createdAt,
      comments: t.comments.map((c) => ({
        authorName: (c.authorId && names.get(c.authorId)) || "Former team member",
        body: c.body,
        createdAt: c.createdAt,
      })),
    }))
    .filter((t) => t.comments.length > 0);

  return {
    workspace: { name: workspace.name, jurisdiction: workspace.jurisdiction, population: workspace.population },
    template: index.template,
    // Calculated results are worked out from the answers, as on the worksheet.
    answers: { ...Object.fromEntries(answerMap), ...calculatedAnswers(index, answerMap) },
    statuses: Object.fromEntries(statusMap),
    members,
    threads: exportThreads,
    progress: options.includeProgress ? progressSummary(index, answerMap, statusMap) : undefined,
    exportedAt: opts.now ?? new Date(),
    worksheetKeys,
    options,
    timeZone: opts.timeZone,
  };
}

/** "demo-county-2026-11-23.pdf"; packets, selections and blank forms say so. */
export function exportFilename(model: Pick<ExportModel, "workspace" | "exportedAt" | "options" | "timeZone">): string {
  const slug =
    model.workspace.name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "workbook";
  const suffix = { workbook: "", selection: "-selection", packet: "-meeting-packet", blank: "-blank-worksheets" }[model.options.kind];
  const date = model.options.kind === "packet" && model.options.packet ? model.options.packet.date : dayKey(model.exportedAt, model.timeZone);
  return `${slug}${suffix}-${date}.pdf`;
}

function calculatedAnswers(index: { worksheets: Parameters<typeof calcItems>[0] }, answers: Map<string, unknown>) {
  return Object.fromEntries(evaluateCalculated(calcItems(index.worksheets), (k) => answers.get(k)).map((v) => [v.itemKey, v]));
}
