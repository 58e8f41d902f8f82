import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { HeaderLinks } from "@/components/collab/notification-bell";
import { requirePageActor } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const unread = await unreadCount(actor).catch(() => 0);
  return (
    <>
      <SiteHeader>
        <Link href="/workspaces" className="rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100">
          Your plans
        </Link>
        {/* Extra links for signed-in people: their assigned work and notifications. */}
        <HeaderLinks initialUnread={unread} />
        <Link href="/account" className="rounded px-2 py-1 text-sm text-slate-800 hover:bg-slate-100" title="Your account">
          <span className="sr-only">Account: </span>
          {actor.name}
        </Link>
        <SignOutButton />
      </SiteHeader>
      {children}
    </>
  );
}
