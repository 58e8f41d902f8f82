import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { saveAnswer } from "@/lib/workbook/service";

export const PUT = apiRoute<{ id: string; itemKey: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown());
  const saved = await saveAnswer(actor, params.id, decodeURIComponent(params.itemKey), body);
  return { version: saved.version, updatedAt: saved.updatedAt };
});
