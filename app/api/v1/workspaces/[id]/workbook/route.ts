import { apiRoute } from "@/lib/api/handler";
import { workbookJson } from "@/lib/workbook/service";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => workbookJson(actor, params.id));
