"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `onChange` whenever the workspace's live channel reports a change to
 * this meeting, and after a reconnect (when events may have been missed).
 */
export function useMeetingEvents(workspaceId: string, meetingId: string, onChange: () => void) {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  }, [onChange]);
  useEffect(() => {
    let source: EventSource | null = null;
    let closed = false;
    let opened = false;
    const connect = () => {
      source = new EventSource(`/api/v1/workspaces/${workspaceId}/events`);
      source.addEventListener("meeting.changed", (e) => {
        try {
          const data = JSON.parse((e as MessageEvent).data);
          if (!data.meetingId || data.meetingId === meetingId || data.payload?.meetingId === meetingId) handler.current();
        } catch {
          handler.current();
        }
      });
      source.addEventListener("resync", () => handler.current());
      source.onopen = () => {
        // A reconnect may have missed events: refresh once.
        if (opened) handler.current();
        opened = true;
      };
      source.onerror = () => {
        if (closed) source?.close();
      };
    };
    connect();
    return () => {
      closed = true;
      source?.close();
    };
  }, [workspaceId, meetingId]);
}
