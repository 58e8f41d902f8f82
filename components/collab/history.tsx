"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { wordDiff } from "@/lib/history/diff";
import { summarizeValue } from "@/lib/history/summary";
import { itemModule } from "@/lib/items/registry";
import type { RevisionView } from "@/lib/history/service";
import type { Item } from "@/lib/workbook/template-schema";
import { formatDateTime, readError } from "./format";

type Loaded = { revisions: RevisionView[]; nextBefore: string | null; canRestore: boolean };

function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = wordDiff(before, after);
  return (
    <p className="mt-1 whitespace-pre-wrap break-words rounded border border-slate-200 bg-white p-2 text-sm text-slate-900">
      {parts.map((p, i) =>
        p.op === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.op === "added" ? (
          <ins key={i} className="bg-green-100 text-green-950 no-underline">
            <span className="sr-only">[added: </span>
            {p.text}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          <del key={i} className="bg-red-100 text-red-950">
            <span className="sr-only">[removed: </span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        ),
      )}
    </p>
  );
}

/**
 * The saved versions of one answer, newest first, with what changed (word by
 * word for text) and a way to bring back an earlier one.
 */
export function HistoryPanel({
  workspaceId,
  item,
  currentVersion,
  hasUnsavedChanges,
  reloadKey,
  onRestored,
}: {
  workspaceId: string;
  item: Item;
  currentVersion: number;
  hasUnsavedChanges: boolean;
  /** Changes whenever the answer changes, so the list stays current. */
  reloadKey: number;
  onRestored: (value: unknown, version: number) => void;
}) {
  const headingId = useId();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const url = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/answers/${encodeURIComponent(item.key)}`;
  const isText = itemModule(item).plainText === true;

  const load = useCallback(
    async (before?: string) => {
      const res = await fetch(`${url}/revisions?limit=20${before ? `&before=${before}` : ""}`);
      if (!res.ok) throw new Error(await readError(res, "The history could not be loaded."));
      return (await res.json()) as Loaded;
    },
    [url],
  );

  useEffect(() => {
    let cancelled = false;
    load()
      .then((d) => {
        if (!cancelled) {
          setData(d);
          setError(null);
        }
      })
      .catch((err: Error) => {
        if (!cancelled) setError(err.message);
      });
    return () => {
      cancelled = true;
    };
  }, [load, reloadKey]);

  const restore = async (rev: RevisionView) => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`${url}/restore`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ revisionId: rev.id, baseVersion: currentVersion }),
      });
      if (res.status === 409) {
        setMessage({ tone: "error", text: "Someone changed this answer a moment ago, so nothing was restored. The list below is up to date — check it and try again." });
        setData(await load());
        return;
      }
      if (!res.ok) throw new Error(await readError(res, "The earlier version could not be restored."));
      const body = (await res.json()) as { value: unknown; version: number };
      onRestored(body.value, body.version);
      setMessage({ tone: "ok", text: `Version ${rev.version} is the current answer again (saved as version ${body.version}).` });
      setConfirm(null);
      setData(await load());
    } catch (err) {
      setMessage({ tone: "error", text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid={`history-${item.key}`}>
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        History<span className="sr-only"> of “{item.label}”</span>
      </h3>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={`mt-2 rounded border px-2 py-1 text-sm ${message.tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}>
          {message.text}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : !data ? (
        <p className="mt-2 text-sm text-slate-700" role="status">
          Loading the history…
        </p>
      ) : data.revisions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No one has answered this yet, so there is no history.</p>
      ) : (
        <>
          <ol className="mt-2 space-y-2">
            {data.revisions.map((rev) => {
              const current = rev.version === currentVersion;
              return (
                <li key={rev.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
                  <p className="text-slate-800">
                    <span className="font-semibold">Version {rev.version}</span>
                    {current ? <span className="ml-1 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Current</span> : null} —{" "}
                    {rev.actor?.name ?? "Someone"},{" "}
                    <time dateTime={rev.createdAt} suppressHydrationWarning>
                      {formatDateTime(rev.createdAt)}
                    </time>
                    {rev.restoredFrom ? <span className="text-slate-600"> (restored version {rev.restoredFrom.version ?? "?"})</span> : null}
                  </p>
                  {isText ? (
                    <TextDiff before={typeof rev.previous === "string" ? rev.previous : ""} after={typeof rev.value === "string" ? rev.value : ""} />
                  ) : (
                    <p className="mt-1 text-slate-800">{summarizeValue(item, rev.value)}</p>
                  )}
                  {data.canRestore && !current ? (
                    confirm === rev.id ? (
                      <div className="mt-2 flex flex-wrap items-center gap-2" role="group" aria-label={`Confirm restoring version ${rev.version}`}>
                        <span className="text-slate-800">Make version {rev.version} the current answer? Everyone will see it.</span>
                        <Button type="button" size="sm" onClick={() => void restore(rev)} disabled={busy || hasUnsavedChanges}>
                          {busy ? "Restoring…" : "Yes, restore"}
                        </Button>
                        <Button type="button" size="sm" variant="secondary" onClick={() => setConfirm(null)} disabled={busy}>
                          Cancel
                        </Button>
                      </div>
                    ) : (
                      <Button type="button" size="sm" variant="secondary" className="mt-2" onClick={() => setConfirm(rev.id)} disabled={hasUnsavedChanges}>
                        Restore this version<span className="sr-only"> ({rev.version})</span>
                      </Button>
                    )
                  ) : null}
                </li>
              );
            })}
          </ol>
          {hasUnsavedChanges && data.canRestore ? <p className="mt-2 text-sm text-amber-900">Your latest change is not saved yet. Restoring is possible once it is saved.</p> : null}
          {data.nextBefore ? (
            <Button
              type="button"
              size="sm"
              variant="secondary"
              className="mt-2"
              disabled={loadingMore}
              onClick={async () => {
                setLoadingMore(true);
                try {
                  const more = await load(data.nextBefore!);
                  setData({ ...more, revisions: [...data.revisions, ...more.revisions] });
                } catch (err) {
                  setError((err as Error).message);
                } finally {
                  setLoadingMore(false);
                }
              }}
            >
              {loadingMore ? "Loading…" : "Show older versions"}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
