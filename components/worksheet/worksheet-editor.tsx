"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AssignmentsPanel, type AssignmentView } from "@/components/collab/assignments";
import { CommentsPanel, type ThreadView } from "@/components/collab/comments";
import { PresenceBar, type PresencePerson } from "@/components/collab/presence";
import type { Member } from "@/components/items/registry";
import { isAnswerable } from "@/lib/items/registry";
import { answerSchema } from "@/lib/workbook/answer-schemas";
import type { WorksheetStatus } from "@/lib/workbook/statuses";
import type { FrameworkRef, Worksheet } from "@/lib/workbook/template-schema";
import { AutosaveStore, useAutosave } from "./autosave";
import { LiveIndicator } from "./indicators";
import { ItemBlock, type Collab } from "./item-block";
import { useWorksheetLive } from "./use-worksheet-live";
import { CalcProvider } from "@/components/calc/calc-context";
import type { CalcItem } from "@/lib/calc/inputs";
import { WorksheetHeader, WorksheetNav } from "./worksheet-header";

export type { WorksheetStatus };

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
  /** Calculations on this worksheet: the items they involve and the answers they read on other worksheets. */
  calc?: { items: CalcItem[]; external: Record<string, unknown> };
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

/**
 * A worksheet being filled in: every item with its kind's control, saved as
 * people type (components/worksheet/autosave.ts), kept current with others'
 * changes, with comments, history, assignments and the worksheet's status.
 */
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
  // Embedded elsewhere (e.g. in a meeting) without collaboration data: live answers and history only.
  const embedded = !props.collab || !props.me;
  const collab = props.collab ?? EMBEDDED;
  const me = props.me ?? { id: "", name: "" };

  const [openPanel, setOpenPanel] = useState<Collab["openPanel"]>(() =>
    collab.openComments && collab.openComments !== "worksheet" && itemsByKey.has(collab.openComments) ? { itemKey: collab.openComments, panel: "comments" } : null,
  );

  // Answers on other worksheets that this worksheet's calculations read, kept current by live events.
  const calcItemMap = useMemo(() => new Map((props.calc?.items ?? []).map((i) => [i.key, i])), [props.calc]);
  const [external, setExternal] = useState<Record<string, unknown>>(() => props.calc?.external ?? {});
  const currentValues = useMemo(() => Object.fromEntries([...snapshot].map(([k, s]) => [k, s.value])), [snapshot]);
  const onOtherAnswer = useCallback(
    (itemKey: string, value: unknown) => {
      if (calcItemMap.has(itemKey)) setExternal((prev) => ({ ...prev, [itemKey]: value }));
    },
    [calcItemMap],
  );
  const onOtherResync = useCallback(() => {
    const byWorksheet = new Map<string, string[]>();
    for (const i of calcItemMap.values()) if (i.worksheetKey !== worksheet.key) byWorksheet.set(i.worksheetKey, [...(byWorksheet.get(i.worksheetKey) ?? []), i.key]);
    for (const [wsKey, keys] of byWorksheet) {
      void fetch(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/events/state?worksheetKey=${encodeURIComponent(wsKey)}`)
        .then((res) => (res.ok ? (res.json() as Promise<{ answers: Record<string, { value: unknown }> }>) : null))
        .then((body) => {
          if (body) setExternal((prev) => ({ ...prev, ...Object.fromEntries(keys.map((k) => [k, body.answers[k]?.value ?? null])) }));
        })
        .catch(() => {
          /* the next resync tries again */
        });
    }
  }, [calcItemMap, worksheet.key, workspaceId]);

  const live = useWorksheetLive({
    onOtherAnswer,
    onOtherResync,
    workspaceId,
    worksheetKey: worksheet.key,
    store,
    embedded,
    meId: me.id,
    focused,
    focusedItem,
    setStatus,
    initial: collab,
  });

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

  const collabCtx: Collab = {
    workspaceId,
    worksheetKey: worksheet.key,
    me,
    threads: live.threads,
    mentionable: props.members.filter((m) => m.id !== me.id),
    canComment: collab.canComment,
    canReadComments: collab.canReadComments,
    others: live.others,
    openPanel,
    setOpenPanel,
    refreshThreads: live.refreshThreads,
  };
  const openThreads = live.threads.filter((t) => !t.resolvedAt).length;
  const worksheetThreads = live.threads.filter((t) => t.itemKey === null);

  return (
    <div className="grid gap-6">
      <WorksheetHeader
        workspaceId={workspaceId}
        worksheet={worksheet}
        section={props.section}
        frameworks={props.frameworks}
        embedded={embedded}
        canEdit={canEdit}
        readOnlyReason={props.readOnlyReason}
        store={store}
        status={status}
        setStatus={setStatus}
        canSetStatus={props.canSetStatus}
        canReview={props.canReview}
      />

      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
        {embedded ? <span /> : <PresenceBar others={live.others} />}
        <div className="flex flex-wrap items-center gap-4">
          {collab.canReadComments ? (
            <a href="#comments-worksheet" className="text-sm text-brand-700 underline underline-offset-2" data-testid="open-comments-count">
              {openThreads === 0 ? "No open comments" : `${openThreads} open ${openThreads === 1 ? "comment" : "comments"}`}
            </a>
          ) : null}
          <LiveIndicator status={live.liveStatus} message={live.liveMessage} />
        </div>
      </div>

      {embedded ? null : (
        <AssignmentsPanel
          workspaceId={workspaceId}
          worksheetKey={worksheet.key}
          assignments={live.assignments}
          assignable={collab.assignable}
          canAssign={collab.canAssign}
          complete={status === "COMPLETE"}
          onChanged={live.refreshAssignments}
        />
      )}

      <CalcProvider items={calcItemMap} values={currentValues} external={external}>
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
      </CalcProvider>

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
          onChanged={live.refreshThreads}
        />
      ) : null}

      <WorksheetNav workspaceId={workspaceId} prev={props.prev} next={props.next} position={props.position} />
    </div>
  );
}
