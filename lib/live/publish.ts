import "server-only";
import type { Db, Tx } from "@/lib/db/client";

/**
 * Live events are stored in "LiveEvent" and announced with NOTIFY on the
 * `live_events` channel in the same statement, inside the caller's
 * transaction: listeners hear about a change only once it has committed, and a
 * reconnecting client can replay what it missed from the table.
 */
export const LIVE_CHANNEL = "live_events";

export type LiveEventType =
  | "answer.saved"
  | "worksheet.status"
  | "comment.changed"
  | "assignment.changed"
  | "presence.changed"
  | "notification.created"
  | "meeting.changed"
  | "calldata.changed"
  | "workbook.upgraded";

export async function publish(db: Tx | Db, workspaceId: string, type: LiveEventType, payload: Record<string, unknown>) {
  await db.$executeRaw`
    WITH e AS (
      INSERT INTO "LiveEvent" ("workspaceId", type, payload)
      VALUES (${workspaceId}, ${type}, ${JSON.stringify(payload)}::jsonb)
      RETURNING id
    )
    SELECT pg_notify(${LIVE_CHANNEL}, json_build_object('id', e.id, 'w', ${workspaceId}::text, 't', ${type}::text)::text) FROM e`;
}
