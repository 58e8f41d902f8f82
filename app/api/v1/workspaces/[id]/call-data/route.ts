import { apiRoute } from "@/lib/api/handler";
import { getCallData } from "@/lib/calldata/service";

/** GET: the current import's aggregates by category and tier, and the summary calculators read. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getCallData(actor, params.id));
