import { apiRoute, queryObject } from "@/lib/api/handler";
import { parseInput } from "@/lib/errors";
import { progressQuerySchema } from "@/lib/progress/query";
import { getProgress } from "@/lib/progress/service";

/**
 * GET /api/v1/workspaces/{id}/progress?days=7|30|90
 * The workspace's progress figures: overall and per-section completion (0–1),
 * per-worksheet status, completion, assignees, due date and overdue flag, the
 * completed-worksheets-by-day series, what needs attention, and (for
 * coordinators) team contributions over the last `days` days (default 30).
 */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { days } = parseInput(progressQuerySchema, queryObject(req), "bad_request");
  return getProgress(actor, params.id, { periodDays: days });
});
