import { printModule } from "@/lib/items/print-registry";
import type { Item } from "@/lib/workbook/template-schema";

/** A read-only rendering of one answer, for the print view: its kind's print part (lib/items/<kind>/print.tsx). */
export function AnswerView({ item, value, names }: { item: Item; value: unknown; names: Map<string, string> }) {
  const { Answer } = printModule(item);
  return <Answer item={item} value={value} names={names} />;
}
