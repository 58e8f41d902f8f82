"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { createMeetingAction } from "@/app/actions/meetings";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/input";

type Entry = { id: string; kind: "worksheet" | "free"; worksheetKey: string; title: string; minutes: string };
type WorksheetOption = { key: string; title: string; section: string };

let counter = 0;
const nextId = () => `a${++counter}`;

function defaultStart() {
  const d = new Date();
  d.setDate(d.getDate() + 7);
  d.setHours(14, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ScheduleMeetingForm({ workspaceId, worksheets }: { workspaceId: string; worksheets: WorksheetOption[] }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [startsAt, setStartsAt] = useState(defaultStart);
  const [location, setLocation] = useState("");
  const [entries, setEntries] = useState<Entry[]>([{ id: nextId(), kind: "worksheet", worksheetKey: worksheets[0]?.key ?? "", title: "", minutes: "20" }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const update = (id: string, patch: Partial<Entry>) => setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  const move = (index: number, to: number) =>
    setEntries((list) => {
      const copy = [...list];
      const [x] = copy.splice(index, 1);
      copy.splice(to, 0, x);
      return copy;
    });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    const local = new Date(startsAt);
    if (Number.isNaN(local.getTime())) {
      setErrors({ startsAt: "Choose a date and time" });
      return;
    }
    setPending(true);
    const res = await createMeetingAction(workspaceId, {
      title,
      startsAt: local.toISOString(),
      ...(location.trim() ? { location } : {}),
      agenda: entries.map((en) => ({
        ...(en.kind === "worksheet" ? { worksheetKey: en.worksheetKey } : { title: en.title }),
        ...(en.minutes.trim() ? { minutes: Number(en.minutes) } : {}),
      })),
    });
    setPending(false);
    if (!res.ok) {
      setErrors(Object.fromEntries((res.error.issues ?? []).map((i) => [i.path, i.message])));
      setMessage(res.error.message);
      return;
    }
    router.push(`/w/${workspaceId}/meetings/${res.data.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Schedule a meeting">
      <FormAlert message={message} />
      <FormField label="Title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={{ message: errors.title }} placeholder="December planning team meeting" />
      <FormField label="Date and time" name="startsAt" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={{ message: errors.startsAt }} />
      <FormField label="Location or video link (optional)" name="location" value={location} onChange={(e) => setLocation(e.target.value)} error={{ message: errors.location }} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Agenda</legend>
        {errors.agenda ? <p className="text-sm text-red-700">{errors.agenda}</p> : null}
        <ol className="space-y-3">
          {entries.map((en, i) => (
            <li key={en.id} className="rounded-md border border-slate-200 bg-slate-50 p-3">
              <div className="grid gap-2 sm:grid-cols-[9rem_1fr_6rem]">
                <div>
                  <Label htmlFor={`kind-${en.id}`}>Item {i + 1}</Label>
                  <select id={`kind-${en.id}`} className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-2 text-sm" value={en.kind} onChange={(e) => update(en.id, { kind: e.target.value as Entry["kind"] })}>
                    <option value="worksheet">Worksheet</option>
                    <option value="free">Other topic</option>
                  </select>
                </div>
                {en.kind === "worksheet" ? (
                  <div>
                    <Label htmlFor={`ws-${en.id}`}>Worksheet for item {i + 1}</Label>
                    <select id={`ws-${en.id}`} className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-2 text-sm" value={en.worksheetKey} onChange={(e) => update(en.id, { worksheetKey: e.target.value })}>
                      {worksheets.map((w) => (
                        <option key={w.key} value={w.key}>
                          {w.section}: {w.title}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : (
                  <FormField label={`Topic for item ${i + 1}`} name={`title-${en.id}`} value={en.title} onChange={(e) => update(en.id, { title: e.target.value })} error={{ message: errors[`agenda.${i}.title`] }} />
                )}
                <FormField label="Minutes" name={`minutes-${en.id}`} inputMode="numeric" value={en.minutes} onChange={(e) => update(en.id, { minutes: e.target.value })} error={{ message: errors[`agenda.${i}.minutes`] }} />
              </div>
              <div className="mt-2 flex gap-2">
                <Button type="button" variant="ghost" size="sm" disabled={i === 0} onClick={() => move(i, i - 1)}>
                  Move up<span className="sr-only"> item {i + 1}</span>
                </Button>
                <Button type="button" variant="ghost" size="sm" disabled={i === entries.length - 1} onClick={() => move(i, i + 1)}>
                  Move down<span className="sr-only"> item {i + 1}</span>
                </Button>
                <Button type="button" variant="ghost" size="sm" disabled={entries.length === 1} onClick={() => setEntries((l) => l.filter((x) => x.id !== en.id))}>
                  Remove<span className="sr-only"> item {i + 1}</span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" size="sm" disabled={entries.length >= 30} onClick={() => setEntries((l) => [...l, { id: nextId(), kind: "worksheet", worksheetKey: worksheets[0]?.key ?? "", title: "", minutes: "15" }])}>
            + Add a worksheet
          </Button>
          <Button type="button" variant="secondary" size="sm" disabled={entries.length >= 30} onClick={() => setEntries((l) => [...l, { id: nextId(), kind: "free", worksheetKey: "", title: "", minutes: "10" }])}>
            + Add another topic
          </Button>
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Scheduling…" : "Schedule meeting"}
      </Button>
    </form>
  );
}
