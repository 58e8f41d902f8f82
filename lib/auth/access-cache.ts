import { config } from "@/lib/config";

/**
 * A small per-process cache with a time limit, for the two look-ups every
 * request makes: who the session belongs to, and their membership in the
 * workspace. Only positive answers are kept (a new member is let in at once),
 * and entries live for AUTH_CACHE_TTL_MS (default 5 s), which bounds how long
 * another server process may act on a removed membership, a changed role or
 * a revoked session. The process that makes such a change forgets the
 * affected entries at once (`forgetAccess`).
 */
export class TtlCache<V> {
  private readonly map = new Map<string, { value: V; expires: number }>();
  constructor(
    private readonly ttlMs: () => number,
    private readonly maxEntries = 20_000,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expires <= Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V) {
    const ttl = this.ttlMs();
    if (ttl <= 0) return;
    if (this.map.size >= this.maxEntries) {
      // Drop the oldest tenth: Map keeps insertion order.
      let n = Math.ceil(this.maxEntries / 10);
      for (const k of this.map.keys()) {
        this.map.delete(k);
        if (--n <= 0) break;
      }
    }
    this.map.delete(key);
    this.map.set(key, { value, expires: Date.now() + ttl });
  }

  deleteWhere(match: (key: string, value: V) => boolean) {
    for (const [k, v] of this.map) if (match(k, v.value)) this.map.delete(k);
  }

  clear() {
    this.map.clear();
  }
}

const ttl = () => config().AUTH_CACHE_TTL_MS;

type Cached = {
  /** (workspace, user) → the membership row `authorize` reads. */
  membership: TtlCache<unknown>;
  /** Session cookie → the actor it signs in. */
  session: TtlCache<{ userId: string }>;
};
const g = globalThis as unknown as { __accessCache?: Cached };
export const accessCache: Cached = (g.__accessCache ??= { membership: new TtlCache(ttl), session: new TtlCache(ttl) });

export const membershipKey = (workspaceId: string, userId: string) => `${workspaceId}\u0000${userId}`;

/** Forget cached sessions and memberships of a user, of a workspace, or of both. */
export function forgetAccess(scope: { userId?: string; workspaceId?: string }) {
  const { userId, workspaceId } = scope;
  accessCache.membership.deleteWhere((k) => {
    const [w, u] = k.split("\u0000");
    return (!workspaceId || w === workspaceId) && (!userId || u === userId);
  });
  if (userId) accessCache.session.deleteWhere((_k, v) => v.userId === userId);
}
