import { z } from "zod";
import { itemBase } from "../base";
import { summarizeText, textAnswerSchema, textIsAnswered } from "../short_text";
import type { ItemKindModule } from "../types";

export const template = z.object({
  ...itemBase,
  kind: z.literal("long_text"),
  maxLength: z.number().int().positive().max(50_000).default(5000),
  placeholder: z.string().max(200).optional(),
});
export type LongTextItem = z.infer<typeof template>;

export const longTextKind = {
  kind: "long_text",
  title: "Long text",
  template,
  answerable: true,
  answerSchema: textAnswerSchema,
  emptyValue: () => "",
  isAnswered: textIsAnswered,
  summarize: summarizeText,
  plainText: true,
} satisfies ItemKindModule<LongTextItem, string>;
