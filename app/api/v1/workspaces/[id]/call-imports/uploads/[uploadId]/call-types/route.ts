import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { previewCallTypes } from "@/lib/calldata/service";

export const runtime = "nodejs";

/** POST {columns, sheet?}: read the whole upload once and list every call type with its count and classification. */
export const POST = apiRoute<{ id: string; uploadId: string }>(async ({ req, actor, params }) =>
  previewCallTypes(actor, params.id, params.uploadId, await readJson(req, z.unknown(), 64 * 1024)),
);
