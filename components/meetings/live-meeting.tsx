"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import {
  addActionItemAction,
  addDecisionAction,
  addGuestAction,
  endMeetingAction,
  joinMeetingAction,
  moveMeetingAction,
  saveNotesAction,
  startMeetingAction,
} from "@/app/actions/meetings";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-field";
import { Label } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { useMeetingEvents } from "./use-meeting-events";

export type AgendaItem = { id: string; position: number; title: string; worksheetKey: string | null; minutes: number | null; notes: string };
export type MeetingView = {
  id: string;
  title: string;
  startsAt: string;
  location: string | null;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  currentPosition: number;
  currentItemStarted: string | null;
  agenda: AgendaItem[];
  decisions: { id: string; agendaItemId: string | null; text: string; by: string | null }[];
  actions: { id: string; agendaItemId: string | null; action: string; owner: string | null; dueDate: string | null; planRowId: string | null }[];
  attendance: { userId: string | null; name: string; guest: boolean }[];
  members: { id: string; name: string }[];
};

function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

function TimeLeft({ item, startedAt }: { item: AgendaItem; startedAt: string | null }) {
  const now = useNow(Boolean(item.minutes && startedAt));
  if (!item.minutes || !startedAt) return <p className="text-sm text-slate-700">No time box for this item.</p>;
  const left = Math.round((new Date(startedAt).getTime() + item.minutes * 60_000 - now) / 1000);
  const over = left < 0;
  const abs = Math.abs(left);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
  return (
    <p className={`text-lg font-semibold tabular-nums ${over ? "text-red-700" : "text-slate-900"}`} data-testid="time-left">
      {over ? `${text} over the ${item.minutes}-minute time box` : `${text} left of ${item.minutes} minutes`}
    </p>
  );
}

function NotesPane({ workspaceId, meetingId, item, canWrite }: { workspaceId: string; meetingId: string; item: AgendaItem; canWrite: boolean }) {
  const [notes, setNotes] = useState(item.notes);
  const [state, setState] = useState<"saved" | "saving" | "error">("saved");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(notes);
  const save = useCallback(async () => {
    setState("saving");
    const res = await saveNotesAction(workspaceId, meetingId, { agendaItemId: item.id, notes: latest.current });
    setState(res.ok ? "saved" : "error");
  }, [workspaceId, meetingId, item.id]);
  return (
    <div>
      <div className="flex items-center justify-between">
        <Label htmlFor={`notes-${item.id}`}>Notes for “{item.title}”</Label>
        {canWrite ? (
          <span className="text-xs text-slate-600" role="status">
            {state === "saving" ? "Saving…" : state === "error" ? "Not saved — try again" : "Saved"}
          </span>
        ) : null}
      </div>
      <textarea
        id={`notes-${item.id}`}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white p-2 text-sm disabled:bg-slate-100"
        rows={6}
        value={notes}
        disabled={!canWrite}
        onChange={(e) => {
          setNotes(e.target.value);
          latest.current = e.target.value;
          setState("saving");
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(save, 800);
        }}
        onBlur={() => {
          if (timer.current) {
            clearTimeout(timer.current);
            timer.current = null;
            void save();
          }
        }}
      />
    </div>
  );
}

function CaptureForms({ workspaceId, meeting, item, onDone }: { workspaceId: string; meeting: MeetingView; item: AgendaItem; onDone: () => void }) {
  const [decision, setDecision] = useState("");
  const [action, setAction] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [msg, setMsg] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form
        className="space-y-2"
        aria-label="Record a decision"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const res = await addDecisionAction(workspaceId, meeting.id, { agendaItemId: item.id, text: decision });
            if (!res.ok) setMsg({ tone: "error", text: res.error.message });
            else {
              setDecision("");
              setMsg({ tone: "success", text: "Decision recorded." });
              onDone();
            }
          });
        }}
      >
        <Label htmlFor="decision-text">Decision</Label>
        <textarea id="decision-text" rows={2} className="block w-full rounded-md border border-slate-400 bg-white p-2 text-sm" value={decision} onChange={(e) => setDecision(e.target.value)} />
        <Button type="submit" size="sm" disabled={pending}>
          Record decision
        </Button>
      </form>
      <form
        className="space-y-2"
        aria-label="Add an action item"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const res = await addActionItemAction(workspaceId, meeting.id, {
              agendaItemId: item.id,
              action,
              ...(owner ? { ownerId: owner } : {}),
              ...(due ? { dueDate: due } : {}),
            });
            if (!res.ok) setMsg({ tone: "error", text: res.error.message });
            else {
              setAction("");
              setOwner("");
              setDue("");
              setMsg({ tone: "success", text: res.data.inPlan ? "Action item added to the action plan." : "Action item recorded." });
              onDone();
            }
          });
        }}
      >
        <Label htmlFor="action-text">Action item</Label>
        <input id="action-text" className="block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm" value={action} onChange={(e) => setAction(e.target.value)} />
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="action-owner">Owner</Label>
            <select id="action-owner" className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm" value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">Not assigned</option>
              {meeting.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <Label htmlFor="action-due">Due date</Label>
            <input id="action-due" type="date" className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm" value={due} onChange={(e) => setDue(e.target.value)} />
          </div>
        </div>
        <Button type="submit" size="sm" disabled={pending}>
          Add action item
        </Button>
      </form>
      <div className="md:col-span-2">
        <FormAlert message={msg?.text} tone={msg?.tone} />
      </div>
    </div>
  );
}

