import { apiRoute, readJson } from "@/lib/api/handler";
import { upgradeInputSchema, upgradePreview, upgradeWorkbook } from "@/lib/workbook/upgrade";

/** What upgrading the plan to the newest version of its workbook would change. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => upgradePreview(actor, params.id));

/** Upgrades the plan: `{"fromVersion": 1, "toVersion": 2}`. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, upgradeInputSchema);
  return upgradeWorkbook(actor, params.id, input);
});
