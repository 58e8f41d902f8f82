import "server-only";
import { getDb } from "@/lib/db/client";

/** Events older than this are deleted; a client further behind gets `resync`. */
export const LIVE_EVENT_RETENTION_HOURS = 24;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const BATCH = 10_000;

/** Deletes old live events and long-gone presence rows. Returns how many rows went. */
export async function pruneLiveData(retentionHours = LIVE_EVENT_RETENTION_HOURS) {
  const db = getDb();
  const cutoff = new Date(Date.now() - retentionHours * 3600 * 1000);
  const events = await db.$executeRaw`
    DELETE FROM "LiveEvent" WHERE id IN (
      SELECT id FROM "LiveEvent" WHERE "createdAt" < ${cutoff} ORDER BY id LIMIT ${BATCH})`;
  const presence = await db.$executeRaw`DELETE FROM "Presence" WHERE "lastSeenAt" < ${new Date(Date.now() - 10 * 60 * 1000)}`;
  return { events, presence };
}

const globalForPrune = globalThis as unknown as { __livePrunedAt?: number };

/** Prunes at most once every ten minutes per process; never throws. */
export function maybePruneLiveData() {
  const now = Date.now();
  if (globalForPrune.__livePrunedAt && now - globalForPrune.__livePrunedAt < PRUNE_EVERY_MS) return;
  globalForPrune.__livePrunedAt = now;
  void pruneLiveData().catch((err) => console.warn("[live] pruning failed:", err instanceof Error ? err.message : err));
}
