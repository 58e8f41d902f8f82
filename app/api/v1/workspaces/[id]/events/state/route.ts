import { z } from "zod";
import { apiRoute, queryObject } from "@/lib/api/handler";
import { parseInput } from "@/lib/errors";
import { worksheetLiveState } from "@/lib/live/state";

const query = z.strictObject({ worksheetKey: z.string({ message: "Send ?worksheetKey= with the worksheet's key" }).min(1, "Send ?worksheetKey= with the worksheet's key").max(100) });

/** The current state of one worksheet, for a live client that may have missed events. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { worksheetKey } = parseInput(query, queryObject(req), "bad_request");
  return worksheetLiveState(actor, params.id, worksheetKey);
});
