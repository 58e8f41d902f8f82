import { z } from "zod";
import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { assignWorksheet, listAssignments } from "@/lib/assignments/service";

/** GET [?worksheetKey=]: who is assigned to what. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => listAssignments(actor, params.id, queryObject(req)));

/** POST {worksheetKey, userIds, dueDate?}: assign (or change the due date of) a worksheet. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown(), 16 * 1024);
  return assignWorksheet(actor, params.id, body);
});
