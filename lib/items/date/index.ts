import { z } from "zod";
import { isoDate, itemBase } from "../base";
import type { ItemKindModule } from "../types";

export const template = z.object({ ...itemBase, kind: z.literal("date") });
export type DateItem = z.infer<typeof template>;

export const dateKind = {
  kind: "date",
  title: "Date",
  template,
  answerable: true,
  answerSchema: () => isoDate.nullable(),
  emptyValue: () => null,
  isAnswered: (_item, v) => v !== null && v !== undefined,
  summarize: (_item, value) => String(value),
} satisfies ItemKindModule<DateItem, string | null>;
