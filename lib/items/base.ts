import { z } from "zod";

/**
 * Schemas and helpers every item kind builds on. Nothing here knows about a
 * particular kind; each kind's module (lib/items/<kind>/index.ts) adds its own
 * settings to `itemBase` and its own answer schema.
 */

export const keySchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "Keys use lower-case letters, digits, '.', '_' and '-'");

export const optionSchema = z.object({ value: keySchema, label: z.string().min(1).max(200) });
export type Option = z.infer<typeof optionSchema>;

/** The settings every item has, whatever its kind. */
export const itemBase = {
  key: keySchema,
  label: z.string().min(1).max(300),
  help: z.string().max(2000).optional(),
  required: z.boolean().default(false),
};

/** What every item has in common, as a type. */
export type ItemCommon = { kind: string; key: string; label: string; help?: string; required: boolean };

/** Ids of rows, links and the like inside an answer. */
export const rowId = z.string().min(1).max(40);
export const isoDate = z.iso.date({ message: "Use a date like 2026-03-31" });
/** Longest "Other: …" text of a choice. */
export const OTHER_MAX = 500;

/** Whether a table cell (or similar) holds something. */
export function filled(cell: unknown): boolean {
  if (cell === null || cell === undefined) return false;
  if (typeof cell === "string") return cell.trim().length > 0;
  if (typeof cell === "number") return Number.isFinite(cell);
  return true;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Shortens text for one-line summaries. */
export function clip(s: string, n = 160) {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/** "1 row", "3 rows". */
export function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}
