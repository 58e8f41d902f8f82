import { PrintTable, type ItemPrintModule } from "../print-parts";
import type { TableValue } from "../table";
import { ACTION_PLAN_COLUMNS, type ActionPlanItem } from ".";

export const actionPlanPrint: ItemPrintModule<ActionPlanItem> = {
  Answer: ({ item, value, names }) => <PrintTable columns={ACTION_PLAN_COLUMNS} value={(value ?? { rows: [] }) as TableValue} names={names} caption={item.label} />,
};
