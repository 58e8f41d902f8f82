import { z } from "zod";
import { itemBase } from "../base";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("rating"),
  min: z.number().int().default(1),
  max: z.number().int().default(5),
  /** One label per point, from min to max. */
  pointLabels: z.array(z.string().min(1).max(120)),
});
export type RatingItem = z.infer<typeof template>;

export const ratingKind = {
  kind: "rating",
  title: "Rating",
  template,
  answerable: true,
  templateIssues: (item) =>
    item.pointLabels.length !== item.max - item.min + 1
      ? [{ message: `Rating "${item.key}" needs one label per point (${item.max - item.min + 1})`, path: ["pointLabels"] }]
      : [],
  answerSchema: (item) =>
    z
      .number({ message: "Choose a rating" })
      .int()
      .min(item.min, `Between ${item.min} and ${item.max}`)
      .max(item.max, `Between ${item.min} and ${item.max}`)
      .nullable(),
  emptyValue: () => null,
  isAnswered: (_item, v) => v !== null && v !== undefined,
  summarize: (item, value) => (typeof value === "number" ? `${value} – ${item.pointLabels[value - item.min] ?? ""}`.trim() : "(cleared)"),
} satisfies ItemKindModule<RatingItem, number | null>;
