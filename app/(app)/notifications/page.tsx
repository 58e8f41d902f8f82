import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/collab/notification-list";
import { EmptyState } from "@/components/ui/card";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/service";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/notifications");
  const q = await searchParams;
  const unreadOnly = q.unread === "1";
  const before = typeof q.before === "string" && !Number.isNaN(Date.parse(q.before)) ? new Date(q.before).toISOString() : undefined;
  const page = await loadPage(() => listNotifications(actor, { ...(unreadOnly ? { unread: "1" } : {}), ...(before ? { before } : {}), limit: "50" }));
  const self = (extra: Record<string, string>) => {
    const p = new URLSearchParams({ ...(unreadOnly ? { unread: "1" } : {}), ...extra });
    const s = p.toString();
    return `/notifications${s ? `?${s}` : ""}`;
  };
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-slate-900">Notifications</h1>
        <nav aria-label="Which notifications" className="flex gap-3 text-sm">
          <Link href="/notifications" aria-current={!unreadOnly ? "page" : undefined} className={`underline-offset-2 ${!unreadOnly ? "font-semibold text-slate-900" : "text-brand-700 underline"}`}>
            All
          </Link>
          <Link href="/notifications?unread=1" aria-current={unreadOnly ? "page" : undefined} className={`underline-offset-2 ${unreadOnly ? "font-semibold text-slate-900" : "text-brand-700 underline"}`}>
            Unread only
          </Link>
        </nav>
      </div>
      <p className="mt-1 mb-6 text-slate-700">When someone mentions you, replies to a comment you are part of, or assigns you a worksheet, it shows up here.</p>
      {page.notifications.length === 0 ? (
        <EmptyState title={before ? "No older notifications" : unreadOnly ? "You are all caught up" : "No notifications yet"}>
          {unreadOnly ? "There is nothing you have not read." : "Mentions, replies and assignments will appear here."}
        </EmptyState>
      ) : (
        <NotificationList notifications={page.notifications} unread={page.unread} />
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {before ? (
          <Link href={self({})} className="text-brand-700 underline">
            Back to the newest
          </Link>
        ) : null}
        {page.nextBefore ? (
          <Link href={self({ before: page.nextBefore })} className="text-brand-700 underline">
            Show older notifications
          </Link>
        ) : null}
      </div>
    </main>
  );
}
