import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { authOptions } from "./options";
import type { Actor } from "./authorize";

/**
 * The one way to learn who is signing a request. Request-cached; the user row
 * is re-read so a removed or renamed account takes effect at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
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
