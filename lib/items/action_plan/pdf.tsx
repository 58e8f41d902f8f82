import { field, GridField, type ItemPdfModule } from "../pdf-parts";
import { TableAnswer } from "../table/pdf";
import { ACTION_PLAN_COLUMNS, type ActionPlanItem } from ".";

export const actionPlanPdf: ItemPdfModule<ActionPlanItem> = {
  Answer: ({ value, ctx }) => <TableAnswer columns={ACTION_PLAN_COLUMNS} value={value} ctx={ctx} />,
  blankFields: (item) => [field(item, item.key, "multiline")],
  Blank: ({ item }) => <GridField name={item.key} labels={ACTION_PLAN_COLUMNS.map((c) => c.label)} />,
};
