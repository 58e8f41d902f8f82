import { z } from "zod";
import { actionPlanKind, template as actionPlan } from "./action_plan";
import { calculatedKind, template as calculated } from "./calculated";
import { checklistKind, template as checklist } from "./checklist";
import { dataSeriesKind, template as dataSeries } from "./data_series";
import { dateKind, template as date } from "./date";
import { decisionMatrixKind, template as decisionMatrix } from "./decision_matrix";
import { instructionsKind, template as instructions } from "./instructions";
import { longTextKind, template as longText } from "./long_text";
import { multipleChoiceKind, template as multipleChoice } from "./multiple_choice";
import { numberKind, template as number } from "./number";
import { ratingKind, template as rating } from "./rating";
import { resourceLinksKind, template as resourceLinks } from "./resource_links";
import { singleChoiceKind, template as singleChoice } from "./single_choice";
import { shortTextKind, template as shortText } from "./short_text";
import { tableKind, template as table } from "./table";
import type { ItemKindModule } from "./types";

/**
 * The registry of item kinds: every kind's template schema (one branch of
 * `itemSchema`) and its module. The browser and the server both use it; the
 * PDF, print-view and editor parts have registries of their own
 * (pdf-registry.ts, print-registry.ts, components/items/registry.tsx).
 */

/** One item of a template, any kind. The order here is the order kinds are listed in. */
export const itemSchema = z.discriminatedUnion("kind", [
  instructions,
  shortText,
  longText,
  number,
  date,
  singleChoice,
  multipleChoice,
  checklist,
  rating,
  table,
  dataSeries,
  actionPlan,
  resourceLinks,
  decisionMatrix,
  calculated,
]);

export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item["kind"];
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;
export const ITEM_KINDS = itemSchema.options.map((o) => o.shape.kind.value) as ItemKind[];

/** Every kind's module; TypeScript checks that each kind in `itemSchema` has one. */
const modules: { [K in ItemKind]: ItemKindModule<ItemOf<K>> } = {
  instructions: instructionsKind,
  short_text: shortTextKind,
  long_text: longTextKind,
  number: numberKind,
  date: dateKind,
  single_choice: singleChoiceKind,
  multiple_choice: multipleChoiceKind,
  checklist: checklistKind,
  rating: ratingKind,
  table: tableKind,
  data_series: dataSeriesKind,
  action_plan: actionPlanKind,
  resource_links: resourceLinksKind,
  decision_matrix: decisionMatrixKind,
  calculated: calculatedKind,
};

/** The module of an item's kind, typed for that item. */
export function itemModule<I extends Item>(item: I): ItemKindModule<I, unknown> {
  return modules[item.kind] as unknown as ItemKindModule<I, unknown>;
}

/** The module of a kind, by name. */
export function kindModule<K extends ItemKind>(kind: K): ItemKindModule<ItemOf<K>, unknown> {
  return modules[kind] as unknown as ItemKindModule<ItemOf<K>, unknown>;
}

/** Items that take an answer (everything but instructions). */
export function isAnswerable(item: Item): boolean {
  return modules[item.kind].answerable;
}
