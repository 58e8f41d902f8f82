import "server-only";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { isAnswerable } from "@/lib/workbook/template-schema";
import { workbookFor } from "@/lib/workbook/service";
import { publish } from "./publish";

/**
 * Who is on which worksheet right now. Each browser tab sends a heartbeat
 * every few seconds with the item it is editing; a row without a heartbeat
 * for PRESENCE_TTL_MS no longer counts. A change (someone arrives, moves to
 * another item, leaves or times out) is published as `presence.changed` with
 * the full list of people on that worksheet.
 */
export const PRESENCE_TTL_MS = 15_000;
export const HEARTBEAT_MS = 5_000;

export const presenceSchema = z.strictObject({
  clientId: z
    .string({ message: "Send this tab's id as “clientId”" })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "clientId must be 8 to 64 letters, digits, “-” or “_”"),
  worksheetKey: z.string({ message: "worksheetKey must be a worksheet's key" }).min(1).max(100).nullable().optional(),
  itemKey: z.string({ message: "itemKey must be an item's key" }).min(1).max(100).nullable().optional(),
  /** The tab is closing: forget it now. */
  leave: z.boolean().optional(),
});

export type PresencePerson = { clientId: string; userId: string; name: string; itemKey: string | null };

async function peopleOn(db: Tx | ReturnType<typeof getDb>, workspaceId: string, worksheetKey: string, now: Date): Promise<PresencePerson[]> {
  const since = new Date(now.getTime() - PRESENCE_TTL_MS);
  return db.$queryRaw<PresencePerson[]>`
    SELECT p.id AS "clientId", p."userId", u.name, p."itemKey"
    FROM "Presence" p JOIN "User" u ON u.id = p."userId"
    WHERE p."workspaceId" = ${workspaceId} AND p."worksheetKey" = ${worksheetKey} AND p."lastSeenAt" > ${since}
    ORDER BY u.name, p.id`;
}

/** The people on a worksheet now (for the first render). */
export async function listPresence(actor: Actor, workspaceId: string, worksheetKey: string) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  return peopleOn(getDb(), access.workspaceId, worksheetKey, new Date());
}

export async function heartbeat(actor: Actor, workspaceId: string, input: unknown) {
  const access = await authorize(actor, workspaceId, "worksheet.read");
  const { clientId, worksheetKey = null, itemKey = null, leave } = parseInput(presenceSchema, input);
  const wb = await workbookFor(access.workspaceId);
  if (!leave && worksheetKey) {
    const ws = wb.index.worksheetByKey.get(worksheetKey);
    if (!ws) throw new AppError("not_found", `This workbook has no worksheet “${worksheetKey.slice(0, 80)}”.`);
    if (itemKey && !ws.items.some((i) => i.key === itemKey && isAnswerable(i))) {
      throw new AppError("validation_failed", "itemKey must be an answerable item of that worksheet.", [{ path: "itemKey", message: "Not an item of this worksheet" }]);
    }
  }
  if (!worksheetKey && itemKey) throw new AppError("validation_failed", "Send worksheetKey with itemKey.", [{ path: "worksheetKey", message: "Required with itemKey" }]);
  const userId = access.actor.userId;
  const now = new Date();

  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ userId: string; workspaceId: string; worksheetKey: string | null; itemKey: string | null }[]>`
      SELECT "userId", "workspaceId", "worksheetKey", "itemKey" FROM "Presence" WHERE id = ${clientId} FOR UPDATE`;
    const before = rows[0];
    if (before && before.userId !== userId) throw new AppError("conflict", "This tab id belongs to someone else. Reload the page.");
    const changed = new Map<string, Set<string>>(); // workspaceId -> worksheet keys to announce
    const mark = (w: string, k: string | null) => {
      if (!k) return;
      if (!changed.has(w)) changed.set(w, new Set());
      changed.get(w)!.add(k);
    };

    if (leave) {
      if (before) {
        await tx.$executeRaw`DELETE FROM "Presence" WHERE id = ${clientId}`;
        mark(before.workspaceId, before.worksheetKey);
      }
    } else {
      if (!before || before.workspaceId !== access.workspaceId || before.worksheetKey !== worksheetKey || before.itemKey !== itemKey) {
        if (before) mark(before.workspaceId, before.worksheetKey);
        mark(access.workspaceId, worksheetKey);
      }
      await tx.$executeRaw`
        INSERT INTO "Presence" (id, "workspaceId", "userId", "worksheetKey", "itemKey", "lastSeenAt")
        VALUES (${clientId}, ${access.workspaceId}, ${userId}, ${worksheetKey}, ${itemKey}, ${now})
        ON CONFLICT (id) DO UPDATE SET "workspaceId" = EXCLUDED."workspaceId", "worksheetKey" = EXCLUDED."worksheetKey",
          "itemKey" = EXCLUDED."itemKey", "lastSeenAt" = EXCLUDED."lastSeenAt"`;
    }
    // Tabs that stopped sending heartbeats leave now.
    const expired = await tx.$queryRaw<{ worksheetKey: string | null }[]>`
      DELETE FROM "Presence" WHERE "workspaceId" = ${access.workspaceId} AND "lastSeenAt" <= ${new Date(now.getTime() - PRESENCE_TTL_MS)}
      RETURNING "worksheetKey"`;
    for (const e of expired) mark(access.workspaceId, e.worksheetKey);

    let mine: PresencePerson[] = [];
    for (const [w, keys] of changed) {
      for (const k of keys) {
        const people = await peopleOn(tx, w, k, now);
        await publish(tx, w, "presence.changed", { worksheetKey: k, people });
        if (w === access.workspaceId && k === worksheetKey) mine = people;
      }
    }
    if (!leave && worksheetKey && !changed.get(access.workspaceId)?.has(worksheetKey)) mine = await peopleOn(tx, access.workspaceId, worksheetKey, now);
    return { people: leave ? [] : mine, heartbeatMs: HEARTBEAT_MS, ttlMs: PRESENCE_TTL_MS };
  });
}
