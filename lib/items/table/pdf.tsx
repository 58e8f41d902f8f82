import { DataTable, type TableColumnSpec, type TableRowSpec } from "@/lib/export/pdf/components";
import { formatIsoDate, formatNumber } from "@/lib/export/pdf/theme";
import { isObject } from "../base";
import { ANSWER_WIDTH, field, GridField, type ItemContext, type ItemPdfModule } from "../pdf-parts";
import type { TableColumn, TableItem, TableValue } from ".";

export function formatCell(column: TableColumn, value: unknown, ctx: ItemContext): string {
  if (value === null || value === undefined || value === "") return "";
  switch (column.type) {
    case "number":
      return typeof value === "number" ? formatNumber(value) : String(value);
    case "date":
      return typeof value === "string" ? formatIsoDate(value, "short") : String(value);
    case "choice":
      return column.options?.find((o) => o.value === value)?.label ?? String(value);
    case "member":
      return typeof value === "string" ? ctx.memberName(value) : String(value);
    default:
      return String(value);
  }
}

function columnFlex(column: TableColumn): number {
  switch (column.type) {
    case "number":
      return 1.1;
    case "date":
      return 1.35;
    case "choice":
      return 1.5;
    case "member":
      return 1.7;
    default:
      return column.maxLength <= 60 ? 1.6 : column.maxLength <= 200 ? 2.4 : 3.4;
  }
}

/** Rows taller than a page must be allowed to split; anything near that size is. */
const SPLITTABLE_ROW_CHARS = 1400;

export function tableSpecs(columns: TableColumn[], value: TableValue, ctx: ItemContext): { columns: TableColumnSpec[]; rows: TableRowSpec[] } {
  const specs = columns.map((c) => ({ key: c.key, label: c.label, flex: columnFlex(c), align: c.type === "number" ? ("right" as const) : ("left" as const) }));
  const rows = value.rows.map((row) => {
    const cells: Record<string, string> = {};
    let longest = 0;
    for (const c of columns) {
      const text = formatCell(c, row.cells[c.key], ctx);
      cells[c.key] = text;
      longest = Math.max(longest, text.length);
    }
    return { id: row.id, cells, splittable: longest > SPLITTABLE_ROW_CHARS };
  });
  return { columns: specs, rows };
}

/** A table answer with these columns (tables and action plans). */
export function TableAnswer({ columns, value, ctx }: { columns: TableColumn[]; value: unknown; ctx: ItemContext }) {
  const v = (isObject(value) && Array.isArray(value.rows) ? value : { rows: [] }) as TableValue;
  const spec = tableSpecs(columns, v, ctx);
  return <DataTable columns={spec.columns} rows={spec.rows} width={ANSWER_WIDTH} />;
}

export const tablePdf: ItemPdfModule<TableItem> = {
  Answer: ({ item, value, ctx }) => <TableAnswer columns={item.columns} value={value} ctx={ctx} />,
  // A multiline text field `<itemKey>`: one row per line, cells separated by " | " (the column names are printed above it).
  blankFields: (item) => [field(item, item.key, "multiline")],
  Blank: ({ item }) => <GridField name={item.key} labels={item.columns.map((c) => c.label)} />,
};
