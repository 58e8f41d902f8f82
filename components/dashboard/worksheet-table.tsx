"use client";

import Link from "next/link";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { STATUS_LABELS, WORKSHEET_STATUSES, type WorksheetStatus } from "@/lib/progress/constants";
import type { WorksheetProgress } from "@/lib/progress/types";
import { cn } from "@/lib/utils";
import { STATUS_STYLES, formatDay, percent, plural } from "./format";

type SortKey = "worksheet" | "section" | "status" | "completion" | "assignees" | "dueDate" | "lastChangedAt" | "openComments";
type Sort = { key: SortKey; dir: "ascending" | "descending" };

const STATUS_ORDER: Record<WorksheetStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 1, READY_FOR_REVIEW: 2, COMPLETE: 3 };

const UNASSIGNED = "__unassigned";

/** Compares two rows on one column; blanks (no due date, never changed…) always sort last. */
function compare(a: WorksheetProgress & { order: number }, b: WorksheetProgress & { order: number }, sort: Sort): number {
  const sign = sort.dir === "ascending" ? 1 : -1;
  const blanksLast = (x: string | null | undefined, y: string | null | undefined) => {
    if (!x && !y) return 0;
    if (!x) return 1;
    if (!y) return -1;
    return sign * x.localeCompare(y);
  };
  let result = 0;
  switch (sort.key) {
    case "worksheet":
      result = sign * (a.order - b.order);
      break;
    case "section":
      result = sign * a.sectionTitle.localeCompare(b.sectionTitle);
      break;
    case "status":
      result = sign * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      break;
    case "completion":
      result = sign * (a.completion - b.completion);
      break;
    case "assignees":
      result = blanksLast(a.assignees[0]?.name, b.assignees[0]?.name);
      break;
    case "dueDate":
      result = blanksLast(a.dueDate, b.dueDate);
      break;
    case "lastChangedAt":
      result = blanksLast(a.lastChangedAt, b.lastChangedAt);
      break;
    case "openComments":
      result = sign * (a.openComments - b.openComments);
      break;
  }
  return result || a.order - b.order;
}

const noSubscribe = () => () => {};

/** Dates and times in the reader's own time zone once the page runs in their browser. */
function useLocalTime() {
  const inBrowser = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  return useMemo(() => {
    const f = new Intl.DateTimeFormat("en-US", {
      month: "short",
      day: "numeric",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      ...(inBrowser ? {} : { timeZone: "UTC", timeZoneName: "short" }),
    });
    return (iso: string) => f.format(new Date(iso));
  }, [inBrowser]);
}

function SortHeader({
  label,
  column,
  sort,
  onSort,
  className,
}: {
  label: string;
  column: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
  className?: string;
}) {
  const active = sort.key === column;
  const Icon = !active ? ArrowUpDown : sort.dir === "ascending" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? sort.dir : "none"} className={cn("px-3 py-2 text-left align-bottom font-semibold", className)}>
      <button
        type="button"
        onClick={() => onSort(column)}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 text-left hover:bg-slate-200 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {label}
        <Icon aria-hidden="true" className={cn("h-4 w-4 shrink-0", active ? "text-slate-900" : "text-slate-500")} />
      </button>
    </th>
  );
}

const selectClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * The worksheet table of the progress dashboard: every worksheet with its
 * status, completion, assignees, due date, last change and open comments.
 * Sortable by any column (the header buttons) and filterable by section,
 * status, assignee and text.
 */
