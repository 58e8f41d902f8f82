"use client";

import { ACTION_PLAN_COLUMNS, type ActionPlanItem } from "@/lib/items/action_plan";
import type { ItemEditor } from "./shared";
import { TableControl } from "./table";

export const actionPlanEditor: ItemEditor<ActionPlanItem> = {
  Control: (props) => <TableControl {...props} columns={ACTION_PLAN_COLUMNS} maxRows={props.item.maxRows} />,
};
