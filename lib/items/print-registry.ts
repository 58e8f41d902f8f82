import { actionPlanPrint } from "./action_plan/print";
import { checklistPrint } from "./checklist/print";
import { dataSeriesPrint } from "./data_series/print";
import { datePrint } from "./date/print";
import { decisionMatrixPrint } from "./decision_matrix/print";
import { instructionsPrint } from "./instructions/print";
import { longTextPrint } from "./long_text/print";
import { multipleChoicePrint } from "./multiple_choice/print";
import { numberPrint } from "./number/print";
import type { ItemPrintModule } from "./print-parts";
import { ratingPrint } from "./rating/print";
import type { Item, ItemKind, ItemOf } from "./registry";
import { resourceLinksPrint } from "./resource_links/print";
import { calculatedPrint } from "./calculated/print";
import { shortTextPrint } from "./short_text/print";
import { singleChoicePrint } from "./single_choice/print";
import { tablePrint } from "./table/print";

/** Each kind's part of the browser print view (lib/items/<kind>/print.tsx). */
const modules: { [K in ItemKind]: ItemPrintModule<ItemOf<K>> } = {
  instructions: instructionsPrint,
  short_text: shortTextPrint,
  long_text: longTextPrint,
  number: numberPrint,
  date: datePrint,
  single_choice: singleChoicePrint,
  multiple_choice: multipleChoicePrint,
  checklist: checklistPrint,
  rating: ratingPrint,
  table: tablePrint,
  data_series: dataSeriesPrint,
  action_plan: actionPlanPrint,
  resource_links: resourceLinksPrint,
  decision_matrix: decisionMatrixPrint,
  calculated: calculatedPrint,
};

/** The print-view part of an item's kind, typed for that item. */
export function printModule<I extends Item>(item: I): ItemPrintModule<I> {
  return modules[item.kind] as unknown as ItemPrintModule<I>;
}
