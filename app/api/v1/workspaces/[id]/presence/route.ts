import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { heartbeat } from "@/lib/live/presence";

/**
 * A tab's presence heartbeat: `{clientId, worksheetKey, itemKey}` every few
 * seconds, `{clientId, leave: true}` when the tab closes (sent as a beacon).
 * Answers with the people on that worksheet now.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown(), 4096);
  return heartbeat(actor, params.id, body);
});
