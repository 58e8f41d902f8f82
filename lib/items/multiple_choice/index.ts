import { z } from "zod";
import { itemBase, OTHER_MAX, optionSchema } from "../base";
import { hasOtherText } from "../single_choice";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("multiple_choice"),
  options: z.array(optionSchema).min(2).max(50),
  allowOther: z.boolean().default(false),
});
export type MultipleChoiceItem = z.infer<typeof template>;
export type MultipleChoiceValue = { choices: string[]; other?: string };

export const multipleChoiceKind = {
  kind: "multiple_choice",
  title: "Multiple choice",
  template,
  answerable: true,
  answerSchema: (item) => {
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
  emptyValue: (): MultipleChoiceValue => ({ choices: [] }),
  // At least one option; "other" alone needs non-blank text.
  isAnswered: (_item, c) => c.choices.some((choice) => choice !== "other" || hasOtherText(c.other)),
  summarize: (_item, value) => {
    const v = value as { choices?: string[] };
    return `${v.choices?.length ?? 0} chosen`;
  },
} satisfies ItemKindModule<MultipleChoiceItem, MultipleChoiceValue>;
