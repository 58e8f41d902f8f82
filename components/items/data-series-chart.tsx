"use client";

import { useMemo } from "react";
import { dataSeriesGeometry } from "@/lib/charts/data-series";
import type { DataSeriesItem, DataSeriesValue } from "@/lib/items/data_series";
import { SvgChart } from "@/components/charts/svg-chart";

/** The chart drawn from a data series, redrawn as the numbers change. */
export function DataSeriesChart({ item, value }: { item: DataSeriesItem; value: DataSeriesValue }) {
  const geometry = useMemo(() => dataSeriesGeometry(item, value), [item, value]);
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
