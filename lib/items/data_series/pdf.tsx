import { View } from "@react-pdf/renderer";
import { chartGeometry } from "@/lib/charts/geometry";
import { PdfChart } from "@/lib/charts/pdf-chart";
import { DataTable, type TableColumnSpec, type TableRowSpec } from "@/lib/export/pdf/components";
import { formatNumber } from "@/lib/export/pdf/theme";
import { isObject } from "../base";
import { ANSWER_WIDTH, field, GridField, ITEM_INDENT, type ItemContext, type ItemPdfModule } from "../pdf-parts";
import type { DataSeriesItem, DataSeriesValue } from ".";

function seriesValue(value: unknown): DataSeriesValue {
  return (isObject(value) && Array.isArray(value.rows) ? value : { rows: [] }) as DataSeriesValue;
}

/** The chart of a data series, or null when there is nothing to plot. */
function SeriesChart({ item, value, ctx }: { item: DataSeriesItem; value: unknown; ctx: ItemContext }) {
  const v = seriesValue(value);
  const geometry = chartGeometry({
    kind: item.chart,
    rowLabels: v.rows.map((r) => r.label),
    series: item.columns.map((c) => ({
      key: c.key,
      label: c.label,
      values: v.rows.map((r) => {
        const n = r.values?.[c.key];
        return typeof n === "number" && Number.isFinite(n) ? n : null;
      }),
    })),
    width: ANSWER_WIDTH,
    height: 190,
    unit: item.unit,
    fontSize: 7.5,
  });
  if (geometry.empty) return null;
  return (
    <View style={{ marginBottom: 6 }}>
      <PdfChart geometry={geometry} fontFamily={ctx.fontFamily} />
    </View>
  );
}

function SeriesTable({ item, value }: { item: DataSeriesItem; value: unknown }) {
  const v = seriesValue(value);
  const unit = item.unit ? ` (${item.unit})` : "";
  const columns: TableColumnSpec[] = [
    { key: "__label", label: item.rowLabel, flex: 1.6 },
    ...item.columns.map((c) => ({ key: c.key, label: `${c.label}${unit}`, flex: 1, align: "right" as const })),
  ];
  const rows: TableRowSpec[] = v.rows.map((r) => ({
    id: r.id,
    cells: Object.fromEntries([
      ["__label", r.label],
      ...item.columns.map((c) => {
        const n = r.values?.[c.key];
        return [c.key, typeof n === "number" ? formatNumber(n) : ""];
      }),
    ]),
  }));
  return <DataTable columns={columns} rows={rows} emptyText="No data entered yet" width={ANSWER_WIDTH} />;
}

export const dataSeriesPdf: ItemPdfModule<DataSeriesItem> = {
  Answer: ({ item, value, ctx }) => (
    <View>
      <SeriesChart item={item} value={value} ctx={ctx} />
      <SeriesTable item={item} value={value} />
    </View>
  ),
  // The label travels with the chart; the numbers table may run on.
  Block: ({ item, value, ctx, head }) => (
    <View style={{ marginBottom: 12 }}>
      <View wrap={false}>
        {head}
        <View style={{ paddingLeft: ITEM_INDENT }}>
          <SeriesChart item={item} value={value} ctx={ctx} />
        </View>
      </View>
      <View style={{ paddingLeft: ITEM_INDENT }}>
        <SeriesTable item={item} value={value} />
      </View>
    </View>
  ),
  blankFields: (item) => [field(item, item.key, "multiline")],
  Blank: ({ item }) => <GridField name={item.key} labels={[item.rowLabel, ...item.columns.map((c) => c.label)]} />,
};
