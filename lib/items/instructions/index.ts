import { z } from "zod";
import { itemBase } from "../base";
import type { ItemKindModule } from "../types";

/** Text the team reads; takes no answer and never counts towards progress. */
export const template = z.object({ ...itemBase, kind: z.literal("instructions"), body: z.string().min(1).max(10_000) });
export type InstructionsItem = z.infer<typeof template>;

export const instructionsKind = {
  kind: "instructions",
  title: "Instructions",
  template,
  answerable: false,
  answerSchema: () => z.null(),
  emptyValue: () => null,
  isAnswered: () => false,
  summarize: () => "",
} satisfies ItemKindModule<InstructionsItem, null>;
