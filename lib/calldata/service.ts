import "server-only";
import { authorize, type Access, type Actor } from "@/lib/auth/authorize";
import { audit } from "@/lib/audit/log";
import { getDb } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { publish } from "@/lib/live/publish";
import { saveAnswer, workbookFor } from "@/lib/workbook/service";
import { deriveCallData, callDataSummary, type CallData, type RawAggregates, type SavedMapping } from "./aggregate";
import { CATEGORIES, type Category, type Tier } from "./categories";
import { detectColumns, type ColumnMapping } from "./columns";
import { CallDataError } from "./errors";
import { aggregate, analyze, type AggregateResult } from "./pipeline";
import { openTable } from "./read";
import { analyzeRequestSchema, callTypeMappingSchema, callTypesRequestSchema, importOptionsSchema, importUploadSchema } from "./schemas";
import { receiveMultipart } from "./multipart";
import { discardUpload, maxUploadBytes, receiveUpload, tooLarge, uploadPath } from "./uploads";

/**
 * Importing 911 call data: upload → analyse (columns, 20-row preview) →
 * call types with counts → import. Only aggregates are stored; the uploaded
 * file is deleted when its import ends or fails.
 */

export const CALLS_SERIES_ITEM = "calls.by-type";

async function savedMapping(workspaceId: string): Promise<SavedMapping> {
  const rows = await getDb().callTypeMapping.findMany({ where: { workspaceId }, select: { code: true, category: true, tier: true } });
  return Object.fromEntries(rows.map((r) => [r.code, { category: r.category as Category, tier: r.tier as Tier }]));
}

/** Step 1: receive the file into a temporary upload and describe it. */
export async function uploadCallFile(actor: Actor, workspaceId: string, body: ReadableStream<Uint8Array> | null, declaredBytes?: number) {
  const access = await authorize(actor, workspaceId, "calldata.import");
  const upload = await receiveUpload(access.workspaceId, body, declaredBytes);
  try {
    return { uploadId: upload.uploadId, bytes: upload.bytes, ...(await analyzePath(upload.path)) };
  } catch (e) {
    await discardUpload(access.workspaceId, upload.uploadId);
    throw e;
  }
}

async function analyzePath(path: string, sheet?: string) {
  const table = await openTable(path, { sheet });
  try {
    return { analysis: await analyze(table.info, table.rows) };
  } finally {
    await table.close();
  }
}

/** Step 1b: the same description for another sheet of a workbook. */
export async function analyzeUpload(actor: Actor, workspaceId: string, uploadId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "calldata.import");
  const { sheet } = parseInput(analyzeRequestSchema, input);
  const upload = await uploadPath(access.workspaceId, uploadId);
  return { uploadId, bytes: upload.bytes, ...(await analyzePath(upload.path, sheet)) };
}

async function aggregateFile(path: string, sheet: string | undefined, columns: ColumnMapping | undefined) {
  const table = await openTable(path, { sheet });
  try {
    const mapping = columns ?? detectColumns(table.info.headers);
    const result = await aggregate(table.info, table.rows, mapping);
    return { info: table.info, mapping, result };
  } finally {
    await table.close();
  }
}

/** Step 2: every call type in the file with its count and its current or suggested classification. */
export async function previewCallTypes(actor: Actor, workspaceId: string, uploadId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "calldata.import");
  const { columns, sheet } = parseInput(callTypesRequestSchema, input);
  const upload = await uploadPath(access.workspaceId, uploadId);
  const { result } = await aggregateFile(upload.path, sheet, columns);
  const data = deriveCallData(result.raw, await savedMapping(access.workspaceId));
  return { ...counts(result), callTypes: data.callTypes };
}

function counts(r: AggregateResult) {
  return {
    rowsRead: r.rowsRead,
    rowsUsed: r.rowsUsed,
    rowsSkipped: r.rowsSkipped,
    skipped: r.skipped,
    timeFormats: r.timeFormats,
    firstCallAt: r.raw.firstCallAt,
    lastCallAt: r.raw.lastCallAt,
  };
}

export type ImportSummary = Awaited<ReturnType<typeof importFile>>;

/** Step 3: read the whole file, store the aggregates, delete the file. */
export async function importUpload(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "calldata.import");
  const opts = parseInput(importUploadSchema, input);
  const upload = await uploadPath(access.workspaceId, opts.uploadId);
  try {
    return await importFile(access, upload.path, opts.fileName, opts);
  } finally {
    await discardUpload(access.workspaceId, opts.uploadId);
  }
}

