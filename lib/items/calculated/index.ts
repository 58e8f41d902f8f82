import { z } from "zod";
import { calculatedFields } from "@/lib/calc/schema";
import { isObject, itemBase } from "../base";
import type { ItemKindModule } from "../types";

/**
 * A result worked out from other answers by a calculator the template names
 * (lib/calc). Nobody types it: it is computed in the browser as people type,
 * and on the server for the API, the PDF and the print view. Nothing is
 * stored for it, and a write to it is refused.
 */
export const template = z.object({ ...itemBase, kind: z.literal("calculated"), ...calculatedFields });
export type CalculatedItem = z.infer<typeof template>;

export const CALCULATED_READ_ONLY = "This result is calculated from other answers; change those answers instead.";

export const calculatedKind = {
  kind: "calculated",
  title: "Calculated result",
  template,
  answerable: false,
  readOnlyReason: CALCULATED_READ_ONLY,
  answerSchema: () => z.null({ message: CALCULATED_READ_ONLY }),
  emptyValue: () => null,
  /** Given the computed result (see lib/calc/workbook.ts): complete when it needs nothing more. */
  isAnswered: (_item, value) => isObject(value) && Array.isArray(value.needs) && value.needs.length === 0,
  summarize: () => "Calculated result",
} satisfies ItemKindModule<CalculatedItem, unknown>;
