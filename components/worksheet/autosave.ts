"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";

/**
 * Autosave for one worksheet. Each item keeps its own pending value and base
 * version. A change is saved shortly after typing stops, on blur and when the
 * page is hidden. A failed save is kept (also in localStorage) and retried; a
 * 409 becomes a conflict the person resolves; nothing is dropped silently.
 */
export type SaveState = "saved" | "dirty" | "saving" | "retrying" | "invalid" | "conflict";
export type Conflict = { value: unknown; version: number; updatedBy: { id: string; name: string } | null; updatedAt: string | null };
export type ItemState = {
  value: unknown;
  version: number;
  state: SaveState;
  error?: string;
  conflict?: Conflict;
  /** Set when someone else saved this item while it was being edited here. */
  remoteNotice?: string;
};

type Listener = () => void;
const DEBOUNCE_MS = 700;

export class AutosaveStore {
  private items = new Map<string, ItemState>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inflight = new Set<string>();
  private retryDelay = new Map<string, number>();
  /** Remote saves that arrived while this tab's own save of the item was in flight. */
  private pendingRemote = new Map<string, { remote: Conflict; editing: () => boolean }>();
  private listeners = new Set<Listener>();
  private snapshot = new Map<string, ItemState>();
  constructor(
    private readonly workspaceId: string,
    initial: Record<string, { value: unknown; version: number }>,
    private readonly validate: (itemKey: string, value: unknown) => string | null,
  ) {
    for (const [k, v] of Object.entries(initial)) this.items.set(k, { value: v.value, version: v.version, state: "saved" });
    this.restoreDrafts();
    this.snapshot = new Map(this.items);
  }

  subscribe = (l: Listener) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getSnapshot = () => this.snapshot;
  private emit() {
    this.snapshot = new Map(this.items);
    for (const l of this.listeners) l();
  }
  get(itemKey: string) {
    return this.items.get(itemKey);
  }
  private set(itemKey: string, patch: Partial<ItemState>) {
    const prev = this.items.get(itemKey) ?? { value: null, version: 0, state: "saved" as SaveState };
    this.items.set(itemKey, { ...prev, ...patch });
    this.emit();
  }

  private draftKey(itemKey: string) {
    return `draft:${this.workspaceId}:${itemKey}`;
  }
  private saveDraft(itemKey: string, s: ItemState) {
    try {
      localStorage.setItem(this.draftKey(itemKey), JSON.stringify({ value: s.value, version: s.version }));
    } catch {
      // storage full or unavailable: the in-memory copy is still retried
    }
  }
  private clearDraft(itemKey: string) {
    try {
      localStorage.removeItem(this.draftKey(itemKey));
    } catch {
      /* ignore */
    }
  }
  private restoreDrafts() {
    if (typeof localStorage === "undefined") return;
    for (const [key, s] of this.items) {
      const raw = localStorage.getItem(this.draftKey(key));
      if (!raw) continue;
      try {
        const draft = JSON.parse(raw) as { value: unknown; version: number };
        if (draft.version === s.version && JSON.stringify(draft.value) !== JSON.stringify(s.value)) {
          this.items.set(key, { ...s, value: draft.value, state: "dirty" });
          this.schedule(key, 50);
        } else {
          this.clearDraft(key);
        }
      } catch {
        this.clearDraft(key);
      }
    }
  }

  /** A local edit. */
  change(itemKey: string, value: unknown) {
    const prev = this.items.get(itemKey);
    if (prev?.state === "conflict") {
      this.set(itemKey, { value });
      return;
    }
    const error = this.validate(itemKey, value);
    this.set(itemKey, { value, state: error ? "invalid" : "dirty", error: error ?? undefined, remoteNotice: undefined });
    this.saveDraft(itemKey, this.items.get(itemKey)!);
    if (!error) this.schedule(itemKey, DEBOUNCE_MS);
  }

  /** Save now (blur, leaving the page). */
  flush(itemKey?: string) {
    const keys = itemKey ? [itemKey] : [...this.items.keys()];
    for (const k of keys) {
      const s = this.items.get(k);
      if (s && (s.state === "dirty" || s.state === "retrying")) this.schedule(k, 0);
    }
  }

  private schedule(itemKey: string, delay: number) {
    clearTimeout(this.timers.get(itemKey));
    this.timers.set(itemKey, setTimeout(() => void this.save(itemKey), delay));
  }

