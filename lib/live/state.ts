import "server-only";
import type { Actor } from "@/lib/auth/authorize";
import { getWorksheetView } from "@/lib/workbook/service";
import { currentLiveEventId } from "./stream";

/**
 * What a live worksheet client refetches after `resync`: answers with their
 * versions and the status. `lastEventId` is read first, so every event after
 * it is reflected here or still to come on the stream.
 */
export async function worksheetLiveState(actor: Actor, workspaceId: string, worksheetKey: string) {
  const lastEventId = await currentLiveEventId();
  const view = await getWorksheetView(actor, workspaceId, worksheetKey);
  return {
    lastEventId: lastEventId.toString(),
    worksheetKey,
    status: view.status,
    answers: view.answers,
  };
}