/** The one-shot API with multipart/form-data: a "file" part and an optional JSON "mapping" part. */
export async function importMultipart(actor: Actor, workspaceId: string, req: Request) {
  const access = await authorize(actor, workspaceId, "calldata.import");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxUploadBytes() + 1024 * 1024) throw tooLarge();
  const { uploadId, fileName, options } = await receiveMultipart(access.workspaceId, req);
  try {
    const opts = parseInput(importOptionsSchema, options ?? {});
    const upload = await uploadPath(access.workspaceId, uploadId);
    return await importFile(access, upload.path, fileName, opts);
  } finally {
    await discardUpload(access.workspaceId, uploadId);
  }
}

/** The one-shot API: a file body plus optional options; the file is gone when this returns. */
export async function importCallFile(actor: Actor, workspaceId: string, body: ReadableStream<Uint8Array> | NodeJS.ReadableStream | null, fileName: string, options: unknown, declaredBytes?: number) {
  const access = await authorize(actor, workspaceId, "calldata.import");
  const opts = parseInput(importOptionsSchema, options ?? {});
  const upload = await receiveUpload(access.workspaceId, body as ReadableStream<Uint8Array>, declaredBytes);
  try {
    return await importFile(access, upload.path, fileName.slice(0, 255) || "upload.csv", opts);
  } finally {
    await discardUpload(access.workspaceId, upload.uploadId);
  }
}

async function importFile(
  access: Access,
  path: string,
  fileName: string,
  opts: { columns?: ColumnMapping; callTypes?: { code: string; category: Category; tier: Tier }[]; sheet?: string; fillWorksheet?: boolean },
) {
  const { info, mapping, result } = await aggregateFile(path, opts.sheet, opts.columns);
  const raw = result.raw;
  const known = new Set(raw.codes.map((c) => c.code));
  const confirmed = (opts.callTypes ?? []).filter((c) => known.has(c.code));
  const descriptions = new Map(raw.codes.map((c) => [c.code, c.description]));
  const workspaceId = access.workspaceId;
  const who = access.actor;
  const created = await getDb().$transaction(async (tx) => {
    const imp = await tx.callImport.create({
      data: {
        workspaceId,
        fileName,
        format: info.format,
        sheet: info.sheet,
        rowsRead: result.rowsRead,
        rowsUsed: result.rowsUsed,
        rowsSkipped: result.rowsSkipped,
        skipped: result.skipped,
        columns: mapping,
        firstCallAt: raw.firstCallAt ? new Date(`${raw.firstCallAt.replace(" ", "T")}:00Z`) : null,
        lastCallAt: raw.lastCallAt ? new Date(`${raw.lastCallAt.replace(" ", "T")}:00Z`) : null,
        importedById: who.userId,
        importedByName: who.name,
      },
    });
    await tx.callData.upsert({
      where: { workspaceId },
      create: { workspaceId, importId: imp.id, aggregates: raw as never },
      update: { importId: imp.id, aggregates: raw as never },
    });
    for (const c of confirmed) {
      const data = { category: c.category, tier: c.tier, description: descriptions.get(c.code) ?? null, updatedById: who.userId };
      await tx.callTypeMapping.upsert({ where: { workspaceId_code: { workspaceId, code: c.code } }, create: { workspaceId, code: c.code, ...data }, update: data });
    }
    await audit(tx, { workspaceId, actorId: who.userId, action: "calldata.imported", targetType: "call_import", targetId: imp.id, data: { fileName, rowsUsed: result.rowsUsed } });
    await publish(tx, workspaceId, "calldata.changed", { importId: imp.id, change: "imported", by: { id: who.userId, name: who.name } });
    return imp;
  });
  const data = deriveCallData(raw, await savedMapping(workspaceId));
  const filled = opts.fillWorksheet === false ? false : await fillWorksheet(access, data);
  return {
    import: importJson(created),
    ...counts(result),
    durationsDropped: result.durationsDropped,
    columns: mapping,
    newCallTypes: data.callTypes.filter((c) => c.isNew).map((c) => c.code),
    worksheetFilled: filled,
  };
}

type ImportRow = {
  id: string;
  fileName: string;
  format: string;
  sheet: string | null;
  rowsRead: number;
  rowsUsed: number;
  rowsSkipped: number;
  skipped: unknown;
  columns: unknown;
  firstCallAt: Date | null;
  lastCallAt: Date | null;
  importedByName: string;
  importedById: string | null;
  createdAt: Date;
};

