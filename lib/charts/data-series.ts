import type { DataSeriesItem, DataSeriesValue } from "@/lib/items/data_series";
import { chartGeometry } from "./geometry";

/** The chart of a data-series answer, as drawn on the worksheet page and in the print view. */
export function dataSeriesGeometry(item: DataSeriesItem, value: DataSeriesValue, size = { width: 640, height: 280 }) {
  return chartGeometry({
    rowLabels: value.rows.map((r) => r.label || "—"),
    series: item.columns.map((c) => ({
      key: c.key,
      label: c.label,
      values: value.rows.map((r) => (typeof r.values[c.key] === "number" ? (r.values[c.key] as number) : null)),
    })),
    kind: item.chart,
    width: size.width,
    height: size.height,
    unit: item.unit,
    fontSize: 11,
  });
}
