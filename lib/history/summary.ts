import { itemModule } from "@/lib/items/registry";
import { emptyValue } from "@/lib/workbook/answer-schemas";
import type { Item } from "@/lib/workbook/template-schema";

/** Plain-language summaries of answers, for the activity feed and the history list. */

/** A short plain-language summary of an answer, in a few words (each kind's `summarize`). */
export function summarizeValue(item: Item, value: unknown): string {
  if (value === null || value === undefined) return "(empty)";
  if (JSON.stringify(value) === JSON.stringify(emptyValue(item))) return "(cleared)";
  return itemModule(item).summarize(item, value);
}