export function WorksheetTable({
  workspaceId,
  worksheets,
  sections,
  csvHref,
}: {
  workspaceId: string;
  worksheets: WorksheetProgress[];
  sections: Array<{ key: string; title: string }>;
  csvHref?: string;
}) {
  const id = useId();
  const [sort, setSort] = useState<Sort>({ key: "worksheet", dir: "ascending" });
  const [section, setSection] = useState("");
  const [status, setStatus] = useState("");
  const [assignee, setAssignee] = useState("");
  const [text, setText] = useState("");
  const formatTime = useLocalTime();

  const people = useMemo(() => {
    const byId = new Map<string, string>();
    for (const w of worksheets) for (const a of w.assignees) byId.set(a.id, a.name);
    return [...byId].map(([pid, name]) => ({ id: pid, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [worksheets]);

  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return worksheets
      .map((w, order) => ({ ...w, order }))
      .filter((w) => !section || w.sectionKey === section)
      .filter((w) => !status || w.status === status)
      .filter((w) => !assignee || (assignee === UNASSIGNED ? w.assignees.length === 0 : w.assignees.some((a) => a.id === assignee)))
      .filter(
        (w) =>
          !needle ||
          [w.title, w.sectionTitle, STATUS_LABELS[w.status], ...w.assignees.map((a) => a.name)].some((s) => s.toLowerCase().includes(needle)),
      )
      .sort((a, b) => compare(a, b, sort));
  }, [worksheets, section, status, assignee, text, sort]);

  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "ascending" ? "descending" : "ascending" } : { key, dir: "ascending" }));
  const filtered = section !== "" || status !== "" || assignee !== "" || text.trim() !== "";
  const clear = () => {
    setSection("");
    setStatus("");
    setAssignee("");
    setText("");
  };

  return (
    <div>
      <div role="search" aria-label="Filter worksheets" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
        <div>
          <Label htmlFor={`${id}-text`}>Search</Label>
          <Input
            id={`${id}-text`}
            type="search"
            className="mt-1"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Worksheet or person"
          />
        </div>
        <div>
          <Label htmlFor={`${id}-section`}>Section</Label>
          <select id={`${id}-section`} className={selectClass} value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor={`${id}-status`}>Status</Label>
          <select id={`${id}-status`} className={selectClass} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {WORKSHEET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor={`${id}-assignee`}>Assigned to</Label>
          <select id={`${id}-assignee`} className={selectClass} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">Anyone</option>
            <option value={UNASSIGNED}>Nobody yet</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" onClick={clear} disabled={!filtered}>
            Clear filters
          </Button>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite" className="text-slate-700">
          {filtered
            ? `Showing ${rows.length} of ${plural(worksheets.length, "worksheet")}.`
            : `${plural(worksheets.length, "worksheet")}. Use the column headings to sort.`}
        </p>
        {csvHref ? (
          <a href={csvHref} download className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
            Download CSV (all worksheets, opens in a spreadsheet)
          </a>
        ) : null}
      </div>

      <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table className="w-full min-w-[56rem] border-collapse text-sm">
          <caption id={`${id}-caption`} className="sr-only">
            Worksheets, with status, completion, who they are assigned to, due date, last change and open comments
          </caption>
          <thead className="bg-slate-100 text-slate-900">
            <tr>
              <SortHeader label="Worksheet" column="worksheet" sort={sort} onSort={onSort} className="w-[24%]" />
              <SortHeader label="Section" column="section" sort={sort} onSort={onSort} />
              <SortHeader label="Status" column="status" sort={sort} onSort={onSort} />
              <SortHeader label="Completion" column="completion" sort={sort} onSort={onSort} />
              <SortHeader label="Assigned to" column="assignees" sort={sort} onSort={onSort} />
              <SortHeader label="Due date" column="dueDate" sort={sort} onSort={onSort} />
              <SortHeader label="Last change" column="lastChangedAt" sort={sort} onSort={onSort} />
              <SortHeader label="Open comments" column="openComments" sort={sort} onSort={onSort} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((w) => (
              <tr key={w.key} className="align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link
                    href={`/w/${workspaceId}/worksheets/${w.key}`}
                    className="text-brand-700 underline-offset-4 hover:text-brand-800 hover:underline"
                  >
                    {w.title}
                  </Link>
                </th>
                <td className="px-3 py-2 text-slate-700">{w.sectionTitle}</td>
                <td className="px-3 py-2">
                  <span className={cn("inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", STATUS_STYLES[w.status])}>
                    {STATUS_LABELS[w.status]}
                  </span>
                </td>
                <td className="px-3 py-2">
                  <div className="flex items-center gap-2">
                    <span className="w-10 text-right tabular-nums">{percent(w.completion)}</span>
                    <span aria-hidden="true" className="h-2 w-16 overflow-hidden rounded-full bg-slate-200">
                      <span className="block h-full bg-brand-600" style={{ width: `${Math.round(w.completion * 100)}%` }} />
                    </span>
                  </div>
                  <span className="text-xs text-slate-600">
                    {w.requiredItems > 0 ? `${w.answeredRequiredItems} of ${w.requiredItems} required` : "None required"}
                  </span>
                </td>
                <td className="px-3 py-2">
                  {w.assignees.length > 0 ? w.assignees.map((a) => a.name).join(", ") : <span className="text-slate-600">Nobody yet</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {w.dueDate ? (
                    <>
                      <span className="block">{formatDay(w.dueDate)}</span>
                      {w.overdue ? <span className="text-xs font-semibold text-red-800">Overdue</span> : null}
                    </>
                  ) : (
                    <span className="text-slate-600">None</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {w.lastChangedAt ? (
                    <>
                      <time dateTime={w.lastChangedAt} className="block whitespace-nowrap">
                        {formatTime(w.lastChangedAt)}
                      </time>
                      {w.lastChangedBy ? <span className="text-xs text-slate-600">by {w.lastChangedBy.name}</span> : null}
                    </>
                  ) : (
                    <span className="text-slate-600">Not yet</span>
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">
                  {w.openComments > 0 ? (
                    <Link
                      href={`/w/${workspaceId}/worksheets/${w.key}`}
                      className="text-brand-700 underline underline-offset-4 hover:text-brand-800"
                      aria-label={`${plural(w.openComments, "open comment")} on ${w.title}`}
                    >
                      {w.openComments}
                    </Link>
                  ) : (
                    <span className="text-slate-600">0</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <div className="p-6 text-center text-sm text-slate-700">
            <p className="font-medium text-slate-900">No worksheets match these filters.</p>
            <Button type="button" variant="link" onClick={clear} className="mt-1">
              Clear filters
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
