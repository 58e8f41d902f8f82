"use client";

import Link from "next/link";
import { useMemo, useRef, useState, useTransition } from "react";
import { answerSchema } from "@/lib/workbook/answer-schemas";
import { isAnswerable, type FrameworkRef, type Item, type Worksheet } from "@/lib/workbook/template-schema";
import { Button } from "@/components/ui/button";
import { AutosaveStore, useAutosave, type ItemState } from "./autosave";
import { ItemControl, type Member } from "./item-controls";

export type WorksheetStatus = "NOT_STARTED" | "IN_PROGRESS" | "READY_FOR_REVIEW" | "COMPLETE";
const STATUS_LABELS: Record<WorksheetStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  READY_FOR_REVIEW: "Ready for review",
  COMPLETE: "Complete",
};

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
  const isText = item.kind === "short_text" || item.kind === "long_text";
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

function ItemBlock({
  item,
  state,
  store,
  change,
  canEdit,
  members,
  onFocusItem,
}: {
  item: Item;
  state?: ItemState;
  store: AutosaveStore;
  change: (k: string, v: unknown) => void;
  canEdit: boolean;
  members: Member[];
  onFocusItem: (k: string | null) => void;
}) {
  const [showHelp, setShowHelp] = useState(false);
  const labelId = `label-${item.key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  if (item.kind === "instructions") {
    return (
      <section className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-slate-900" aria-label={item.label}>
        <h2 className="font-semibold">{item.label}</h2>
        {item.body.split(/\n{2,}/).map((p, i) => (
          <p key={i} className="mt-2 whitespace-pre-line text-sm">
            {p}
          </p>
        ))}
      </section>
    );
  }
  const errorId = `${labelId}-error`;
  const helpId = `${labelId}-help`;
  const describedBy = [showHelp && item.help ? helpId : null, state?.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const labelsInput = item.kind === "short_text" || item.kind === "long_text" || item.kind === "number" || item.kind === "date";
  const LabelTag = labelsInput ? "label" : "p";
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-item={item.key}>
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
      {state?.state === "conflict" && state.conflict ? <ConflictPanel item={item} state={state} store={store} /> : null}
    </section>
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
  const [status, setStatus] = useState<WorksheetStatus>(props.status);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const base = `/w/${workspaceId}`;

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

  const allowedStatuses = (Object.keys(STATUS_LABELS) as WorksheetStatus[]).filter((s) => (s === "COMPLETE" ? props.canReview : true));

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
            <Link href={base} className="underline">
              Workbook
            </Link>{" "}
            / {props.section.title}
          </nav>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">{worksheet.title}</h1>
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
            onFocusItem={(k) => {
              focused.current = k;
            }}
          />
        ))}
      </div>

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
    </div>
  );
}
