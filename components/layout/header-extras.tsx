import type { Actor } from "@/lib/auth/authorize";

/** Extra header links for signed-in people (filled in as features land). */
export async function HeaderExtras({ actor }: { actor: Actor }) {
  void actor;
  return null;
}
