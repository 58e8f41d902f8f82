import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { authOptions } from "./options";
import type { Actor } from "./authorize";

/**
 * The one way to learn who is signing a request. Request-cached; the user row
 * is re-read so a removed or renamed account takes effect at once.
 *
 * It only decodes the session token (next-auth's `getToken`): unlike
 * `getServerSession` it does not re-encrypt and re-issue the cookie on every
 * request, which was a large share of the cost of each autosave. Sessions
 * last `session.maxAge` (30 days) from sign-in.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const token = await getToken({ req: { cookies: cookieStore, headers: headerList } as never, secret: authOptions.secret });
  const id = typeof token?.uid === "string" ? token.uid : null;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
  return user ? { userId: user.id, email: user.email, name: user.name } : null;
});

/** For pages: the actor, or a redirect to sign in. */
export async function requirePageActor(returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return actor;
}
