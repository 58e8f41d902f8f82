import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { setWorksheetStatus } from "@/lib/workbook/service";

export const PATCH = apiRoute<{ id: string; worksheetKey: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown());
  return setWorksheetStatus(actor, params.id, params.worksheetKey, body);
});
