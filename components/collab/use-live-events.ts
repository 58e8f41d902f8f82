"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";

/**
 * Live updates of one workspace over server-sent events.
 *
 * The browser's EventSource reconnects by itself and sends Last-Event-ID, so
 * the server replays what was missed. When the server refuses the connection
 * (a restart, a network error page) EventSource gives up; then this hook opens
 * a new one after a growing delay, passing the last id as `?lastEventId=`.
 * After any reconnect, and whenever the server sends `resync`, `onResync` runs
 * so the page can refetch what it shows.
 */
export const LIVE_EVENT_TYPES = [
  "answer.saved",
  "worksheet.status",
  "comment.changed",
  "assignment.changed",
  "presence.changed",
  "notification.created",
  "meeting.changed",
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];
export type LiveStatus = "connecting" | "live" | "reconnecting" | "stopped";

export type LiveHandlers = {
  onEvent?: (type: LiveEventType, data: Record<string, unknown>, id: string) => void;
  onResync?: () => void;
  onStatus?: (status: LiveStatus, message?: string) => void;
};

/** Fired on window when a notification for the signed-in person arrives. */
export const NOTIFICATION_EVENT = "collab:notification";

export function useLiveEvents(workspaceId: string, handlers: LiveHandlers, opts: { initialLastEventId?: string | null; enabled?: boolean } = {}) {
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const enabled = opts.enabled ?? true;
  const initial = opts.initialLastEventId ?? null;

  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    let es: EventSource | null = null;
    let lastId: string | null = initial;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let everReady = false;
    let interrupted = false;
    let stopped = false;

    const report = (s: LiveStatus, message?: string) => {
      setStatus(s);
      ref.current.onStatus?.(s, message);
    };
    const track = (e: MessageEvent) => {
      if (e.lastEventId) lastId = e.lastEventId;
    };
    const parse = (e: MessageEvent): Record<string, unknown> => {
      try {
        return JSON.parse(e.data as string) ?? {};
      } catch {
        return {};
      }
    };

    const connect = () => {
      if (stopped) return;
      const url = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/events${lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : ""}`;
      const source = new EventSource(url);
      es = source;
      source.addEventListener("ready", (e) => {
        track(e as MessageEvent);
        attempt = 0;
        report("live");
        if (everReady && interrupted) ref.current.onResync?.();
        everReady = true;
        interrupted = false;
      });
      source.addEventListener("resync", (e) => {
        track(e as MessageEvent);
        ref.current.onResync?.();
      });
      source.addEventListener("forbidden", (e) => {
        stopped = true;
        source.close();
        report("stopped", (parse(e as MessageEvent).message as string | undefined) ?? "Live updates have stopped.");
      });
      for (const type of LIVE_EVENT_TYPES) {
        source.addEventListener(type, (e) => {
          const me = e as MessageEvent;
          track(me);
          const data = parse(me);
          if (type === "notification.created") window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT));
          ref.current.onEvent?.(type, data, me.lastEventId);
        });
      }
      source.onerror = () => {
        if (stopped) return;
        interrupted = true;
        if (source.readyState === EventSource.CLOSED) {
          // The browser gave up (e.g. the server answered with an error): try again ourselves.
          source.close();
          const delay = Math.min(30_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
          attempt++;
          report("reconnecting");
          retryTimer = setTimeout(connect, delay);
        } else {
          report("reconnecting");
        }
      };
    };

    connect();
    const onOnline = () => {
      if (es?.readyState === EventSource.CLOSED && !stopped) {
        clearTimeout(retryTimer);
        attempt = 0;
        connect();
      }
    };
    window.addEventListener("online", onOnline);
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      window.removeEventListener("online", onOnline);
      es?.close();
    };
  }, [workspaceId, enabled, initial]);

  return status;
}
