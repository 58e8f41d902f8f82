"use client";

import * as React from "react";
import type { FieldError as RhfFieldError } from "react-hook-form";
import { Input, Label } from "./input";

type Props = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: RhfFieldError | { message?: string };
  hint?: string;
};

/** A labelled input with its hint and error wired up for screen readers. */
export const FormField = React.forwardRef<HTMLInputElement, Props>(({ label, name, error, hint, id, ...props }, ref) => {
  const fieldId = id ?? `field-${name}`;
  const errorId = `${fieldId}-error`;
  const hintId = `${fieldId}-hint`;
  const describedBy = [hint ? hintId : null, error?.message ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <Label htmlFor={fieldId}>{label}</Label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <Input
        ref={ref}
        id={fieldId}
        name={name}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1"
        {...props}
      />
      {error?.message ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
});
FormField.displayName = "FormField";

export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" | "info" }) {
  if (!message) return null;
  const styles = {
    error: "border-red-300 bg-red-50 text-red-900",
    success: "border-green-300 bg-green-50 text-green-900",
    info: "border-sky-300 bg-sky-50 text-sky-900",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {message}
    </div>
  );
}
