"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import type { z } from "zod";
import { signUpSchema } from "@/lib/accounts/schemas";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { signUpAction } from "@/app/actions/accounts";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";

type Values = z.input<typeof signUpSchema>;

export function SignUpForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<Values>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { email: email ?? "", name: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const res = await signUpAction(values);
    if (!res.ok) {
      for (const issue of res.error.issues ?? []) {
        if (issue.path === "email" || issue.path === "name" || issue.path === "password") {
          setFieldError(issue.path, { message: issue.message });
        }
      }
      setError(res.error.message);
      return;
    }
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!signedIn || signedIn.error) {
      setError("Your account was created, but signing in failed. Please sign in.");
      return;
    }
    window.location.assign(callbackUrl);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create an account">
      <FormAlert message={error} />
      <FormField label="Your name" autoComplete="name" error={formState.errors.name} {...register("name")} />
      <FormField label="Work email" type="email" autoComplete="email" error={formState.errors.email} {...register("email")} />
      <FormField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={formState.errors.password}
        {...register("password")}
      />
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm text-slate-700">
        Already have an account?{" "}
        <Link className="text-brand-700 underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