  private async save(itemKey: string, keepalive = false) {
    if (this.inflight.has(itemKey)) {
      this.schedule(itemKey, 200);
      return;
    }
    const s = this.items.get(itemKey);
    if (!s || (s.state !== "dirty" && s.state !== "retrying")) return;
    const sent = s.value;
    this.inflight.add(itemKey);
    this.set(itemKey, { state: s.state === "retrying" ? "retrying" : "saving" });
    try {
      const res = await fetch(`/api/v1/workspaces/${this.workspaceId}/answers/${encodeURIComponent(itemKey)}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ value: sent, baseVersion: s.version }),
        keepalive,
      });
      const body = await res.json().catch(() => ({}));
      const now = this.items.get(itemKey)!;
      if (res.ok) {
        this.retryDelay.delete(itemKey);
        const changedSince = JSON.stringify(now.value) !== JSON.stringify(sent);
        this.set(itemKey, { version: body.version, state: changedSince ? "dirty" : "saved", error: undefined });
        if (changedSince) this.schedule(itemKey, DEBOUNCE_MS);
        else this.clearDraft(itemKey);
      } else if (res.status === 409 && body.current) {
        this.set(itemKey, { state: "conflict", conflict: body.current as Conflict });
      } else if (res.status === 422 || res.status === 400 || res.status === 404 || res.status === 403) {
        this.set(itemKey, { state: "invalid", error: body?.error?.message ?? "This answer could not be saved." });
      } else {
        throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      }
    } catch {
      const delay = Math.min((this.retryDelay.get(itemKey) ?? 1000) * 2, 30_000);
      this.retryDelay.set(itemKey, delay);
      this.set(itemKey, { state: "retrying", error: undefined });
      this.schedule(itemKey, delay);
    } finally {
      this.inflight.delete(itemKey);
      const later = this.pendingRemote.get(itemKey);
      if (later) {
        this.pendingRemote.delete(itemKey);
        this.applyRemote(itemKey, later.remote, later.editing);
      }
    }
  }

  /** Back online: retry everything waiting at once. */
  retryNow() {
    for (const [k, s] of this.items) if (s.state === "retrying") {
      this.retryDelay.delete(k);
      this.schedule(k, 0);
    }
  }

  /** Keep my version: save it on top of the version that won. */
  keepMine(itemKey: string, value?: unknown) {
    const s = this.items.get(itemKey);
    if (!s?.conflict) return;
    this.set(itemKey, { value: value ?? s.value, version: s.conflict.version, conflict: undefined, state: "dirty" });
    this.schedule(itemKey, 0);
  }

  /** Take the other person's version. */
  takeTheirs(itemKey: string) {
    const s = this.items.get(itemKey);
    if (!s?.conflict) return;
    this.set(itemKey, { value: s.conflict.value, version: s.conflict.version, conflict: undefined, state: "saved", error: undefined });
    this.clearDraft(itemKey);
  }

  /**
   * Someone else saved this item. Untouched fields update in place; a field
   * with local edits, or the one under the cursor, is never replaced: it turns
   * into a conflict to resolve. While this tab's own save of the item is in
   * flight, the remote save waits for it: it may be the echo of that save.
   */
  applyRemote(itemKey: string, remote: Conflict, editing: boolean | (() => boolean)) {
    const isEditing = typeof editing === "function" ? editing : () => editing;
    if (this.inflight.has(itemKey)) {
      const waiting = this.pendingRemote.get(itemKey);
      if (!waiting || waiting.remote.version < remote.version) this.pendingRemote.set(itemKey, { remote, editing: isEditing });
      return;
    }
    const s = this.items.get(itemKey);
    if (!s || remote.version <= s.version) return;
    if (s.state === "conflict" && s.conflict && s.conflict.version >= remote.version) return;
    if (s.state === "saved" && !isEditing()) {
      const who = remote.updatedBy?.name;
      this.set(itemKey, { value: remote.value, version: remote.version, remoteNotice: who ? `Updated by ${who} just now.` : "Updated just now." });
      this.clearDraft(itemKey);
    } else if (s.state === "saved" && JSON.stringify(s.value) === JSON.stringify(remote.value)) {
      this.set(itemKey, { version: remote.version });
    } else {
      this.set(itemKey, { state: "conflict", conflict: remote });
    }
  }

  /** The server now holds this value at this version (e.g. after a restore from history). */
  acceptSaved(itemKey: string, value: unknown, version: number) {
    const s = this.items.get(itemKey);
    if (s && s.version > version) return;
    clearTimeout(this.timers.get(itemKey));
    this.set(itemKey, { value, version, state: "saved", error: undefined, conflict: undefined, remoteNotice: undefined });
    this.clearDraft(itemKey);
  }

  /** The version the next save of this item will be based on. */
  versionOf(itemKey: string) {
    return this.items.get(itemKey)?.version ?? 0;
  }

  hasUnsaved() {
    for (const s of this.items.values()) if (s.state !== "saved") return true;
    return false;
  }

  overall(): "saved" | "saving" | "retrying" | "attention" {
    let saving = false;
    for (const s of this.items.values()) {
      if (s.state === "retrying") return "retrying";
      if (s.state === "conflict" || s.state === "invalid") return "attention";
      if (s.state === "dirty" || s.state === "saving") saving = true;
    }
    return saving ? "saving" : "saved";
  }

  /** Leaving the page: send what is pending with keepalive so it survives navigation. */
  flushOnExit() {
    for (const [k, s] of this.items) if (s.state === "dirty" || s.state === "retrying") void this.save(k, true);
  }
}

export function useAutosave(store: AutosaveStore) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const storeRef = useRef(store);
  useEffect(() => {
    const s = storeRef.current;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (s.hasUnsaved()) {
        s.flushOnExit();
        e.preventDefault();
        e.returnValue = "";
      }
    };
    const onHide = () => {
      if (document.visibilityState === "hidden") s.flushOnExit();
    };
    const onOnline = () => s.retryNow();
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("online", onOnline);
    };
  }, []);
  const change = useCallback((k: string, v: unknown) => storeRef.current.change(k, v), []);
  return { snapshot, change };
}
