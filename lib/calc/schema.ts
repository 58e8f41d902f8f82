import { z } from "zod";
import { CALCULATOR_NAMES } from "./registry";

/**
 * The template fields that calculations add: a number input's published
 * default (with its source) and its reference to another item, and a
 * calculated item's calculator, input bindings and settings. Plain zod, so
 * the template schema and the browser share them.
 */

const itemKey = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "Keys use lower-case letters, digits, '.', '_' and '-'");

export const sourceSchema = z.object({
  title: z.string().min(1).max(300),
  url: z.url().optional(),
  publisher: z.string().max(200).optional(),
});

export const assumptionSchema = z.object({
  value: z.number().finite(),
  source: sourceSchema,
  note: z.string().max(1000).optional(),
});
export type AssumptionDefault = z.infer<typeof assumptionSchema>;

/** Extra, optional fields of a number item. */
export const numberInputFields = {
  /** A starting value, shown pre-filled and marked "default" until the team saves another. */
  default: assumptionSchema.optional(),
  /** Take the value from another item until someone enters a local figure. */
  from: itemKey.optional(),
};

/** The fields of a calculated item (besides key, label, help). */
export const calculatedFields = {
  calculator: z.enum(CALCULATOR_NAMES),
  /** Calculator input slot → item key it reads. */
  inputs: z.record(z.string().min(1).max(80), itemKey),
  /** Calculator settings, e.g. decision-matrix criteria or formula lines. */
  config: z.record(z.string(), z.unknown()).default({}),
};
