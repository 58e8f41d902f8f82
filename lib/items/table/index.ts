import { z } from "zod";
import { count, filled, isoDate, itemBase, keySchema, optionSchema, rowId } from "../base";
import type { ItemKindModule } from "../types";

export const TABLE_COLUMN_TYPES = ["text", "number", "date", "choice", "member"] as const;
export const tableColumnSchema = z.object({
  key: keySchema,
  label: z.string().min(1).max(120),
  type: z.enum(TABLE_COLUMN_TYPES),
  options: z.array(optionSchema).optional(),
  /** A row counts as complete when every required column has a value. */
  required: z.boolean().default(false),
  maxLength: z.number().int().positive().max(5000).default(500),
});
export type TableColumn = z.infer<typeof tableColumnSchema>;

export const template = z.object({
  ...itemBase,
  kind: z.literal("table"),
  columns: z.array(tableColumnSchema).min(1).max(12),
  maxRows: z.number().int().positive().max(500).default(100),
});
export type TableItem = z.infer<typeof template>;
export type TableValue = { rows: Array<{ id: string; cells: Record<string, string | number | null | undefined> }> };

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

/** The answer schema of a table with these columns (tables and action plans). */
export function tableValueSchema(columns: TableColumn[], maxRows: number) {
  const cells = z.strictObject(Object.fromEntries(columns.map((c) => [c.key, tableCellSchema(c).optional()])));
  return z.strictObject({
    rows: z
      .array(z.strictObject({ id: rowId, cells }))
      .max(maxRows, `At most ${maxRows} rows`)
      .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, { message: "Row ids must be unique" }),
  });
}

/**
 * At least one complete row, i.e. every required column filled; when no
 * column is required, a row with any non-blank cell.
 */
export function hasCompleteRow(columns: TableColumn[], value: TableValue): boolean {
  const required = columns.filter((c) => c.required);
  if (required.length > 0) return value.rows.some((row) => required.every((c) => filled(row.cells[c.key])));
  return value.rows.some((row) => columns.some((c) => filled(row.cells[c.key])));
}

export const summarizeRows = (_item: unknown, value: unknown) => count((value as { rows?: unknown[] }).rows?.length ?? 0, "row", "rows");

/**
 * Organisation per member from a roster table: one with a member column and
 * a column whose key or label mentions an organisation or agency.
 */
function memberOrganisations(item: TableItem, value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const member = item.columns.find((c) => c.type === "member");
  const org = item.columns.find((c) => c.type !== "member" && /organi[sz]ation|agency|employer|affiliation/i.test(`${c.key} ${c.label}`));
  if (!member || !org) return out;
  const v = value as TableValue | undefined;
  if (!v || !Array.isArray(v.rows)) return out;
  for (const row of v.rows) {
    const id = row.cells?.[member.key];
    const name = row.cells?.[org.key];
    if (typeof id === "string" && id && typeof name === "string" && name.trim()) {
      const text = org.type === "choice" ? (org.options?.find((o) => o.value === name)?.label ?? name) : name.trim();
      if (!out.has(id)) out.set(id, text);
    }
  }
  return out;
}

export const tableKind = {
  kind: "table",
  title: "Table",
  template,
  answerable: true,
  templateIssues: (item) =>
    item.columns.flatMap((c, ci) => (c.type === "choice" && !c.options?.length ? [{ message: `Choice column "${c.key}" needs options`, path: ["columns", ci] }] : [])),
  answerSchema: (item) => tableValueSchema(item.columns, item.maxRows),
  emptyValue: (): TableValue => ({ rows: [] }),
  isAnswered: (item, v) => hasCompleteRow(item.columns, v),
  summarize: summarizeRows,
  memberOrganisations,
} satisfies ItemKindModule<TableItem, TableValue>;
