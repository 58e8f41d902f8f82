import { PrintTable, type ItemPrintModule } from "../print-parts";
import type { TableItem, TableValue } from ".";

export const tablePrint: ItemPrintModule<TableItem> = {
  Answer: ({ item, value, names }) => <PrintTable columns={item.columns} value={(value ?? { rows: [] }) as TableValue} names={names} caption={item.label} />,
};