export function LiveMeeting({
  workspaceId,
  meeting,
  shownPosition,
  following,
  canManage,
  canContribute,
  worksheetPanel,
}: {
  workspaceId: string;
  meeting: MeetingView;
  shownPosition: number;
  following: boolean;
  canManage: boolean;
  canContribute: boolean;
  worksheetPanel: React.ReactNode;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [guest, setGuest] = useState("");
  const base = `/w/${workspaceId}/meetings/${meeting.id}`;
  const refresh = useCallback(() => router.refresh(), [router]);
  useMeetingEvents(workspaceId, meeting.id, refresh);
  const live = meeting.status === "LIVE";

  useEffect(() => {
    if (live) void joinMeetingAction(workspaceId, meeting.id);
  }, [live, workspaceId, meeting.id]);

  const item = meeting.agenda[shownPosition] ?? meeting.agenda[0];
  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    start(async () => {
      setError(null);
      const res = await fn();
      if (!res.ok) setError(res.error?.message ?? "That did not work.");
      router.refresh();
    });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
            <Link className="underline" href={`/w/${workspaceId}/meetings`}>
              Meetings
            </Link>{" "}
            / {meeting.title}
          </nav>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">{meeting.title}</h1>
          <p className="text-sm text-slate-700">
            <LocalTime iso={meeting.startsAt} />
            {meeting.location ? ` · ${meeting.location}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {meeting.agenda.some((a) => a.worksheetKey) ? (
            <a
              className={buttonVariants({ variant: "secondary" })}
              href={`/api/v1/workspaces/${workspaceId}/export.pdf?${new URLSearchParams({
                kind: "packet",
                worksheets: meeting.agenda.flatMap((a) => (a.worksheetKey ? [a.worksheetKey] : [])).join(","),
                title: meeting.title,
                date: meeting.startsAt.slice(0, 10),
              })}`}
            >
              Meeting packet (PDF)
            </a>
          ) : null}
          {canManage && meeting.status === "SCHEDULED" ? (
            <Button disabled={pending} onClick={() => run(() => startMeetingAction(workspaceId, meeting.id))}>
              Start meeting
            </Button>
          ) : null}
          {canManage && live ? (
            <Button
              variant="destructive"
              disabled={pending}
              onClick={() => {
                if (window.confirm("End the meeting and produce the minutes?")) {
                  start(async () => {
                    const res = await endMeetingAction(workspaceId, meeting.id);
                    if (!res.ok) setError(res.error.message);
                    else router.push(`${base}/minutes`);
                  });
                }
              }}
            >
              End meeting
            </Button>
          ) : null}
          {meeting.status === "ENDED" ? (
            <Link className={buttonVariants()} href={`${base}/minutes`}>
              View minutes
            </Link>
          ) : null}
        </div>
      </div>
      <FormAlert message={error} />
      {live ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          The meeting is in progress.{" "}
          {following ? (
            canManage ? (
              "Everyone following sees the agenda item you choose."
            ) : (
              "You are following the facilitator."
            )
          ) : (
            <>
              You are looking at a different item than the facilitator.{" "}
              <Link href={base} className="font-medium underline">
                Rejoin the facilitator
              </Link>
            </>
          )}
        </p>
      ) : meeting.status === "SCHEDULED" ? (
        <p className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800">
          This meeting has not started. {canManage ? "Start it when the team is ready; attendance is recorded as people join." : "When the facilitator starts it, this page follows along."}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside aria-labelledby="agenda-heading" className="space-y-4">
          <Card className="p-4">
            <h2 id="agenda-heading" className="font-semibold text-slate-900">
              Agenda
            </h2>
            <ol className="mt-2 space-y-1">
              {meeting.agenda.map((a) => {
                const isCurrent = live && a.position === meeting.currentPosition;
                const isShown = a.position === item.position;
                return (
                  <li key={a.id}>
                    <div className={`flex items-center justify-between gap-2 rounded px-2 py-1 text-sm ${isShown ? "bg-brand-50" : ""}`}>
                      <Link href={canManage && live ? base : `${base}?item=${a.position}`} aria-current={isShown ? "step" : undefined} className="text-slate-900 hover:underline" onClick={(e) => {
                        if (canManage && live) {
                          e.preventDefault();
                          run(() => moveMeetingAction(workspaceId, meeting.id, a.position));
                        }
                      }}>
                        {a.position + 1}. {a.title}
                      </Link>
                      <span className="shrink-0 text-xs text-slate-600">
                        {isCurrent ? <span className="font-semibold text-green-800">Now</span> : a.minutes ? `${a.minutes} min` : ""}
                      </span>
                    </div>
                  </li>
                );
              })}
            </ol>
            {canManage && live ? (
              <div className="mt-3 flex gap-2">
                <Button size="sm" variant="secondary" disabled={pending || meeting.currentPosition === 0} onClick={() => run(() => moveMeetingAction(workspaceId, meeting.id, meeting.currentPosition - 1))}>
                  ← Previous item
                </Button>
                <Button size="sm" disabled={pending || meeting.currentPosition >= meeting.agenda.length - 1} onClick={() => run(() => moveMeetingAction(workspaceId, meeting.id, meeting.currentPosition + 1))}>
                  Next item →
                </Button>
              </div>
            ) : null}
          </Card>
          <Card className="p-4">
            <h2 className="font-semibold text-slate-900">Attendance</h2>
            {meeting.attendance.length === 0 ? <p className="mt-1 text-sm text-slate-700">Nobody has joined yet.</p> : null}
            <ul className="mt-2 space-y-1 text-sm" aria-label="Attendees">
              {meeting.attendance.map((a, i) => (
                <li key={`${a.userId ?? "guest"}-${i}`}>
                  {a.name}
                  {a.guest ? <span className="text-slate-600"> (guest)</span> : null}
                </li>
              ))}
            </ul>
            {canManage && meeting.status !== "ENDED" ? (
              <form
                className="mt-3 flex gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  run(async () => {
                    const res = await addGuestAction(workspaceId, meeting.id, { name: guest });
                    if (res.ok) setGuest("");
                    return res;
                  });
                }}
              >
                <label htmlFor="guest-name" className="sr-only">
                  Guest name
                </label>
                <input id="guest-name" placeholder="Guest without an account" className="w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm" value={guest} onChange={(e) => setGuest(e.target.value)} />
                <Button type="submit" size="sm" variant="secondary">
                  Add guest
                </Button>
              </form>
            ) : null}
          </Card>
        </aside>

        <section aria-labelledby="current-heading" className="space-y-4">
          <Card className="p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="current-heading" className="text-lg font-semibold text-slate-900" data-testid="current-item">
                {item.position + 1}. {item.title}
              </h2>
              {live && item.position === meeting.currentPosition ? <TimeLeft item={item} startedAt={meeting.currentItemStarted} /> : null}
            </div>
            {live ? (
              <div className="mt-4 space-y-4">
                <NotesPane key={item.id} workspaceId={workspaceId} meetingId={meeting.id} item={item} canWrite={canContribute} />
                {canContribute ? <CaptureForms workspaceId={workspaceId} meeting={meeting} item={item} onDone={refresh} /> : null}
              </div>
            ) : null}
            <div className="mt-4 grid gap-4 md:grid-cols-2">
              <div>
                <h3 className="text-sm font-semibold text-slate-900">Decisions</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" aria-label="Decisions for this item">
                  {meeting.decisions.filter((d) => d.agendaItemId === item.id).map((d) => (
                    <li key={d.id}>{d.text}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="text-sm font-semibold text-slate-900">Action items</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" aria-label="Action items for this item">
                  {meeting.actions.filter((a) => a.agendaItemId === item.id).map((a) => (
                    <li key={a.id}>
                      {a.action}
                      {a.owner ? ` — ${a.owner}` : ""}
                      {a.dueDate ? `, due ${a.dueDate}` : ""}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </Card>
          {worksheetPanel}
        </section>
      </div>
    </div>
  );
}
