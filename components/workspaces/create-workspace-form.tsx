"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { createWorkspaceAction } from "@/app/actions/workspaces";
import { jurisdictionSchema, populationSchema, workspaceNameSchema } from "@/lib/workspaces/schemas";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";

const formSchema = z.object({
  name: workspaceNameSchema,
  jurisdiction: jurisdictionSchema,
  population: z
    .string()
    .trim()
    .max(12, "That population looks too large")
    .refine((v) => v === "" || /^\d[\d,]*$/.test(v), "Enter the population as a whole number, or leave it empty"),
});
type Values = z.input<typeof formSchema>;

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: "", jurisdiction: "", population: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const population = values.population ? Number(values.population.replace(/,/g, "")) : null;
    const parsedPopulation = populationSchema.safeParse(population);
    if (!parsedPopulation.success) {
      setFieldError("population", { message: parsedPopulation.error.issues[0].message });
      return;
    }
    const res = await createWorkspaceAction({ name: values.name, jurisdiction: values.jurisdiction, population });
    if (!res.ok) {
      for (const issue of res.error.issues ?? []) {
        if (issue.path === "name" || issue.path === "jurisdiction" || issue.path === "population") setFieldError(issue.path, { message: issue.message });
      }
      setError(res.error.message);
      return;
    }
    router.push(`/w/${res.data.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Start a new plan">
      <FormAlert message={error} />
      <FormField label="Plan name" placeholder="Lake County Crisis Response Plan" error={formState.errors.name} {...register("name")} />
      <FormField label="Jurisdiction" placeholder="Lake County, Ohio" error={formState.errors.jurisdiction} {...register("jurisdiction")} />
      <FormField
        label="Population (optional)"
        inputMode="numeric"
        hint="Used for capacity estimates. You can add it later."
        error={formState.errors.population}
        {...register("population")}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create plan"}
      </Button>
    </form>
  );
}
