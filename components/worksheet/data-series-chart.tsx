"use client";

import { useMemo } from "react";
import { chartGeometry } from "@/lib/charts/geometry";
import type { DataSeriesValue } from "@/lib/workbook/answer-schemas";
import type { ItemOf } from "@/lib/workbook/template-schema";
import { SvgChart } from "@/components/charts/svg-chart";

/** The chart drawn from a data series, redrawn as the numbers change. */
export function DataSeriesChart({ item, value }: { item: ItemOf<"data_series">; value: DataSeriesValue }) {
  const geometry = useMemo(
    () =>
      chartGeometry({
        rowLabels: value.rows.map((r) => r.label || "—"),
        series: item.columns.map((c) => ({ key: c.key, label: c.label, values: value.rows.map((r) => (typeof r.values[c.key] === "number" ? (r.values[c.key] as number) : null)) })),
        kind: item.chart,
        width: 640,
        height: 280,
        unit: item.unit,
        fontSize: 11,
      }),
    [item, value],
  );
  if (geometry.empty) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700">The chart appears here once you enter numbers.</p>;
  }
  return (
    <figure className="rounded-md border border-slate-200 bg-white p-2" data-testid={`chart-${item.key}`}>
      <SvgChart geometry={geometry} label={`${item.label} (${item.chart} chart). ${geometry.description}`} />
      <figcaption className="sr-only">{geometry.description}</figcaption>
    </figure>
  );
}
