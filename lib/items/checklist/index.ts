import { z } from "zod";
import { itemBase, optionSchema } from "../base";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("checklist"),
  options: z.array(optionSchema).min(1).max(100),
  /** Offer an explicit "None of these apply" answer. */
  allowNoneApply: z.boolean().default(true),
});
export type ChecklistItem = z.infer<typeof template>;
export type ChecklistValue = { checked: string[]; noneApply?: boolean };

export const checklistKind = {
  kind: "checklist",
  title: "Checklist",
  template,
  answerable: true,
  answerSchema: (item) => {
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
  emptyValue: (): ChecklistValue => ({ checked: [] }),
  // At least one entry ticked, or "none of these apply".
  isAnswered: (_item, c) => c.checked.length > 0 || c.noneApply === true,
  summarize: (_item, value) => {
    const v = value as { checked?: string[]; noneApply?: boolean };
    return v.noneApply ? "None apply" : `${v.checked?.length ?? 0} checked`;
  },
} satisfies ItemKindModule<ChecklistItem, ChecklistValue>;
