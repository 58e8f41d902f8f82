"use client";

import { useMemo, useState } from "react";
import { Dialog } from "radix-ui";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";
import { Label } from "@/components/ui/input";

type SectionOption = { key: string; title: string; worksheets: { key: string; title: string }[] };
type Kind = "workbook" | "selection" | "packet" | "blank";

const KINDS: { value: Kind; label: string; hint: string }[] = [
  { value: "workbook", label: "The whole workbook", hint: "Every section and worksheet, with a cover, contents and the team roster." },
  { value: "selection", label: "Chosen sections or worksheets", hint: "Only what you tick below." },
  { value: "packet", label: "A meeting packet", hint: "Cover, agenda, the chosen worksheets, their open comments and discussion questions, and a notes page." },
  { value: "blank", label: "Blank fillable worksheets", hint: "A PDF form for partners without an account to fill in." },
];

function filenameFrom(res: Response, fallback: string) {
  const header = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

export function ExportDialog({ workspaceId, sections }: { workspaceId: string; sections: SectionOption[] }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>("workbook");
  const [chosen, setChosen] = useState<string[]>([]);
  const [includeUnanswered, setIncludeUnanswered] = useState(true);
  const [includeComments, setIncludeComments] = useState(false);
  const [includeProgress, setIncludeProgress] = useState(false);
  const [stage, setStage] = useState<"draft" | "final">("draft");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [state, setState] = useState<"idle" | "working" | "done" | "error">("idle");
  const [message, setMessage] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);

  const allKeys = useMemo(() => sections.flatMap((s) => s.worksheets.map((w) => w.key)), [sections]);
  const needsChoice = kind === "selection" || kind === "packet";
  const toggle = (keys: string[], on: boolean) => setChosen((c) => (on ? [...new Set([...c, ...keys])] : c.filter((k) => !keys.includes(k))));

  const changeKind = (k: Kind) => {
    setKind(k);
    setIncludeComments(k === "packet");
    setMessage(null);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (needsChoice && chosen.length === 0) {
      setMessage("Tick at least one worksheet.");
      return;
    }
    if (kind === "packet" && !title.trim()) {
      setMessage("Give the meeting a title.");
      return;
    }
    const params = new URLSearchParams({ kind });
    const ordered = allKeys.filter((k) => chosen.includes(k));
    if (kind !== "workbook" && ordered.length) params.set("worksheets", ordered.join(","));
    if (kind !== "blank") {
      params.set("includeUnanswered", String(includeUnanswered));
      params.set("includeComments", String(includeComments));
      params.set("includeProgress", String(includeProgress));
      params.set("stage", stage);
    }
    if (kind === "packet") {
      params.set("title", title.trim());
      params.set("date", date);
    }
    setState("working");
    try {
      const res = await fetch(`/api/v1/workspaces/${workspaceId}/export.pdf?${params}`);
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        throw new Error(body?.error?.message ?? "The PDF could not be created.");
      }
      const blob = await res.blob();
      const name = filenameFrom(res, "workbook.pdf");
      if (download) URL.revokeObjectURL(download.url);
      const url = URL.createObjectURL(blob);
      setDownload({ url, name });
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setState("done");
    } catch (err) {
      setState("error");
      setMessage(err instanceof Error ? err.message : "The PDF could not be created.");
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">Export PDF</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(42rem,94vw)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-xl font-semibold text-slate-900">Export as PDF</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700">Choose what to put in the PDF. It downloads when it is ready.</Dialog.Description>
          <form onSubmit={submit} className="mt-4 space-y-5" noValidate>
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">What to export</legend>
              <div className="mt-2 space-y-2">
                {KINDS.map((k) => (
                  <label key={k.value} className="flex items-start gap-2 text-sm">
                    <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => changeKind(k.value)} className="mt-1 h-4 w-4 accent-brand-700" />
                    <span>
                      <span className="font-medium text-slate-900">{k.label}</span>
                      <span className="block text-slate-600">{k.hint}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>

            {kind === "packet" ? (
              <div className="grid gap-3 sm:grid-cols-[1fr_11rem]">
                <div>
                  <Label htmlFor="packet-title">Meeting title</Label>
                  <input id="packet-title" className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                </div>
                <div>
                  <Label htmlFor="packet-date">Meeting date</Label>
                  <input id="packet-date" type="date" className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm" value={date} onChange={(e) => setDate(e.target.value)} />
                </div>
              </div>
            ) : null}

            {kind !== "workbook" ? (
              <fieldset>
                <legend className="text-sm font-medium text-slate-900">
                  {kind === "blank" ? "Worksheets (none ticked: all of them)" : kind === "packet" ? "Worksheets on the agenda" : "Sections and worksheets"}
                </legend>
                <div className="mt-2 max-h-64 space-y-3 overflow-y-auto rounded-md border border-slate-200 p-3">
                  {sections.map((s) => {
                    const keys = s.worksheets.map((w) => w.key);
                    const all = keys.every((k) => chosen.includes(k));
                    return (
                      <div key={s.key}>
                        <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
                          <input type="checkbox" checked={all} onChange={(e) => toggle(keys, e.target.checked)} className="h-4 w-4 accent-brand-700" />
                          {s.title} (whole section)
                        </label>
                        <div className="mt-1 ml-6 space-y-1">
                          {s.worksheets.map((w) => (
                            <label key={w.key} className="flex items-center gap-2 text-sm text-slate-800">
                              <input type="checkbox" checked={chosen.includes(w.key)} onChange={(e) => toggle([w.key], e.target.checked)} className="h-4 w-4 accent-brand-700" />
                              {w.title}
                            </label>
                          ))}
                        </div>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            ) : null}

            {kind !== "blank" ? (
              <fieldset>
                <legend className="text-sm font-medium text-slate-900">Options</legend>
                <div className="mt-2 space-y-2 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={includeUnanswered} onChange={(e) => setIncludeUnanswered(e.target.checked)} className="h-4 w-4 accent-brand-700" />
                    Include questions that have no answer yet
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={includeComments} onChange={(e) => setIncludeComments(e.target.checked)} className="h-4 w-4 accent-brand-700" />
                    Include open comments
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={includeProgress} onChange={(e) => setIncludeProgress(e.target.checked)} className="h-4 w-4 accent-brand-700" />
                    Include a progress summary page
                  </label>
                  <div className="flex flex-wrap items-center gap-4 pt-1" role="radiogroup" aria-label="Stage">
                    <span className="text-slate-900">Mark it as</span>
                    {(["draft", "final"] as const).map((s) => (
                      <label key={s} className="flex items-center gap-2">
                        <input type="radio" name="stage" checked={stage === s} onChange={() => setStage(s)} className="h-4 w-4 accent-brand-700" />
                        {s === "draft" ? "Draft" : "Final"}
                      </label>
                    ))}
                  </div>
                </div>
              </fieldset>
            ) : null}

            <FormAlert message={message} />
            {state === "working" ? (
              <p role="status" className="flex items-center gap-2 text-sm text-slate-800">
                <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
                Preparing your PDF… this takes a few seconds for the whole workbook.
              </p>
            ) : null}
            {state === "done" && download ? (
              <p role="status" className="text-sm text-green-900">
                Your PDF is ready and has been downloaded.{" "}
                <a href={download.url} download={download.name} className="font-medium underline">
                  Download it again
                </a>
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="ghost">
                  Close
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={state === "working"}>
                {state === "working" ? "Preparing…" : "Create PDF"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
