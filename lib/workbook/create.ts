import "server-only";
import type { Tx } from "@/lib/db/client";
import { DEFAULT_TEMPLATE_KEY, TEMPLATES } from "./templates";

/** Creates a workspace's workbook from the current version of the default template. */
export async function createWorkbookForWorkspace(tx: Tx, workspaceId: string, templateKey = DEFAULT_TEMPLATE_KEY) {
  const template = TEMPLATES[templateKey];
  if (!template) throw new Error(`Unknown workbook template ${templateKey}`);
  return tx.workbook.create({ data: { workspaceId, templateKey, templateVersion: template.version } });
}
