import type { z } from "zod";
import { itemModule, type Item } from "@/lib/items/registry";

/**
 * The answer schema of an item, built from its settings by its kind's module
 * (lib/items/<kind>/). The same schema validates in the browser, in server
 * actions and in the API. Every value is capped in size.
 */

export { tableValueSchema, type TableValue } from "@/lib/items/table";
export type { DataSeriesValue } from "@/lib/items/data_series";
export type { SingleChoiceValue } from "@/lib/items/single_choice";
export type { MultipleChoiceValue } from "@/lib/items/multiple_choice";
export type { ChecklistValue } from "@/lib/items/checklist";
export type { ResourceLinksValue } from "@/lib/items/resource_links";

/** The answer schema for one item. */
// Building a schema costs far more than using one; template items are stable
// objects, so each item's schema is built once.
const built = new WeakMap<Item, z.ZodType>();

export function answerSchema(item: Item): z.ZodType {
  let schema = built.get(item);
  if (!schema) {
    schema = itemModule(item).answerSchema(item);
    built.set(item, schema);
  }
  return schema;
}

/** The value of an item nobody has answered yet. */
export function emptyValue(item: Item): unknown {
  return itemModule(item).emptyValue(item);
}

/** Largest JSON size accepted for any single answer, whatever its kind. */
export const MAX_ANSWER_BYTES = 256 * 1024;

const utf8 = new TextEncoder();

/** PostgreSQL cannot store U+0000 in text or JSON, so an answer containing it is refused up front. */
function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === "object") return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v));
  return false;
}

export type ValidationIssue = { path: string; message: string };

export function validateAnswer(item: Item, value: unknown): { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] } {
  // UTF-8 bytes, not characters: non-Latin text takes two to four bytes a character.
  const size = utf8.encode(JSON.stringify(value ?? null)).length;
  if (size > MAX_ANSWER_BYTES) {
    return { ok: false, issues: [{ path: "value", message: `The answer is too large (${size} bytes; at most ${MAX_ANSWER_BYTES}).` }] };
  }
  if (hasNul(value)) {
    return { ok: false, issues: [{ path: "value", message: "The answer contains an invisible character (NUL) that cannot be saved. Remove it and try again." }] };
  }
  const result = answerSchema(item).safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: ["value", ...i.path].join("."), message: i.message })),
  };
}
