import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

/** Shared by the forms, the server actions and the API. */
export const emailSchema = z
  .string({ message: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email({ message: "Enter a valid email address, like name@agency.gov" }))
  .transform((e) => e.toLowerCase());

/** PostgreSQL cannot store U+0000 in text; a pasted one would otherwise fail as an internal error. */
export const noNul = [(s: string) => !s.includes("\u0000"), "Remove the invisible character (NUL) from this text"] as const;

export const nameSchema = z
  .string({ message: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters")
  .refine(...noNul);

export const passwordSchema = z
  .string({ message: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`);

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(MAX_PASSWORD_LENGTH),
});

export const signUpSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const profileSchema = z.strictObject({ name: nameSchema });

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "Enter your current password").max(MAX_PASSWORD_LENGTH),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: "Choose a password different from the current one",
    path: ["newPassword"],
  });
