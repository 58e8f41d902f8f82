import { z } from "zod";
import { NextResponse, type NextRequest } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { importCallFile, importMultipart, importUpload, listImports } from "@/lib/calldata/service";

export const runtime = "nodejs";

/** GET: the plan's imports, newest first; `current` marks the one whose aggregates are in use. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listImports(actor, params.id));

const FILE_TYPES = ["text/csv", "application/csv", "text/plain", "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

function fileNameOf(req: NextRequest) {
  const q = req.nextUrl.searchParams.get("fileName");
  if (q) return q;
  const cd = req.headers.get("content-disposition") ?? "";
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
  return m ? decodeURIComponent(m[1]) : "upload.csv";
}

/**
 * POST: import a CAD export and return the import's summary.
 * - `text/csv` (or an .xlsx / octet-stream) body: the file; `?fileName=`, `?sheet=`, and `?options=` (JSON: columns, callTypes, fillWorksheet).
 * - `multipart/form-data`: a "file" part and an optional JSON "mapping" part with the same options.
 * - `application/json` `{uploadId, fileName, columns?, callTypes?, sheet?, fillWorksheet?}`: import an earlier upload.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  let summary;
  if (type === "multipart/form-data") {
    summary = await importMultipart(actor, params.id, req);
  } else if (type === "application/json") {
    summary = await importUpload(actor, params.id, await readJson(req, z.unknown(), 2 * 1024 * 1024));
  } else if (FILE_TYPES.includes(type)) {
    const q = req.nextUrl.searchParams;
    let options: Record<string, unknown> = {};
    const raw = q.get("options");
    if (raw) {
      try {
        options = JSON.parse(raw);
      } catch {
        throw new AppError("bad_request", "The options parameter is not valid JSON.");
      }
    }
    if (q.get("sheet")) options = { ...options, sheet: q.get("sheet") };
    summary = await importCallFile(actor, params.id, req.body, fileNameOf(req), options, Number(req.headers.get("content-length") ?? "0") || undefined);
  } else {
    throw new AppError("bad_request", "Send the CAD export as text/csv, as an .xlsx body, or as multipart/form-data with a \"file\" part.");
  }
  return NextResponse.json(summary, { status: 201, headers: { "Cache-Control": "no-store" } });
});