function importJson(r: ImportRow) {
  return {
    id: r.id,
    fileName: r.fileName,
    format: r.format,
    sheet: r.sheet,
    rowsRead: r.rowsRead,
    rowsUsed: r.rowsUsed,
    rowsSkipped: r.rowsSkipped,
    skipped: r.skipped as Record<string, number>,
    columns: r.columns as ColumnMapping,
    firstCallAt: r.firstCallAt?.toISOString().slice(0, 16).replace("T", " ") ?? null,
    lastCallAt: r.lastCallAt?.toISOString().slice(0, 16).replace("T", " ") ?? null,
    importedBy: { id: r.importedById, name: r.importedByName },
    createdAt: r.createdAt.toISOString(),
  };
}
export type CallImportJson = ReturnType<typeof importJson>;

export async function listImports(actor: Actor, workspaceId: string) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const [rows, current] = await Promise.all([
    getDb().callImport.findMany({ where: { workspaceId: access.workspaceId }, orderBy: { createdAt: "desc" }, take: 100 }),
    getDb().callData.findUnique({ where: { workspaceId: access.workspaceId }, select: { importId: true } }),
  ]);
  return { imports: rows.map((r) => ({ ...importJson(r), current: r.id === current?.importId })) };
}

/** The plan's call data by category and tier, derived with its current mapping; null before any import. */
export async function loadCallData(workspaceId: string): Promise<{ import: CallImportJson; data: CallData } | null> {
  const row = await getDb().callData.findUnique({ where: { workspaceId }, include: { import: true } });
  if (!row) return null;
  const data = deriveCallData(row.aggregates as unknown as RawAggregates, await savedMapping(workspaceId));
  return { import: importJson(row.import), data };
}

export async function getCallData(actor: Actor, workspaceId: string) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const loaded = await loadCallData(access.workspaceId);
  return loaded ? { ...loaded, summary: callDataSummary(loaded.data) } : { import: null, data: null, summary: null };
}

/** Saves the team's classification of call types and re-derives the figures (no file needed). */
export async function saveCallTypeMapping(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "calldata.import");
  const entries = parseInput(callTypeMappingSchema, input);
  const who = access.actor;
  await getDb().$transaction(async (tx) => {
    for (const c of entries) {
      const data = { category: c.category, tier: c.tier, updatedById: who.userId };
      await tx.callTypeMapping.upsert({ where: { workspaceId_code: { workspaceId: access.workspaceId, code: c.code } }, create: { workspaceId: access.workspaceId, code: c.code, ...data }, update: data });
    }
    await audit(tx, { workspaceId: access.workspaceId, actorId: who.userId, action: "calldata.mapped", targetType: "call_types", data: { count: entries.length } });
    await publish(tx, access.workspaceId, "calldata.changed", { change: "mapped", by: { id: who.userId, name: who.name } });
  });
  const loaded = await loadCallData(access.workspaceId);
  if (loaded) await fillWorksheet(access, loaded.data);
  return getCallData(actor, workspaceId);
}

/**
 * Fills the worksheet's "911 calls by month and call type" series from the
 * import (the most recent months that fit). A normal, versioned answer save:
 * history shows who filled it and can restore what was there before.
 */
async function fillWorksheet(access: Access, data: CallData): Promise<boolean> {
  const wb = await workbookFor(access.workspaceId);
  const entry = wb.index.itemByKey.get(CALLS_SERIES_ITEM);
  if (!entry || entry.item.kind !== "data_series") return false;
  const item = entry.item;
  const columns = item.columns.map((c) => c.key).filter((k): k is Category => (CATEGORIES as readonly string[]).includes(k));
  const months = data.months.slice(-item.maxRows);
  const rows = months.map((month) => ({
    id: `import-${month}`,
    label: month,
    values: Object.fromEntries(columns.map((c) => [c, data.monthly.filter((r) => r.month === month && r.category === c).reduce((s, r) => s + r.calls, 0)])),
  }));
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId: wb.id, itemKey: CALLS_SERIES_ITEM } }, select: { version: true } });
    try {
      await saveAnswer(access.actor, access.workspaceId, CALLS_SERIES_ITEM, { value: { rows }, baseVersion: current?.version ?? 0 }, { access });
      return true;
    } catch (e) {
      if (e instanceof AppError && e.code === "conflict") continue;
      if (e instanceof AppError && e.code === "forbidden") return false;
      throw e;
    }
  }
  return false;
}

export { CallDataError };
