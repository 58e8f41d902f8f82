import { apiRoute } from "@/lib/api/handler";
import { getWorkspace } from "@/lib/workspaces/service";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ workspace: await getWorkspace(actor, params.id) }));
