"use client";

import Link from "next/link";
import { useState, useTransition, type Dispatch, type SetStateAction } from "react";
import { STATUS_LABELS, type WorksheetStatus } from "@/lib/workbook/statuses";
import type { FrameworkRef, Worksheet } from "@/lib/workbook/template-schema";
import type { AutosaveStore } from "./autosave";
import { SaveIndicator } from "./indicators";

/** The worksheet's title, where it sits, what it draws on, whether it is saved, and its status. */
export function WorksheetHeader({
  workspaceId,
  worksheet,
  section,
  frameworks,
  embedded,
  canEdit,
  readOnlyReason,
  store,
  status,
  setStatus,
  canSetStatus,
  canReview,
}: {
  workspaceId: string;
  worksheet: Worksheet;
  section: { key: string; title: string };
  frameworks: FrameworkRef[];
  /** Shown inside another page (e.g. a meeting), which has its own breadcrumb and heading. */
  embedded: boolean;
  canEdit: boolean;
  readOnlyReason?: string;
  store: AutosaveStore;
  status: WorksheetStatus;
  setStatus: Dispatch<SetStateAction<WorksheetStatus>>;
  canSetStatus: boolean;
  canReview: boolean;
}) {
  const [statusError, setStatusError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const Title = embedded ? "h2" : "h1";

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

  const allowedStatuses = (Object.keys(STATUS_LABELS) as WorksheetStatus[]).filter((s) => (s === "COMPLETE" ? canReview : true));

  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div>
        {embedded ? (
          <p className="text-sm text-slate-700">{section.title}</p>
        ) : (
          <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
            <Link href={`/w/${workspaceId}`} className="underline">
              Workbook
            </Link>{" "}
            / {section.title}
          </nav>
        )}
        <Title className="mt-1 text-2xl font-bold text-slate-900">{worksheet.title}</Title>
        <p className="mt-1 max-w-3xl text-slate-700">{worksheet.intro}</p>
        <p className="mt-2 text-sm text-slate-600">Draws on: {frameworks.map((f) => f.name).join("; ")}</p>
      </div>
      <div className="flex flex-col items-end gap-2">
        {canEdit ? <SaveIndicator store={store} /> : <p className="rounded-full border border-slate-300 bg-slate-50 px-3 py-1 text-sm">{readOnlyReason ?? "Read only"}</p>}
        <div className="flex items-center gap-2">
          <label htmlFor="worksheet-status" className="text-sm font-medium text-slate-800">
            Status
          </label>
          <select
            id="worksheet-status"
            className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
            value={status}
            disabled={!canSetStatus || pending || (status === "COMPLETE" && !canReview)}
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
  );
}

/** Previous and next worksheet, and where this one is in the workbook. */
export function WorksheetNav({
  workspaceId,
  prev,
  next,
  position,
}: {
  workspaceId: string;
  prev: { key: string; title: string } | null;
  next: { key: string; title: string } | null;
  position: { index: number; total: number };
}) {
  const base = `/w/${workspaceId}`;
  if (!prev && !next) {
    return (
      <p className="border-t border-slate-200 pt-4 text-center text-sm text-slate-600">
        Worksheet {position.index + 1} of {position.total}
      </p>
    );
  }
  return (
    <nav aria-label="Worksheets" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
      {prev ? (
        <Link className="text-brand-700 underline" href={`${base}/worksheets/${prev.key}`}>
          ← Previous: {prev.title}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        Worksheet {position.index + 1} of {position.total}
      </span>
      {next ? (
        <Link className="text-brand-700 underline" href={`${base}/worksheets/${next.key}`}>
          Next: {next.title} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
