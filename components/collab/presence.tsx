"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { avatarColour, initials, newClientId } from "./format";

export type PresencePerson = { clientId: string; userId: string; name: string; itemKey: string | null };

const HEARTBEAT_MS = 5_000;

/**
 * This tab's presence on a worksheet: a heartbeat every few seconds and at
 * once when the person moves to another item; a beacon when the tab closes.
 * Returns the other people on the worksheet (one entry per person).
 */
export function usePresence({
  workspaceId,
  worksheetKey,
  focusedItem,
  meId,
  initial,
  enabled = true,
}: {
  workspaceId: string;
  worksheetKey: string;
  focusedItem: string | null;
  meId: string;
  initial?: PresencePerson[];
  enabled?: boolean;
}) {
  const [clientId] = useState(newClientId);
  const [people, setPeople] = useState<PresencePerson[]>(initial ?? []);
  const focusRef = useRef(focusedItem);
  const url = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/presence`;

  const beat = useCallback(async () => {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ clientId, worksheetKey, itemKey: focusRef.current }),
      });
      if (!res.ok) return;
      const body = (await res.json()) as { people?: PresencePerson[] };
      if (Array.isArray(body.people)) setPeople(body.people);
    } catch {
      // Offline: the next heartbeat tries again.
    }
  }, [url, clientId, worksheetKey]);

  useEffect(() => {
    focusRef.current = focusedItem;
    if (!enabled) return;
    const t = setTimeout(() => void beat(), 250);
    return () => clearTimeout(t);
  }, [focusedItem, beat, enabled]);

  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    const leave = () => {
      const body = JSON.stringify({ clientId, leave: true });
      if (!navigator.sendBeacon?.(url, body)) {
        void fetch(url, { method: "POST", body, keepalive: true, headers: { "Content-Type": "application/json" } }).catch(() => {});
      }
    };
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) void beat();
    };
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", onShow);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", onShow);
      leave();
    };
  }, [beat, clientId, url, enabled]);

  /** A `presence.changed` event from the live stream. */
  const apply = useCallback(
    (data: Record<string, unknown>) => {
      if (data.worksheetKey === worksheetKey && Array.isArray(data.people)) setPeople(data.people as PresencePerson[]);
    },
    [worksheetKey],
  );

  const others = dedupe(people.filter((p) => p.userId !== meId && p.clientId !== clientId));
  return { others, apply, clientId };
}

/** One entry per person; someone editing an item wins over the same person just looking. */
function dedupe(list: PresencePerson[]) {
  const byUser = new Map<string, PresencePerson>();
  for (const p of list) {
    const prev = byUser.get(p.userId);
    if (!prev || (!prev.itemKey && p.itemKey)) byUser.set(p.userId, p);
  }
  return [...byUser.values()];
}

function names(list: string[]) {
  if (list.length <= 1) return list.join("");
  if (list.length === 2) return `${list[0]} and ${list[1]}`;
  return `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

export function Avatar({ id, name, size = "md" }: { id: string; name: string; size?: "sm" | "md" }) {
  return (
    <span
      aria-hidden="true"
      title={name}
      className={`inline-grid shrink-0 place-items-center rounded-full font-semibold text-white ring-2 ring-white ${avatarColour(id)} ${size === "sm" ? "h-6 w-6 text-[0.65rem]" : "h-8 w-8 text-xs"}`}
    >
      {initials(name)}
    </span>
  );
}

/** Who else is on this worksheet now. */
export function PresenceBar({ others }: { others: PresencePerson[] }) {
  if (others.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="presence">
        No one else is on this worksheet right now.
      </p>
    );
  }
  const list = others.map((p) => p.name);
  return (
    <div className="flex items-center gap-2" data-testid="presence">
      <ul className="flex -space-x-2" aria-hidden="true">
        {others.slice(0, 5).map((p) => (
          <li key={p.userId}>
            <Avatar id={p.userId} name={p.name} />
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">
        {names(list)} {list.length === 1 ? "is" : "are"} also here
      </p>
    </div>
  );
}

/** Who is editing this item now. */
export function ItemEditors({ itemKey, others }: { itemKey: string; others: PresencePerson[] }) {
  const editing = others.filter((p) => p.itemKey === itemKey);
  if (editing.length === 0) return null;
  return (
    <p className="inline-flex items-center gap-1.5 rounded-full bg-violet-50 px-2 py-0.5 text-sm text-violet-900" data-testid={`editing-${itemKey}`}>
      {editing.slice(0, 3).map((p) => (
        <Avatar key={p.userId} id={p.userId} name={p.name} size="sm" />
      ))}
      <span>
        {names(editing.map((p) => p.name))} {editing.length === 1 ? "is" : "are"} editing this
      </span>
    </p>
  );
}
