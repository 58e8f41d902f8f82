import { z } from "zod";
import { clip, itemBase } from "../base";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("short_text"),
  maxLength: z.number().int().positive().max(1000).default(200),
  placeholder: z.string().max(200).optional(),
});
export type ShortTextItem = z.infer<typeof template>;

/** Text answers (short and long): a string up to the item's length. */
export const textAnswerSchema = (item: { maxLength: number }) => z.string().max(item.maxLength, `At most ${item.maxLength} characters`);
/** Answered when non-blank after trimming. */
export const textIsAnswered = (_item: unknown, v: string) => typeof v === "string" && v.trim().length > 0;
export const summarizeText = (_item: unknown, value: unknown) => (typeof value === "string" && value.trim() ? `“${clip(value)}”` : "(cleared)");

export const shortTextKind = {
  kind: "short_text",
  title: "Short text",
  template,
  answerable: true,
  answerSchema: textAnswerSchema,
  emptyValue: () => "",
  isAnswered: textIsAnswered,
  summarize: summarizeText,
  plainText: true,
} satisfies ItemKindModule<ShortTextItem, string>;
