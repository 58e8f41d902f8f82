import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { accessCache } from "./access-cache";
import { authOptions } from "./options";
import type { Actor } from "./authorize";

/** The session cookie's value (next-auth may split a large token over numbered cookies). */
function sessionCookie(store: Awaited<ReturnType<typeof cookies>>): string | null {
  const parts = store
    .getAll()
    .filter((c) => c.name.endsWith("next-auth.session-token") || /next-auth\.session-token\.\d+$/.test(c.name))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  return parts.length ? parts.map((c) => `${c.name}=${c.value}`).join(";") : null;
}

/**
 * The one way to learn who is signing a request. Request-cached.
 *
 * It decodes the session token (next-auth's `getToken`, without re-issuing
 * the cookie) and reads the user row, so a removed or renamed account takes
 * effect. Both are kept per session cookie for AUTH_CACHE_TTL_MS (a few
 * seconds, see access-cache.ts): most requests cost no decryption and no
 * query. Sessions last `session.maxAge` (30 days) from sign-in.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const raw = sessionCookie(cookieStore);
  if (raw) {
    const hit = accessCache.session.get(raw) as Actor | undefined;
    if (hit) return hit;
  }
  const token = await getToken({ req: { cookies: cookieStore, headers: headerList } as never, secret: authOptions.secret });
  const id = typeof token?.uid === "string" ? token.uid : null;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
  if (!user) return null;
  const actor: Actor = { userId: user.id, email: user.email, name: user.name };
  if (raw) accessCache.session.set(raw, actor);
  return actor;
});

/** For pages: the actor, or a redirect to sign in. */
export async function requirePageActor(returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return actor;
}
