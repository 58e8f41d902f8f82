"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { NotificationView } from "@/lib/notifications/service";
import { formatDateTime, readError } from "./format";
import { NOTIFICATIONS_READ_EVENT } from "./notification-bell";

async function markRead(body: { ids: string[] } | { all: true }) {
  const res = await fetch("/api/v1/notifications/read", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    keepalive: true,
  });
  if (!res.ok) throw new Error(await readError(res, "The notifications could not be marked as read."));
  window.dispatchEvent(new CustomEvent(NOTIFICATIONS_READ_EVENT));
}

/** The notifications page's list: open one (which marks it read), mark one or all as read. */
export function NotificationList({ notifications, unread }: { notifications: NotificationView[]; unread: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Set<string>>(new Set());
  const isRead = (n: NotificationView) => n.read || done.has(n.id);
  const run = (body: { ids: string[] } | { all: true }, ids: string[]) =>
    start(async () => {
      setError(null);
      try {
        await markRead(body);
        setDone((d) => new Set([...d, ...ids]));
        router.refresh();
      } catch (err) {
        setError((err as Error).message);
      }
    });
  const remaining = notifications.filter((n) => !isRead(n)).length;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-slate-700" role="status">
          {unread === 0 || remaining === 0 ? "You have no unread notifications." : `${unread} unread`}
        </p>
        {remaining > 0 ? (
          <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => run({ all: true }, notifications.map((n) => n.id))}>
            Mark all as read
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
        {notifications.map((n) => {
          const read = isRead(n);
          return (
            <li key={n.id} className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${read ? "" : "bg-sky-50"}`}>
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  {!read ? <span className="mr-2 inline-block rounded-full bg-sky-800 px-2 text-xs font-semibold text-white">New</span> : null}
                  <Link
                    href={n.href}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    onClick={() => {
                      if (!read) void markRead({ ids: [n.id] }).catch(() => {});
                    }}
                  >
                    {n.title}
                  </Link>
                </p>
                {n.data.excerpt ? <p className="mt-1 break-words text-sm text-slate-700">“{n.data.excerpt}”</p> : null}
                <p className="mt-1 text-xs text-slate-600">
                  {n.data.workspaceName} ·{" "}
                  <time dateTime={n.createdAt} suppressHydrationWarning>
                    {formatDateTime(n.createdAt)}
                  </time>
                </p>
              </div>
              {!read ? (
                <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={() => run({ ids: [n.id] }, [n.id])}>
                  Mark as read<span className="sr-only">: {n.title}</span>
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
