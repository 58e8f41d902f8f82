import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/authorize";
import { analyzeUpload } from "@/lib/calldata/service";
import { discardUpload } from "@/lib/calldata/uploads";

export const runtime = "nodejs";

/** POST {sheet?}: describe the upload again, e.g. another sheet of a workbook. */
export const POST = apiRoute<{ id: string; uploadId: string }>(async ({ req, actor, params }) =>
  analyzeUpload(actor, params.id, params.uploadId, await readJson(req, z.unknown(), 8 * 1024)),
);

/** DELETE: cancel; the temporary file is removed. */
export const DELETE = apiRoute<{ id: string; uploadId: string }>(async ({ actor, params }) => {
  const access = await authorize(actor, params.id, "calldata.import");
  await discardUpload(access.workspaceId, params.uploadId);
  return { ok: true };
});
