import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { emailSchema, noNul } from "@/lib/accounts/schemas";

export const workspaceNameSchema = z
  .string({ message: "Enter a name for the plan" })
  .trim()
  .min(1, "Enter a name for the plan")
  .max(120, "Use at most 120 characters")
  .refine(...noNul);

export const jurisdictionSchema = z
  .string({ message: "Enter the jurisdiction" })
  .trim()
  .min(1, "Enter the jurisdiction, for example “Lake County, Ohio”")
  .max(120, "Use at most 120 characters")
  .refine(...noNul);

export const populationSchema = z
  .number({ message: "Enter the population as a whole number" })
  .int("Enter the population as a whole number")
  .min(1, "The population must be at least 1")
  .max(100_000_000, "That population looks too large")
  .nullable()
  .optional();

export const createWorkspaceSchema = z.strictObject({
  name: workspaceNameSchema,
  jurisdiction: jurisdictionSchema,
  population: populationSchema,
});
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;

export const updateWorkspaceSchema = z.strictObject({
  name: workspaceNameSchema.optional(),
  jurisdiction: jurisdictionSchema.optional(),
  population: populationSchema,
});

export const roleSchema = z.enum(ROLES, { message: "Choose coordinator, member or viewer" });

export const inviteSchema = z.strictObject({ email: emailSchema, role: roleSchema });
export type InviteInput = z.input<typeof inviteSchema>;

export const changeRoleSchema = z.strictObject({ userId: z.string().min(1).max(64), role: roleSchema });

export const idSchema = z.string().min(1).max(64);
