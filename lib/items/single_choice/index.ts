import { z } from "zod";
import { clip, itemBase, OTHER_MAX, optionSchema } from "../base";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("single_choice"),
  options: z.array(optionSchema).min(2).max(50),
  allowOther: z.boolean().default(false),
});
export type SingleChoiceItem = z.infer<typeof template>;
export type SingleChoiceValue = { choice: string | null; other?: string };

export function hasOtherText(other: string | undefined) {
  return typeof other === "string" && other.trim().length > 0;
}

export const singleChoiceKind = {
  kind: "single_choice",
  title: "Single choice",
  template,
  answerable: true,
  answerSchema: (item) => {
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
  emptyValue: (): SingleChoiceValue => ({ choice: null }),
  // An option; "other" only with non-blank other text.
  isAnswered: (_item, c) => {
    if (c.choice === null) return false;
    return c.choice === "other" ? hasOtherText(c.other) : true;
  },
  summarize: (item, value) => {
    const v = value as { choice?: string | null; other?: string };
    if (!v.choice) return "(cleared)";
    if (v.choice === "other") return `Other: ${clip(v.other ?? "", 80)}`;
    return item.options.find((o) => o.value === v.choice)?.label ?? v.choice;
  },
} satisfies ItemKindModule<SingleChoiceItem, SingleChoiceValue>;
