"use client";

import type { LiveStatus } from "@/components/collab/use-live-events";
import type { AutosaveStore } from "./autosave";

/** Whether this person's answers are saved, for the worksheet header. */
export function SaveIndicator({ store }: { store: AutosaveStore }) {
  const overall = store.overall();
  const text = {
    saved: "All changes saved",
    saving: "Saving…",
    retrying: "Not saved — retrying",
    attention: "Some answers need your attention",
  }[overall];
  const tone = {
    saved: "text-green-800 bg-green-50 border-green-200",
    saving: "text-slate-800 bg-slate-50 border-slate-200",
    retrying: "text-red-800 bg-red-50 border-red-300",
    attention: "text-amber-900 bg-amber-50 border-amber-300",
  }[overall];
  return (
    <p role="status" aria-live="polite" data-testid="save-indicator" className={`rounded-full border px-3 py-1 text-sm font-medium ${tone}`}>
      {text}
    </p>
  );
}

/** Whether changes by others arrive live. */
export function LiveIndicator({ status, message }: { status: LiveStatus; message?: string }) {
  const text =
    status === "live" ? "Live: changes by others appear as they happen" : status === "stopped" ? (message ?? "Live updates have stopped.") : status === "reconnecting" ? "Reconnecting to live updates…" : "Connecting to live updates…";
  const dot = status === "live" ? "bg-green-600" : status === "stopped" ? "bg-red-700" : "bg-amber-500";
  return (
    <p className="flex items-center gap-2 text-sm text-slate-700" role="status" data-testid="live-status" data-status={status}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${dot}`} />
      {text}
    </p>
  );
}
