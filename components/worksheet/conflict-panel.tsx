"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { itemModule } from "@/lib/items/registry";
import type { Item } from "@/lib/workbook/template-schema";
import type { AutosaveStore, ItemState } from "./autosave";

function describe(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

/** Someone else saved this answer while this person was editing it: keep one version, or merge text. */
export function ConflictPanel({ item, state, store }: { item: Item; state: ItemState; store: AutosaveStore }) {
  const [merging, setMerging] = useState(false);
  const isText = itemModule(item).plainText === true;
  const [merged, setMerged] = useState(() => (isText ? `${String(state.conflict?.value ?? "")}\n${String(state.value ?? "")}` : ""));
  const c = state.conflict!;
  return (
    <div role="alert" className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm" data-testid={`conflict-${item.key}`}>
      <p className="font-medium text-amber-950">
        {c.updatedBy?.name ?? "Someone"} changed this answer while you were editing. Nothing has been overwritten — choose what to keep.
      </p>
      <div className="mt-2 grid gap-3 md:grid-cols-2">
        <div>
          <p className="font-medium text-slate-900">Your version</p>
          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded border border-slate-300 bg-white p-2 font-sans">{describe(state.value)}</pre>
        </div>
        <div>
          <p className="font-medium text-slate-900">Their version</p>
          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded border border-slate-300 bg-white p-2 font-sans">{describe(c.value)}</pre>
        </div>
      </div>
      {merging ? (
        <div className="mt-3">
          <label htmlFor={`merge-${item.key}`} className="font-medium text-slate-900">
            Merged version
          </label>
          <textarea id={`merge-${item.key}`} className="mt-1 block w-full rounded-md border border-slate-400 bg-white p-2" rows={5} value={merged} onChange={(e) => setMerged(e.target.value)} />
          <Button type="button" size="sm" className="mt-2" onClick={() => store.keepMine(item.key, merged)}>
            Save merged version
          </Button>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={() => store.keepMine(item.key)}>
          Keep mine
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => store.takeTheirs(item.key)}>
          Use theirs
        </Button>
        {isText && !merging ? (
          <Button type="button" size="sm" variant="secondary" onClick={() => setMerging(true)}>
            Edit a merged version
          </Button>
        ) : null}
      </div>
    </div>
  );
}
