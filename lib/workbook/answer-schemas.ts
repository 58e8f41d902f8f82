import { z } from "zod";
import { ACTION_PLAN_COLUMNS, type Item, type ItemOf, type TableColumn } from "./template-schema";

/**
 * One zod schema per item kind for its answer value, built from the item's
 * settings. The same schema validates in the browser, in server actions and in
 * the API. Every value is capped in size.
 */

const rowId = z.string().min(1).max(40);
const isoDate = z.iso.date({ message: "Use a date like 2026-03-31" });
const OTHER_MAX = 500;

function tableCellSchema(column: TableColumn) {
  switch (column.type) {
    case "text":
      return z.string().max(column.maxLength, `At most ${column.maxLength} characters`).nullable();
    case "number":
      return z.number({ message: "Enter a number" }).finite().nullable();
    case "date":
      return z.union([isoDate, z.literal("")]).nullable();
    case "choice": {
      const values = (column.options ?? []).map((o) => o.value);
      return z
        .string()
        .refine((v) => v === "" || values.includes(v), { message: `Choose one of: ${values.join(", ")}` })
        .nullable();
    }
    case "member":
      return z.string().max(40).nullable();
  }
}

export function tableValueSchema(columns: TableColumn[], maxRows: number) {
  const cells = z.strictObject(Object.fromEntries(columns.map((c) => [c.key, tableCellSchema(c).optional()])));
  return z.strictObject({
    rows: z
      .array(z.strictObject({ id: rowId, cells }))
      .max(maxRows, `At most ${maxRows} rows`)
      .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, { message: "Row ids must be unique" }),
  });
}

export const schemas = {
  instructions: () => z.null(),
  short_text: (item: ItemOf<"short_text">) => z.string().max(item.maxLength, `At most ${item.maxLength} characters`),
  long_text: (item: ItemOf<"long_text">) => z.string().max(item.maxLength, `At most ${item.maxLength} characters`),
  number: (item: ItemOf<"number">) => {
    let n = z.number({ message: "Enter a number" }).finite();
    if (item.integer) n = n.int("Enter a whole number");
    if (item.min !== undefined) n = n.min(item.min, `At least ${item.min}`);
    if (item.max !== undefined) n = n.max(item.max, `At most ${item.max}`);
    return n.nullable();
  },
  date: () => isoDate.nullable(),
  single_choice: (item: ItemOf<"single_choice">) => {
    const values = item.options.map((o) => o.value);
    return z
      .strictObject({
        choice: z.string().nullable(),
        other: z.string().max(OTHER_MAX).optional(),
      })
      .refine((v) => v.choice === null || values.includes(v.choice) || (item.allowOther && v.choice === "other"), {
        message: "Choose one of the listed options",
        path: ["choice"],
      });
  },
  multiple_choice: (item: ItemOf<"multiple_choice">) => {
    const values = item.options.map((o) => o.value);
    return z
      .strictObject({
        choices: z.array(z.string()).max(item.options.length + 1),
        other: z.string().max(OTHER_MAX).optional(),
      })
      .refine((v) => v.choices.every((c) => values.includes(c) || (item.allowOther && c === "other")), {
        message: "Choose from the listed options",
        path: ["choices"],
      })
      .refine((v) => new Set(v.choices).size === v.choices.length, { message: "A choice is listed twice", path: ["choices"] });
  },
  checklist: (item: ItemOf<"checklist">) => {
    const values = item.options.map((o) => o.value);
    return z
      .strictObject({
        checked: z.array(z.string()).max(item.options.length),
        noneApply: z.boolean().optional(),
      })
      .refine((v) => v.checked.every((c) => values.includes(c)), { message: "Unknown checklist entry", path: ["checked"] })
      .refine((v) => new Set(v.checked).size === v.checked.length, { message: "An entry is listed twice", path: ["checked"] })
      .refine((v) => !(v.noneApply && v.checked.length > 0), {
        message: "“None apply” cannot be combined with ticked entries",
        path: ["noneApply"],
      })
      .refine((v) => !v.noneApply || item.allowNoneApply, { message: "“None apply” is not offered here", path: ["noneApply"] });
  },
  rating: (item: ItemOf<"rating">) =>
    z
      .number({ message: "Choose a rating" })
      .int()
      .min(item.min, `Between ${item.min} and ${item.max}`)
      .max(item.max, `Between ${item.min} and ${item.max}`)
      .nullable(),
  table: (item: ItemOf<"table">) => tableValueSchema(item.columns, item.maxRows),
  data_series: (item: ItemOf<"data_series">) =>
    z.strictObject({
      rows: z
        .array(
          z.strictObject({
            id: rowId,
            label: z.string().max(60, "At most 60 characters"),
            values: z.strictObject(
              Object.fromEntries(item.columns.map((c) => [c.key, z.number({ message: "Enter a number" }).finite().nullable().optional()])),
            ),
          }),
        )
        .max(item.maxRows, `At most ${item.maxRows} rows`)
        .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, { message: "Row ids must be unique" }),
    }),
  action_plan: (item: ItemOf<"action_plan">) => tableValueSchema(ACTION_PLAN_COLUMNS, item.maxRows),
  resource_links: (item: ItemOf<"resource_links">) =>
    z.strictObject({
      links: z
        .array(
          z.strictObject({
            id: rowId,
            title: z.string().min(1, "Give the link a title").max(300),
            url: z.url({ protocol: /^https?$/, message: "Enter a web address starting with http:// or https://" }).max(2000),
          }),
        )
        .max(item.maxLinks, `At most ${item.maxLinks} links`)
        .refine((links) => new Set(links.map((l) => l.id)).size === links.length, { message: "Link ids must be unique" }),
    }),
} satisfies { [K in Item["kind"]]: (item: ItemOf<K>) => z.ZodType };

/** The answer schema for one item. */
// Building a schema costs far more than using one; template items are stable
// objects, so each item's schema is built once.
const built = new WeakMap<Item, z.ZodType>();

export function answerSchema(item: Item): z.ZodType {
  let schema = built.get(item);
  if (!schema) {
    schema = (schemas[item.kind] as (i: Item) => z.ZodType)(item);
    built.set(item, schema);
  }
  return schema;
}

export type TableValue = { rows: Array<{ id: string; cells: Record<string, string | number | null | undefined> }> };
export type DataSeriesValue = { rows: Array<{ id: string; label: string; values: Record<string, number | null | undefined> }> };
export type SingleChoiceValue = { choice: string | null; other?: string };
export type MultipleChoiceValue = { choices: string[]; other?: string };
export type ChecklistValue = { checked: string[]; noneApply?: boolean };
export type ResourceLinksValue = { links: Array<{ id: string; title: string; url: string }> };

/** The value of an item nobody has answered yet. */
export function emptyValue(item: Item): unknown {
  switch (item.kind) {
    case "instructions":
      return null;
    case "short_text":
    case "long_text":
      return "";
    case "number":
    case "date":
    case "rating":
      return null;
    case "single_choice":
      return { choice: null };
    case "multiple_choice":
      return { choices: [] };
    case "checklist":
      return { checked: [] };
    case "table":
    case "action_plan":
    case "data_series":
      return { rows: [] };
    case "resource_links":
      return { links: [] };
  }
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
