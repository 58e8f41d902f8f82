"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CommentsPanel, type ThreadView } from "@/components/collab/comments";
import { HistoryPanel } from "@/components/collab/history";
import { ItemEditors, type PresencePerson } from "@/components/collab/presence";
import { ItemControl, itemEditor, type Member } from "@/components/items/registry";
import type { Item } from "@/lib/workbook/template-schema";
import type { AutosaveStore, ItemState } from "./autosave";
import { ConflictPanel } from "./conflict-panel";

/** What an item's block needs from the worksheet: comments, presence and which panel is open. */
export type Collab = {
  workspaceId: string;
  worksheetKey: string;
  me: { id: string; name: string };
  threads: ThreadView[];
  mentionable: Member[];
  canComment: boolean;
  canReadComments: boolean;
  others: PresencePerson[];
  openPanel: { itemKey: string; panel: "comments" | "history" } | null;
  setOpenPanel: (p: { itemKey: string; panel: "comments" | "history" } | null) => void;
  refreshThreads: () => Promise<void>;
};

/**
 * One question on the worksheet: its label and help, its kind's control, save
 * state and conflicts, and its comments and history.
 */
export function ItemBlock({
  item,
  state,
  store,
  change,
  canEdit,
  members,
  onFocusItem,
  collab,
}: {
  item: Item;
  state?: ItemState;
  store: AutosaveStore;
  change: (k: string, v: unknown) => void;
  canEdit: boolean;
  members: Member[];
  onFocusItem: (k: string | null) => void;
  collab: Collab;
}) {
  const [showHelp, setShowHelp] = useState(false);
  const labelId = `label-${item.key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  const editor = itemEditor(item);
  if (editor.Display) return <editor.Display item={item} />;
  const errorId = `${labelId}-error`;
  const helpId = `${labelId}-help`;
  const describedBy = [showHelp && item.help ? helpId : null, state?.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const labelsInput = editor.labelsInput === true;
  const LabelTag = labelsInput ? "label" : "p";
  const threads = collab.threads.filter((t) => t.itemKey === item.key);
  const openCount = threads.filter((t) => !t.resolvedAt).length;
  const panel = collab.openPanel?.itemKey === item.key ? collab.openPanel.panel : null;
  const toggle = (p: "comments" | "history") => collab.setOpenPanel(panel === p ? null : { itemKey: item.key, panel: p });
  const panelId = `${labelId}-panel`;
  return (
    <section id={`item-${item.key}`} className="scroll-mt-24 rounded-lg border border-slate-200 bg-white p-4" data-item={item.key}>
      <ItemEditors itemKey={item.key} others={collab.others} />
      <div className="flex items-start justify-between gap-3">
        <LabelTag id={labelId} className="block font-medium text-slate-900" {...(labelsInput ? { htmlFor: `${labelId}-input` } : {})}>
          {item.label}
          {item.required ? (
            <span className="ml-1 text-sm font-normal text-red-700">
              <span aria-hidden="true">*</span>
              <span className="sr-only">(required)</span>
            </span>
          ) : null}
        </LabelTag>
        {item.help ? (
          <button
            type="button"
            className="shrink-0 rounded px-2 py-0.5 text-sm text-brand-700 underline"
            aria-expanded={showHelp}
            aria-controls={helpId}
            onClick={() => setShowHelp((s) => !s)}
          >
            {showHelp ? "Hide help" : "Help"}
            <span className="sr-only"> for {item.label}</span>
          </button>
        ) : null}
      </div>
      {item.help ? (
        <p id={helpId} hidden={!showHelp} className="mt-1 rounded bg-slate-50 p-2 text-sm text-slate-700">
          {item.help}
        </p>
      ) : null}
      <div className="mt-3">
        <ItemControl
          item={item}
          value={state?.value}
          onChange={(v) => change(item.key, v)}
          onBlur={() => {
            onFocusItem(null);
            store.flush(item.key);
          }}
          onFocus={() => onFocusItem(item.key)}
          disabled={!canEdit}
          members={members}
          describedBy={describedBy}
          invalid={state?.state === "invalid"}
          labelId={labelId}
        />
      </div>
      {state?.error ? (
        <p id={errorId} className="mt-2 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.state === "retrying" ? <p className="mt-2 text-sm text-red-800">Not saved yet — we will keep trying. Your text is kept on this device.</p> : null}
      {state?.remoteNotice && state.state === "saved" ? <p className="mt-2 text-sm text-violet-900">{state.remoteNotice}</p> : null}
      {state?.state === "conflict" && state.conflict ? <ConflictPanel item={item} state={state} store={store} /> : null}
      <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2">
        {collab.canReadComments ? (
          <Button
            type="button"
            size="sm"
            variant={panel === "comments" ? "default" : "secondary"}
            aria-expanded={panel === "comments"}
            aria-controls={panel === "comments" ? panelId : undefined}
            onClick={() => toggle("comments")}
          >
            Comments<span className="sr-only"> on “{item.label}”</span>
            {openCount ? <span className="rounded-full bg-violet-100 px-1.5 text-xs font-semibold text-violet-900">{openCount} open</span> : null}
          </Button>
        ) : null}
        <Button
          type="button"
          size="sm"
          variant={panel === "history" ? "default" : "secondary"}
          aria-expanded={panel === "history"}
          aria-controls={panel === "history" ? panelId : undefined}
          onClick={() => toggle("history")}
        >
          History<span className="sr-only"> of “{item.label}”</span>
        </Button>
      </div>
      {panel ? (
        <div id={panelId} className="mt-2">
          {panel === "comments" ? (
            <CommentsPanel
              workspaceId={collab.workspaceId}
              worksheetKey={collab.worksheetKey}
              itemKey={item.key}
              itemLabel={item.label}
              threads={threads}
              members={collab.mentionable}
              me={collab.me}
              canWrite={collab.canComment}
              onChanged={collab.refreshThreads}
            />
          ) : (
            <HistoryPanel
              workspaceId={collab.workspaceId}
              item={item}
              currentVersion={state?.version ?? 0}
              hasUnsavedChanges={Boolean(state && state.state !== "saved")}
              reloadKey={state?.version ?? 0}
              onRestored={(value, version) => store.acceptSaved(item.key, value, version)}
            />
          )}
        </div>
      ) : null}
    </section>
  );
}
