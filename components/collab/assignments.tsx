"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { AssignmentView } from "@/lib/assignments/service";
import { formatDay, readError } from "./format";
import { Avatar } from "./presence";

export type { AssignmentView };
type Assignable = { id: string; name: string };

function isOverdue(day: string | null) {
  if (!day) return false;
  return day < new Date().toISOString().slice(0, 10);
}

/** Who this worksheet is assigned to; coordinators can assign and unassign here. */
export function AssignmentsPanel({
  workspaceId,
  worksheetKey,
  assignments,
  assignable,
  canAssign,
  complete,
  onChanged,
}: {
  workspaceId: string;
  worksheetKey: string;
  assignments: AssignmentView[];
  assignable: Assignable[];
  canAssign: boolean;
  complete: boolean;
  onChanged: () => void | Promise<void>;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [due, setDue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/assignments`;

  const submit = async () => {
    if (chosen.length === 0) {
      setError("Choose at least one person.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(base, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ worksheetKey, userIds: chosen, dueDate: due || null }),
      });
      if (!res.ok) throw new Error(await readError(res, "The worksheet could not be assigned."));
      const body = (await res.json()) as { created: string[]; updated: string[] };
      const n = body.created.length;
      setNotice(n ? `Assigned. ${n === 1 ? "They have" : `${n} people have`} been notified.` : "Due date updated.");
      setChosen([]);
      setDue("");
      setOpen(false);
      await onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const unassign = async (a: AssignmentView) => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`${base}/${encodeURIComponent(a.id)}`, { method: "DELETE" });
      if (!res.ok) throw new Error(await readError(res, "The assignment could not be removed."));
      setNotice(`${a.user.name} is no longer assigned.`);
      await onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="assignments">
      <h2 id={`${id}-h`} className="text-base font-semibold text-slate-900">
        Assigned to
      </h2>
      {assignments.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No one yet.{canAssign ? " Assign people so they see it under “My work”." : ""}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {assignments.map((a) => {
            const late = !complete && isOverdue(a.dueDate);
            return (
              <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
                <Avatar id={a.user.id} name={a.user.name} size="sm" />
                <span className="font-medium text-slate-900">{a.user.name}</span>
                <span className={late ? "font-semibold text-red-800" : "text-slate-700"}>
                  {a.dueDate ? `${late ? "Overdue — was due" : "due"} ${formatDay(a.dueDate)}` : "no due date"}
                </span>
                {canAssign ? (
                  <button type="button" className="rounded text-sm text-red-700 underline underline-offset-2" onClick={() => void unassign(a)} disabled={busy}>
                    Remove<span className="sr-only"> {a.user.name} from this worksheet</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {notice ? (
        <p role="status" className="mt-2 text-sm text-green-800">
          {notice}
        </p>
      ) : null}
      {canAssign ? (
        open ? (
          <form
            className="mt-3 space-y-3 border-t border-slate-200 pt-3"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Who should work on this worksheet?</legend>
              {assignable.length === 0 ? (
                <p className="mt-1 text-sm text-slate-700">There are no members to assign yet. Invite people on the Team page.</p>
              ) : (
                <div className="mt-1 grid gap-1 sm:grid-cols-2">
                  {assignable.map((m) => (
                    <label key={m.id} className="flex items-center gap-2 text-sm text-slate-900">
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-brand-700"
                        checked={chosen.includes(m.id)}
                        onChange={(e) => setChosen((c) => (e.target.checked ? [...c, m.id] : c.filter((x) => x !== m.id)))}
                      />
                      {m.name}
                      {assignments.some((a) => a.user.id === m.id) ? <span className="text-slate-600">(already assigned)</span> : null}
                    </label>
                  ))}
                </div>
              )}
            </fieldset>
            <div>
              <label htmlFor={`${id}-due`} className="block text-sm font-medium text-slate-800">
                Due date (optional)
              </label>
              <input
                id={`${id}-due`}
                type="date"
                value={due}
                onChange={(e) => setDue(e.target.value)}
                className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900"
              />
            </div>
            {error ? (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
            <div className="flex gap-2">
              <Button type="submit" size="sm" disabled={busy}>
                {busy ? "Assigning…" : "Assign"}
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <>
            {error ? (
              <p role="alert" className="mt-2 text-sm text-red-700">
                {error}
              </p>
            ) : null}
            <Button type="button" size="sm" variant="secondary" className="mt-3" onClick={() => setOpen(true)}>
              Assign people
            </Button>
          </>
        )
      ) : null}
    </section>
  );
}
