import { HeaderLinks } from "@/components/collab/notification-bell";
import type { Actor } from "@/lib/auth/authorize";
import { unreadCount } from "@/lib/notifications/service";

/** Extra header links for signed-in people: their assigned work and notifications. */
export async function HeaderExtras({ actor }: { actor: Actor }) {
  const unread = await unreadCount(actor).catch(() => 0);
  return <HeaderLinks initialUnread={unread} />;
}
