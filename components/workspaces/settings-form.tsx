"use client";

import { useState, useTransition } from "react";
import { setArchivedAction, updateWorkspaceAction } from "@/app/actions/workspaces";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";

export function SettingsForm({
  workspaceId,
  initial,
  archived,
}: {
  workspaceId: string;
  initial: { name: string; jurisdiction: string; population: number | null };
  archived: boolean;
}) {
  const [values, setValues] = useState({ name: initial.name, jurisdiction: initial.jurisdiction, population: initial.population?.toString() ?? "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      const population = values.population.trim() === "" ? null : Number(values.population.replace(/,/g, ""));
      const res = await updateWorkspaceAction(workspaceId, {
        name: values.name,
        jurisdiction: values.jurisdiction,
        population: Number.isNaN(population) ? values.population : population,
      });
      if (!res.ok) {
        setErrors(Object.fromEntries((res.error.issues ?? []).map((i) => [i.path, i.message])));
        setMessage({ tone: "error", text: res.error.message });
      } else setMessage({ tone: "success", text: "Saved." });
    });
  };

  return (
    <div className="space-y-8">
      <FormAlert message={message?.text} tone={message?.tone} />
      <form onSubmit={save} className="max-w-lg space-y-4" aria-label="Plan details" noValidate>
        <FormField label="Plan name" name="name" value={values.name} error={{ message: errors.name }} onChange={(e) => setValues({ ...values, name: e.target.value })} disabled={archived} />
        <FormField
          label="Jurisdiction"
          name="jurisdiction"
          value={values.jurisdiction}
          error={{ message: errors.jurisdiction }}
          onChange={(e) => setValues({ ...values, jurisdiction: e.target.value })}
          disabled={archived}
        />
        <FormField
          label="Population (optional)"
          name="population"
          inputMode="numeric"
          value={values.population}
          error={{ message: errors.population }}
          onChange={(e) => setValues({ ...values, population: e.target.value })}
          disabled={archived}
        />
        <Button type="submit" disabled={pending || archived}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </form>
      <section aria-labelledby="archive-heading" className="max-w-lg rounded-lg border border-amber-300 bg-amber-50 p-5">
        <h2 id="archive-heading" className="font-semibold text-slate-900">
          {archived ? "Restore this plan" : "Archive this plan"}
        </h2>
        <p className="mt-1 text-sm text-slate-800">
          {archived
            ? "Restoring makes the plan editable again and lists it with your active plans."
            : "Archiving makes the plan read-only and hides it from the active list. Nothing is deleted, and you can restore it at any time."}
        </p>
        <Button
          className="mt-3"
          variant={archived ? "default" : "secondary"}
          disabled={pending}
          onClick={() =>
            start(async () => {
              const res = await setArchivedAction(workspaceId, !archived);
              if (!res.ok) setMessage({ tone: "error", text: res.error.message });
              else window.location.reload();
            })
          }
        >
          {archived ? "Restore plan" : "Archive plan"}
        </Button>
      </section>
    </div>
  );
}
