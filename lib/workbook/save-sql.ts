import { randomUUID } from "node:crypto";
import { LIVE_CHANNEL } from "@/lib/live/publish";

/**
 * The whole save as one statement over `pg`. `$5` is the version the edit is
 * based on; the first CTE writes the answer only if the stored version is
 * still that one:
 * - a later version (`$5 > 0`): the row is locked first (`old … FOR UPDATE`),
 *   so `old.value` is exactly the value this write replaces, even when a
 *   concurrent save committed while this statement waited for the lock;
 * - a first answer (`$5 = 0`): inserted unless a concurrent first answer won.
 * When nothing was written, the statement changes nothing else and returns
 * `saved = NULL`: the save is a conflict.
 *
 * With the answer come its revision, the worksheet's move from "not started"
 * to "in progress" (only a worksheet in that state is touched, so no lock is
 * taken on it otherwise), an optional audit entry and the live event, whose
 * NOTIFY is delivered when the statement commits. PostgreSQL runs every
 * data-modifying step of a WITH exactly once, referenced or not. The
 * statement is its own transaction, so it is safe through a transaction-mode
 * pooler, and row locks are held only while it runs.
 */
const SAVE_WRITE_UPDATE = `
  old AS (
    SELECT id, value FROM "Answer" WHERE "workbookId" = $1 AND "itemKey" = $2 FOR UPDATE
  ),
  ans AS (
    UPDATE "Answer" a SET value = $3::jsonb, version = $5::int + 1, "updatedById" = $4, "updatedAt" = $6::timestamp(3)
    FROM old WHERE a.id = old.id AND a.version = $5::int
    RETURNING a.version, old.value AS old_value
  )`;
const SAVE_WRITE_INSERT = `
  ans AS (
    INSERT INTO "Answer" (id, "workbookId", "worksheetKey", "itemKey", value, version, "updatedById", "updatedAt")
    SELECT $14, $1, $7, $2, $3::jsonb, 1, $4, $6::timestamp(3) WHERE $5::int = 0
    ON CONFLICT ("workbookId", "itemKey") DO NOTHING
    RETURNING version, NULL::jsonb AS old_value
  )`;
const SAVE_REST = `
  rev AS (
    INSERT INTO "AnswerRevision" ("workbookId", "worksheetKey", "itemKey", version, "oldValue", "newValue", "actorId", "restoredFromId", "createdAt")
    SELECT $1, $7, $2, ans.version, ans.old_value, $3::jsonb, $4, $9::bigint, $6::timestamp(3) FROM ans
    RETURNING id
  ),
  new_state AS (
    INSERT INTO "WorksheetState" (id, "workbookId", "worksheetKey", status, "updatedById", "updatedAt")
    SELECT $8, $1, $7, 'IN_PROGRESS'::"WorksheetStatus", $4, $6::timestamp(3) FROM ans
    ON CONFLICT ("workbookId", "worksheetKey") DO NOTHING
    RETURNING "worksheetKey"
  ),
  started AS (
    UPDATE "WorksheetState" SET status = 'IN_PROGRESS', "updatedById" = $4, "updatedAt" = $6::timestamp(3)
    WHERE "workbookId" = $1 AND "worksheetKey" = $7 AND status = 'NOT_STARTED' AND EXISTS (SELECT 1 FROM ans)
    RETURNING "worksheetKey"
  ),
  moved AS (SELECT "worksheetKey" FROM new_state UNION ALL SELECT "worksheetKey" FROM started),
  logged AS (
    INSERT INTO "WorksheetStatusChange" ("workbookId", "worksheetKey", "fromStatus", "toStatus", "actorId", "createdAt")
    SELECT $1, $7, 'NOT_STARTED'::"WorksheetStatus", 'IN_PROGRESS'::"WorksheetStatus", $4, $6::timestamp(3) FROM moved
    RETURNING id
  ),
  audited AS (
    INSERT INTO "AuditLog" ("workspaceId", "actorId", action, "targetType", "targetId", data, "createdAt")
    SELECT $10, $4, $12, 'answer', $2, $13::jsonb, $6::timestamp(3) FROM ans WHERE $12::text IS NOT NULL
    RETURNING id
  ),
  ev AS (
    INSERT INTO "LiveEvent" ("workspaceId", type, payload)
    SELECT $10, 'answer.saved',
           $11::jsonb || CASE WHEN EXISTS (SELECT 1 FROM moved) THEN '{"status":"IN_PROGRESS"}'::jsonb ELSE '{}'::jsonb END
    FROM ans
    RETURNING id
  )
SELECT (SELECT version FROM ans) AS saved,
       (SELECT count(*) FROM (SELECT pg_notify('${LIVE_CHANNEL}', json_build_object('id', ev.id, 'w', $10::text, 't', 'answer.saved')::text) FROM ev) n)::int AS notified`;
const SAVE_UPDATE_SQL = `WITH${SAVE_WRITE_UPDATE},${SAVE_REST}`;
const SAVE_INSERT_SQL = `WITH${SAVE_WRITE_INSERT},${SAVE_REST}`;

export type SaveInput = {
  workbookId: string;
  workspaceId: string;
  worksheetKey: string;
  itemKey: string;
  /** The validated answer as JSON text. */
  newValue: string;
  baseVersion: number;
  userId: string;
  /** ISO time, stored as the answer's and revision's time. */
  updatedAt: string;
  /** The live event's payload as JSON text. */
  event: string;
  restoredFromId: string | null;
  audit: { action: string; data: string } | null;
};

/** The save statement and its parameters (`saved` is NULL when the save is a conflict). */
export function saveStatement(p: SaveInput): { text: string; values: unknown[] } {
  const values: unknown[] = [
    p.workbookId,
    p.itemKey,
    p.newValue,
    p.userId,
    p.baseVersion,
    p.updatedAt,
    p.worksheetKey,
    randomUUID(),
    p.restoredFromId,
    p.workspaceId,
    p.event,
    p.audit?.action ?? null,
    p.audit?.data ?? null,
  ];
  // A first answer also needs the new row's id.
  if (p.baseVersion === 0) values.push(randomUUID());
  return { text: p.baseVersion === 0 ? SAVE_INSERT_SQL : SAVE_UPDATE_SQL, values };
}
