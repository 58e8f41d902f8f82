import { z } from "zod";
import { itemBase, keySchema, rowId } from "../base";
import { summarizeRows } from "../table";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("data_series"),
  /** What each row is, e.g. "Month". */
  rowLabel: z.string().min(1).max(60),
  /** The numeric series, e.g. call types. */
  columns: z.array(z.object({ key: keySchema, label: z.string().min(1).max(80) })).min(1).max(10),
  chart: z.enum(["bar", "line"]).default("bar"),
  unit: z.string().max(40).optional(),
  maxRows: z.number().int().positive().max(120).default(36),
});
export type DataSeriesItem = z.infer<typeof template>;
export type DataSeriesValue = { rows: Array<{ id: string; label: string; values: Record<string, number | null | undefined> }> };

export const dataSeriesKind = {
  kind: "data_series",
  title: "Data series",
  template,
  answerable: true,
  answerSchema: (item) =>
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
  emptyValue: (): DataSeriesValue => ({ rows: [] }),
  // At least one row with a non-blank label and a number.
  isAnswered: (item, s) => s.rows.some((row) => row.label.trim().length > 0 && item.columns.some((c) => typeof row.values[c.key] === "number")),
  summarize: summarizeRows,
} satisfies ItemKindModule<DataSeriesItem, DataSeriesValue>;
