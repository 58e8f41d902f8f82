"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { parseUpgradeInput, upgradeWorkbook } from "@/lib/workbook/upgrade";

export async function upgradeWorkbookAction(workspaceId: string, input: unknown) {
  return runAction(async (actor) => {
    const result = await upgradeWorkbook(actor, workspaceId, parseUpgradeInput(input));
    revalidatePath(`/w/${workspaceId}`, "layout");
    return result;
  });
}
