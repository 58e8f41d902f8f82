"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { signInSchema } from "@/lib/accounts/schemas";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";
import type { z } from "zod";

type Values = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl, initialError, oidcName }: { callbackUrl: string; initialError?: string; oidcName?: string }) {
  const [error, setError] = useState<string | null>(initialError ?? null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!res || res.error) {
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "That email and password do not match an account.");
      return;
    }
    window.location.assign(callbackUrl);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
      <FormAlert message={error} />
      <FormField label="Email" type="email" autoComplete="email" error={formState.errors.email} {...register("email")} />
      <FormField label="Password" type="password" autoComplete="current-password" error={formState.errors.password} {...register("password")} />
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
      {oidcName ? (
        <Button type="button" variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          Sign in with {oidcName}
        </Button>
      ) : null}
      <p className="text-sm text-slate-700">
        New here?{" "}
        <Link className="text-brand-700 underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
