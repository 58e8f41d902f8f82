import { z } from "zod";
import { numberInputFields } from "@/lib/calc/schema";
import { itemBase } from "../base";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().max(40).optional(),
  integer: z.boolean().default(false),
  /** A published starting value with its source, and/or another item to take the value from (lib/calc). */
  ...numberInputFields,
});
export type NumberItem = z.infer<typeof template>;

export const numberKind = {
  kind: "number",
  title: "Number",
  template,
  answerable: true,
  answerSchema: (item) => {
    let n = z.number({ message: "Enter a number" }).finite();
    if (item.integer) n = n.int("Enter a whole number");
    if (item.min !== undefined) n = n.min(item.min, `At least ${item.min}`);
    if (item.max !== undefined) n = n.max(item.max, `At most ${item.max}`);
    return n.nullable();
  },
  emptyValue: () => null,
  // A value counts, 0 included.
  isAnswered: (_item, v) => v !== null && v !== undefined,
  summarize: (_item, value) => String(value),
} satisfies ItemKindModule<NumberItem, number | null>;
