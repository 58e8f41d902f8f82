"use client";

import { useCallback, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { AssignmentView } from "@/components/collab/assignments";
import type { ThreadView } from "@/components/collab/comments";
import { usePresence, type PresencePerson } from "@/components/collab/presence";
import { useLiveEvents } from "@/components/collab/use-live-events";
import type { WorksheetStatus } from "@/lib/workbook/statuses";
import type { AutosaveStore, Conflict } from "./autosave";

type LiveOptions = {
  workspaceId: string;
  worksheetKey: string;
  store: AutosaveStore;
  /** Embedded elsewhere (e.g. in a meeting): live answers and status only. */
  embedded: boolean;
  meId: string;
  /** The item this person is in (its key), as a ref for event handlers and as state for presence. */
  focused: RefObject<string | null>;
  focusedItem: string | null;
  setStatus: Dispatch<SetStateAction<WorksheetStatus>>;
  /** Answers saved on other worksheets that this one's calculations read. */
  onOtherAnswer?: (itemKey: string, value: unknown) => void;
  /** After the stream reconnects: reload what the calculations read elsewhere. */
  onOtherResync?: () => void;
  initial: {
    threads: ThreadView[];
    assignments: AssignmentView[];
    presence: PresencePerson[];
    canReadComments: boolean;
    lastEventId: string | null;
  };
};

/**
 * The worksheet kept current while it is open: others' answers and status
 * changes from the live stream (merged into the autosave store without
 * touching the item this person is editing), comments, assignments and
 * presence; a full resync after the stream reconnects.
 */
export function useWorksheetLive({ workspaceId, worksheetKey, store, embedded, meId, focused, focusedItem, setStatus, initial, onOtherAnswer, onOtherResync }: LiveOptions) {
  const api = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
  const [threads, setThreads] = useState<ThreadView[]>(initial.threads);
  const [assignments, setAssignments] = useState<AssignmentView[]>(initial.assignments);
  const [liveMessage, setLiveMessage] = useState<string | undefined>();
  const canReadComments = initial.canReadComments;

  const refreshThreads = useCallback(async () => {
    if (!canReadComments) return;
    try {
      const res = await fetch(`${api}/comments?worksheetKey=${encodeURIComponent(worksheetKey)}`);
      if (res.ok) setThreads(((await res.json()) as { threads: ThreadView[] }).threads);
    } catch {
      // Offline: the next event or resync tries again.
    }
  }, [api, worksheetKey, canReadComments]);

  const refreshAssignments = useCallback(async () => {
    try {
      const res = await fetch(`${api}/assignments?worksheetKey=${encodeURIComponent(worksheetKey)}`);
      if (res.ok) setAssignments(((await res.json()) as { assignments: AssignmentView[] }).assignments);
    } catch {
      /* as above */
    }
  }, [api, worksheetKey]);

  const presence = usePresence({ workspaceId, worksheetKey, focusedItem, meId, initial: initial.presence, enabled: !embedded });
  const isEditing = useCallback((itemKey: string) => () => focused.current === itemKey, [focused]);

  const resync = useCallback(async () => {
    try {
      const res = await fetch(`${api}/events/state?worksheetKey=${encodeURIComponent(worksheetKey)}`);
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
  }, [api, worksheetKey, store, isEditing, refreshThreads, refreshAssignments, embedded, setStatus]);

  const liveStatus = useLiveEvents(
    workspaceId,
    {
      onEvent: (type, data) => {
        if (type === "presence.changed") return presence.apply(data);
        if (data.worksheetKey !== worksheetKey) {
          if (type === "answer.saved" && typeof data.itemKey === "string") onOtherAnswer?.(data.itemKey, data.value);
          return;
        }
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
      onResync: () => {
        void resync();
        onOtherResync?.();
      },
      onStatus: (_s, message) => setLiveMessage(message),
    },
    { initialLastEventId: initial.lastEventId },
  );

  return { threads, assignments, refreshThreads, refreshAssignments, others: presence.others, liveStatus, liveMessage };
}
