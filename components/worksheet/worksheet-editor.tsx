"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { answerSchema } from "@/lib/workbook/answer-schemas";
import { isAnswerable, itemModule } from "@/lib/items/registry";
import type { FrameworkRef, Item, Worksheet } from "@/lib/workbook/template-schema";
import { Button } from "@/components/ui/button";
import { AssignmentsPanel, type AssignmentView } from "@/components/collab/assignments";
import { CommentsPanel, type ThreadView } from "@/components/collab/comments";
import { HistoryPanel } from "@/components/collab/history";
import { ItemEditors, PresenceBar, usePresence, type PresencePerson } from "@/components/collab/presence";
import { useLiveEvents, type LiveStatus } from "@/components/collab/use-live-events";
import { AutosaveStore, useAutosave, type Conflict, type ItemState } from "./autosave";
import { ItemControl, itemEditor, type Member } from "@/components/items/registry";

import { STATUS_LABELS, type WorksheetStatus } from "@/lib/workbook/statuses";
export type { WorksheetStatus };

function SaveIndicator({ store }: { store: AutosaveStore }) {
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

function describe(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

function ConflictPanel({ item, state, store }: { item: Item; state: ItemState; store: AutosaveStore }) {
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

type Collab = {
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

function ItemBlock({
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

function LiveIndicator({ status, message }: { status: LiveStatus; message?: string }) {
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

export type WorksheetEditorProps = {
  workspaceId: string;
  worksheet: Worksheet;
  section: { key: string; title: string };
  answers: Record<string, { value: unknown; version: number }>;
  members: Member[];
  status: WorksheetStatus;
  canEdit: boolean;
  canSetStatus: boolean;
  canReview: boolean;
  prev: { key: string; title: string } | null;
  next: { key: string; title: string } | null;
  position: { index: number; total: number };
  frameworks: FrameworkRef[];
  readOnlyReason?: string;
  /** The signed-in person; with `collab`, turns on presence, comments and assignments. */
  me?: { id: string; name: string };
  collab?: {
    threads: ThreadView[];
    canReadComments: boolean;
    canComment: boolean;
    assignments: AssignmentView[];
    canAssign: boolean;
    assignable: Member[];
    presence: PresencePerson[];
    /** The newest live event when the page was rendered: the stream resumes after it. */
    lastEventId: string | null;
    /** Open this item's comments ("worksheet" for the whole worksheet) on arrival. */
    openComments: string | null;
  };
};

const EMBEDDED: NonNullable<WorksheetEditorProps["collab"]> = {
  threads: [],
  canReadComments: false,
  canComment: false,
  assignments: [],
  canAssign: false,
  assignable: [],
  presence: [],
  lastEventId: null,
  openComments: null,
};

export function WorksheetEditor(props: WorksheetEditorProps) {
  const { workspaceId, worksheet, canEdit } = props;
  const itemsByKey = useMemo(() => new Map(worksheet.items.map((i) => [i.key, i])), [worksheet]);
  const [store] = useState(
    () =>
      new AutosaveStore(workspaceId, props.answers, (key, value) => {
        const item = itemsByKey.get(key);
        if (!item) return null;
        const r = answerSchema(item).safeParse(value);
        return r.success ? null : r.error.issues[0]?.message ?? "This answer is not valid";
      }),
  );
  const { snapshot, change } = useAutosave(store);
  const focused = useRef<string | null>(null);
  const [focusedItem, setFocusedItem] = useState<string | null>(null);
  const [status, setStatus] = useState<WorksheetStatus>(props.status);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const base = `/w/${workspaceId}`;
  const api = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
  // Embedded elsewhere (e.g. in a meeting) without collaboration data: live answers and history only.
  const embedded = !props.collab || !props.me;
  const collab = props.collab ?? EMBEDDED;
  const Title = embedded ? "h2" : "h1";
  const me = props.me ?? { id: "", name: "" };

  const [threads, setThreads] = useState<ThreadView[]>(collab.threads);
  const [assignments, setAssignments] = useState<AssignmentView[]>(collab.assignments);
  const [openPanel, setOpenPanel] = useState<Collab["openPanel"]>(() =>
    collab.openComments && collab.openComments !== "worksheet" && itemsByKey.has(collab.openComments) ? { itemKey: collab.openComments, panel: "comments" } : null,
  );
  const [liveMessage, setLiveMessage] = useState<string | undefined>();

  const refreshThreads = useCallback(async () => {
    if (!collab.canReadComments) return;
    try {
      const res = await fetch(`${api}/comments?worksheetKey=${encodeURIComponent(worksheet.key)}`);
      if (res.ok) setThreads(((await res.json()) as { threads: ThreadView[] }).threads);
    } catch {
      // Offline: the next event or resync tries again.
    }
  }, [api, worksheet.key, collab.canReadComments]);

  const refreshAssignments = useCallback(async () => {
    try {
      const res = await fetch(`${api}/assignments?worksheetKey=${encodeURIComponent(worksheet.key)}`);
      if (res.ok) setAssignments(((await res.json()) as { assignments: AssignmentView[] }).assignments);
    } catch {
      /* as above */
    }
  }, [api, worksheet.key]);

  const presence = usePresence({ workspaceId, worksheetKey: worksheet.key, focusedItem, meId: me.id, initial: collab.presence, enabled: !embedded });
  const isEditing = useCallback((itemKey: string) => () => focused.current === itemKey, []);

  const resync = useCallback(async () => {
    try {
      const res = await fetch(`${api}/events/state?worksheetKey=${encodeURIComponent(worksheet.key)}`);
      if (res.ok) {
        const body = (await res.json()) as { status: WorksheetStatus; answers: Record<string, Conflict> };
        for (const [itemKey, a] of Object.entries(body.answers)) {
          if (a.version > 0) store.applyRemote(itemKey, a, isEditing(itemKey));
        }
        setStatus(body.status);
      }
    } catch {
      /* the next resync tries again */
    }
    if (!embedded) {
      void refreshThreads();
      void refreshAssignments();
    }
  }, [api, worksheet.key, store, isEditing, refreshThreads, refreshAssignments, embedded]);

  const liveStatus = useLiveEvents(
    workspaceId,
    {
      onEvent: (type, data) => {
        if (type === "presence.changed") return presence.apply(data);
        if (data.worksheetKey !== worksheet.key) return;
        if (type === "answer.saved" && typeof data.itemKey === "string" && typeof data.version === "number") {
          store.applyRemote(
            data.itemKey,
            { value: data.value, version: data.version, updatedBy: (data.updatedBy as Conflict["updatedBy"]) ?? null, updatedAt: (data.updatedAt as string) ?? null },
            isEditing(data.itemKey),
          );
          if (typeof data.status === "string") setStatus(data.status as WorksheetStatus);
        } else if (type === "worksheet.status" && typeof data.status === "string") {
          setStatus(data.status as WorksheetStatus);
        } else if (type === "comment.changed" && !embedded) {
          void refreshThreads();
        } else if (type === "assignment.changed" && !embedded) {
          void refreshAssignments();
        }
      },
      onResync: () => void resync(),
      onStatus: (_s, message) => setLiveMessage(message),
    },
    { initialLastEventId: collab.lastEventId },
  );

  // Arriving from a notification: show the comments it points at.
  useEffect(() => {
    if (!collab.openComments) return;
    const el = document.getElementById(`comments-${collab.openComments}`);
    el?.scrollIntoView({ block: "start" });
  }, [collab.openComments]);

  const onFocusItem = useCallback((k: string | null) => {
    focused.current = k;
    setFocusedItem(k);
  }, []);

  const changeStatus = (next: WorksheetStatus) =>
    start(async () => {
      setStatusError(null);
      const res = await fetch(`/api/v1/workspaces/${workspaceId}/worksheets/${worksheet.key}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ status: next }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) setStatusError(body?.error?.message ?? "The status could not be changed.");
      else setStatus(next);
    });

  const collabCtx: Collab = {
    workspaceId,
    worksheetKey: worksheet.key,
    me,
    threads,
    mentionable: props.members.filter((m) => m.id !== me.id),
    canComment: collab.canComment,
    canReadComments: collab.canReadComments,
    others: presence.others,
    openPanel,
    setOpenPanel,
    refreshThreads,
  };
  const openThreads = threads.filter((t) => !t.resolvedAt).length;
  const worksheetThreads = threads.filter((t) => t.itemKey === null);

  const allowedStatuses = (Object.keys(STATUS_LABELS) as WorksheetStatus[]).filter((s) => (s === "COMPLETE" ? props.canReview : true));

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          {embedded ? (
            // Shown inside another page (e.g. a meeting), which has its own breadcrumb and heading.
            <p className="text-sm text-slate-700">{props.section.title}</p>
          ) : (
            <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
              <Link href={base} className="underline">
                Workbook
              </Link>{" "}
              / {props.section.title}
            </nav>
          )}
          <Title className="mt-1 text-2xl font-bold text-slate-900">{worksheet.title}</Title>
          <p className="mt-1 max-w-3xl text-slate-700">{worksheet.intro}</p>
          <p className="mt-2 text-sm text-slate-600">
            Draws on: {props.frameworks.map((f) => (f.url ? f.name : f.name)).join("; ")}
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          {canEdit ? <SaveIndicator store={store} /> : <p className="rounded-full border border-slate-300 bg-slate-50 px-3 py-1 text-sm">{props.readOnlyReason ?? "Read only"}</p>}
          <div className="flex items-center gap-2">
            <label htmlFor="worksheet-status" className="text-sm font-medium text-slate-800">
              Status
            </label>
            <select
              id="worksheet-status"
              className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
              value={status}
              disabled={!props.canSetStatus || pending || (status === "COMPLETE" && !props.canReview)}
              onChange={(e) => changeStatus(e.target.value as WorksheetStatus)}
            >
              {(allowedStatuses.includes(status) ? allowedStatuses : [...allowedStatuses, status]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          {statusError ? (
            <p role="alert" className="text-sm text-red-700">
              {statusError}
            </p>
          ) : null}
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
        {embedded ? <span /> : <PresenceBar others={presence.others} />}
        <div className="flex flex-wrap items-center gap-4">
          {collab.canReadComments ? (
            <a href="#comments-worksheet" className="text-sm text-brand-700 underline underline-offset-2" data-testid="open-comments-count">
              {openThreads === 0 ? "No open comments" : `${openThreads} open ${openThreads === 1 ? "comment" : "comments"}`}
            </a>
          ) : null}
          <LiveIndicator status={liveStatus} message={liveMessage} />
        </div>
      </div>

      {embedded ? null : (
        <AssignmentsPanel
          workspaceId={workspaceId}
          worksheetKey={worksheet.key}
          assignments={assignments}
          assignable={collab.assignable}
          canAssign={collab.canAssign}
          complete={status === "COMPLETE"}
          onChanged={refreshAssignments}
        />
      )}

      <div className="grid gap-4">
        {worksheet.items.map((item) => (
          <ItemBlock
            key={item.key}
            item={item}
            state={isAnswerable(item) ? snapshot.get(item.key) : undefined}
            store={store}
            change={change}
            canEdit={canEdit}
            members={props.members}
            onFocusItem={onFocusItem}
            collab={collabCtx}
          />
        ))}
      </div>

      {collab.canReadComments ? (
        <CommentsPanel
          workspaceId={workspaceId}
          worksheetKey={worksheet.key}
          itemKey={null}
          itemLabel={null}
          threads={worksheetThreads}
          members={collabCtx.mentionable}
          me={me}
          canWrite={collab.canComment}
          onChanged={refreshThreads}
        />
      ) : null}

      {props.prev || props.next ? (
        <nav aria-label="Worksheets" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
          {props.prev ? (
            <Link className="text-brand-700 underline" href={`${base}/worksheets/${props.prev.key}`}>
              ← Previous: {props.prev.title}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            Worksheet {props.position.index + 1} of {props.position.total}
          </span>
          {props.next ? (
            <Link className="text-brand-700 underline" href={`${base}/worksheets/${props.next.key}`}>
              Next: {props.next.title} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : (
        <p className="border-t border-slate-200 pt-4 text-center text-sm text-slate-600">
          Worksheet {props.position.index + 1} of {props.position.total}
        </p>
      )}
    </div>
  );
}
