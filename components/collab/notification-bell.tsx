"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { NOTIFICATION_EVENT } from "./use-live-events";

/** Fired after notifications are marked read on this page, so the count follows. */
export const NOTIFICATIONS_READ_EVENT = "collab:notifications-read";
const POLL_MS = 60_000;

const linkCls = "inline-flex items-center gap-1.5 rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100";

/** "My work" and "Notifications" (with the unread count) in the header. */
export function HeaderLinks({ initialUnread }: { initialUnread: number }) {
  const pathname = usePathname();
  const [unread, setUnread] = useState(initialUnread);

  const refresh = useCallback(async () => {
    try {
      const res = await fetch("/api/v1/notifications?limit=1&unread=1", { cache: "no-store" });
      if (res.ok) setUnread(((await res.json()) as { unread: number }).unread);
    } catch {
      // Offline: keep the last count.
    }
  }, []);

  useEffect(() => {
    const onEvent = () => void refresh();
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const timer = setInterval(onEvent, POLL_MS);
    window.addEventListener(NOTIFICATION_EVENT, onEvent);
    window.addEventListener(NOTIFICATIONS_READ_EVENT, onEvent);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener(NOTIFICATION_EVENT, onEvent);
      window.removeEventListener(NOTIFICATIONS_READ_EVENT, onEvent);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  return (
    <>
      <Link href="/my-work" className={linkCls} aria-current={pathname === "/my-work" ? "page" : undefined}>
        My work
      </Link>
      <Link href="/notifications" className={linkCls} aria-current={pathname === "/notifications" ? "page" : undefined} data-testid="notifications-link">
        Notifications
        {unread > 0 ? (
          <span className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold text-white" data-testid="unread-count">
            {unread > 99 ? "99+" : unread}
            <span className="sr-only"> unread</span>
          </span>
        ) : (
          <span className="sr-only" data-testid="unread-count" data-count="0">
            (none unread)
          </span>
        )}
      </Link>
    </>
  );
}
