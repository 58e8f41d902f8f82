"use client";

import type { Item, ItemKind, ItemOf } from "@/lib/items/registry";
import { actionPlanEditor } from "./action_plan";
import { checklistEditor } from "./checklist";
import { dataSeriesEditor } from "./data_series";
import { dateEditor } from "./date";
import { decisionMatrixEditor } from "./decision_matrix";
import { instructionsEditor } from "./instructions";
import { longTextEditor } from "./long_text";
import { multipleChoiceEditor } from "./multiple_choice";
import { numberEditor } from "./number";
import { ratingEditor } from "./rating";
import { resourceLinksEditor } from "./resource_links";
import { calculatedEditor } from "./calculated";
import type { ControlProps, ItemEditor } from "./shared";
import { shortTextEditor } from "./short_text";
import { singleChoiceEditor } from "./single_choice";
import { tableEditor } from "./table";

export type { ControlProps, ItemEditor, Member } from "./shared";

/** Each kind's editor control (components/items/<kind>.tsx). */
const editors: { [K in ItemKind]: ItemEditor<ItemOf<K>> } = {
  instructions: instructionsEditor,
  short_text: shortTextEditor,
  long_text: longTextEditor,
  number: numberEditor,
  date: dateEditor,
  single_choice: singleChoiceEditor,
  multiple_choice: multipleChoiceEditor,
  checklist: checklistEditor,
  rating: ratingEditor,
  table: tableEditor,
  data_series: dataSeriesEditor,
  action_plan: actionPlanEditor,
  resource_links: resourceLinksEditor,
  decision_matrix: decisionMatrixEditor,
  calculated: calculatedEditor,
};

/** The editor part of an item's kind, typed for that item. */
export function itemEditor<I extends Item>(item: I): ItemEditor<I> {
  return editors[item.kind] as unknown as ItemEditor<I>;
}

/** The control that edits an item's answer (nothing for items that take none). */
export function ItemControl(props: ControlProps<Item>) {
  const { Control } = itemEditor(props.item);
  return Control ? <Control {...props} /> : null;
}
