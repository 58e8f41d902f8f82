import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { uploadCallFile } from "@/lib/calldata/service";

export const runtime = "nodejs";

/**
 * POST (file body): keep the file as a temporary upload and describe it —
 * sheets, columns with detected roles and personal-data marks, a 20-row
 * preview with personal data left out. The upload is deleted by its import,
 * by DELETE, or after an hour.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const result = await uploadCallFile(actor, params.id, req.body, Number(req.headers.get("content-length") ?? "0") || undefined);
  return NextResponse.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
});
