"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { changePasswordAction, updateProfileAction } from "@/app/actions/accounts";
import { changePasswordSchema, profileSchema } from "@/lib/accounts/schemas";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";

export function ProfileForm({ name }: { name: string }) {
  const [msg, setMsg] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<z.input<typeof profileSchema>>({ resolver: zodResolver(profileSchema), defaultValues: { name } });
  const submit = form.handleSubmit(async (values) => {
    const res = await updateProfileAction(values);
    setMsg(res.ok ? { tone: "success", text: "Your name was saved." } : { tone: "error", text: res.error.message });
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Profile">
      <FormAlert message={msg?.text} tone={msg?.tone} />
      <FormField label="Display name" autoComplete="name" error={form.formState.errors.name} {...form.register("name")} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Save name
      </Button>
    </form>
  );
}

export function PasswordForm() {
  const [msg, setMsg] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<z.input<typeof changePasswordSchema>>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const submit = form.handleSubmit(async (values) => {
    const res = await changePasswordAction(values);
    if (!res.ok) {
      for (const i of res.error.issues ?? []) {
        if (i.path === "currentPassword" || i.path === "newPassword") form.setError(i.path, { message: i.message });
      }
      setMsg({ tone: "error", text: res.error.message });
      return;
    }
    form.reset();
    setMsg({ tone: "success", text: "Your password was changed." });
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Change password">
      <FormAlert message={msg?.text} tone={msg?.tone} />
      <FormField label="Current password" type="password" autoComplete="current-password" error={form.formState.errors.currentPassword} {...form.register("currentPassword")} />
      <FormField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={form.formState.errors.newPassword}
        {...form.register("newPassword")}
      />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
