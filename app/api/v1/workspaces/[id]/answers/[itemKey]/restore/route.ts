import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { restoreRevision } from "@/lib/history/service";

/** POST {revisionId, baseVersion}: save an earlier revision's value again (409 when baseVersion is stale). */
export const POST = apiRoute<{ id: string; itemKey: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown(), 1024);
  return restoreRevision(actor, params.id, decodeURIComponent(params.itemKey), body);
});
