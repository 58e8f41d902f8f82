import { apiRoute, queryObject } from "@/lib/api/handler";
import { listRevisions } from "@/lib/history/service";

/** GET [?limit=&before=]: the answer's revisions, newest first. */
export const GET = apiRoute<{ id: string; itemKey: string }>(async ({ req, actor, params }) =>
  listRevisions(actor, params.id, decodeURIComponent(params.itemKey), queryObject(req)),
);
