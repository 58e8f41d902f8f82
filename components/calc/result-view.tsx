import { ResponsiveSvgChart } from "@/components/charts/svg-chart";
import { chartGeometry } from "@/lib/charts/geometry";
import { formatWithUnit } from "@/lib/calc/format";
import type { CalcResult, HeatMap, ResultColumn, ResultTable } from "@/lib/calc/types";
import { cn } from "@/lib/utils";

/**
 * A calculated item's result: its tables (unit and rounding in every cell, and
 * "needs …" where an input is missing), warnings, a chart, and the formulas in
 * words. Pure rendering; the worksheet recomputes the result as people type.
 */
export function CalcResultView({ result, id }: { result: CalcResult; id: string }) {
  return (
    <div className="grid gap-4" data-testid={`calc-${id}`}>
      {result.needs.length > 0 && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          <span className="font-semibold">Not complete yet:</span> this result needs {joinList(result.needs)}.
        </p>
      )}
      {result.warnings.length > 0 && (
        <ul className="grid gap-1 rounded-md border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-orange-950" aria-label="Warnings">
          {result.warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
      {result.tables.map((t) => (
        <ResultTableView key={t.key} table={t} />
      ))}
      {result.chart?.kind === "bars" && (
        <figure className="grid gap-1">
          <figcaption className="text-sm font-semibold text-slate-800">{result.chart.title}</figcaption>
          <ResponsiveSvgChart
            label={`${result.chart.title}. The numbers are in the table above.`}
            wide={chartGeometry({ rowLabels: result.chart.categories, series: result.chart.series, kind: "bar", width: 640, height: 260, unit: result.chart.unit })}
            narrow={chartGeometry({ rowLabels: result.chart.categories, series: result.chart.series, kind: "bar", width: 340, height: 260, unit: result.chart.unit })}
          />
        </figure>
      )}
      {result.chart?.kind === "heatmap" && <HeatMapView map={result.chart} />}
      {result.formulas.length > 0 && (
        <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium text-slate-800">How this is worked out</summary>
          <dl className="mt-2 grid gap-1 sm:grid-cols-[minmax(10rem,auto)_1fr] sm:gap-x-4">
            {result.formulas.map((f) => (
              <div key={f.label} className="contents">
                <dt className="font-medium text-slate-800">{f.label}</dt>
                <dd className="text-slate-700">= {f.words}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}

function cell(value: unknown, column: ResultColumn) {
  if (value === null || value === undefined || value === "") return "—";
  if (column.text || typeof value === "string") return String(value);
  return formatWithUnit(value as number, column.unit === "$" ? "$" : undefined, column.decimals ?? 0);
}

export function ResultTableView({ table }: { table: ResultTable }) {
  return (
    <div className="grid gap-1">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] border-collapse text-sm">
          <caption className="pb-1 text-left font-semibold text-slate-800">{table.title}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-1 pr-3 font-medium text-slate-700">
                <span className="sr-only">Line</span>
              </th>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={cn("py-1 pr-3 font-medium text-slate-700", !c.text && "text-right")}>
                  {c.label}
                  {c.unit && c.unit !== "$" && !c.label.includes(c.unit) ? <span className="sr-only"> ({c.unit})</span> : null}
                  {c.unit === "$" ? " ($)" : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key} className={cn("border-b border-slate-100 align-top", r.highlight && "bg-sky-50 font-semibold")}>
                <th scope="row" className="py-1 pr-3 text-left font-normal text-slate-900">
                  {r.label}
                </th>
                {r.needs ? (
                  <td colSpan={table.columns.length} className="py-1 pr-3 text-right italic text-amber-900">
                    {capitalize(r.needs)}
                  </td>
                ) : (
                  table.columns.map((c) => (
                    <td key={c.key} className={cn("py-1 pr-3 tabular-nums", !c.text && "text-right")}>
                      {cell(r.cells[c.key], c)}
                    </td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note && <p className="text-xs text-slate-700">{table.note}</p>}
    </div>
  );
}

const SHADES = ["bg-emerald-100 text-emerald-950", "bg-amber-100 text-amber-950", "bg-orange-200 text-orange-950", "bg-red-200 text-red-950"];

function HeatMapView({ map }: { map: HeatMap }) {
  const max = map.xLabels.length * map.yLabels.length;
  const shade = (score: number) => SHADES[Math.min(SHADES.length - 1, Math.floor(((score - 1) / max) * SHADES.length))];
  return (
    <div className="overflow-x-auto">
      <table className="border-collapse text-sm">
        <caption className="pb-1 text-left font-semibold text-slate-800">{map.title}: number of risks in each cell</caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={map.xLabels.length} className="pb-1 text-center font-medium text-slate-700">
              {map.xLabel} →
            </th>
          </tr>
          <tr>
            <th scope="col" className="pr-2 text-left font-medium text-slate-700">
              {map.yLabel} ↓
            </th>
            {map.xLabels.map((x) => (
              <th key={x} scope="col" className="px-2 font-medium text-slate-700">
                {x}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...map.yLabels.keys()].reverse().map((y) => (
            <tr key={y}>
              <th scope="row" className="pr-2 text-left font-medium text-slate-700">
                {map.yLabels[y]}
              </th>
              {map.xLabels.map((x, xi) => (
                <td
                  key={x}
                  className={cn("h-12 w-20 border border-white text-center align-middle", shade(map.scores[y][xi]))}
                  title={map.entries[y][xi].join("; ") || undefined}
                >
                  <span className="font-semibold">{map.counts[y][xi]}</span>
                  <span className="sr-only">
                    {" "}
                    {map.counts[y][xi] === 1 ? "risk" : "risks"}
                    {map.entries[y][xi].length ? `: ${map.entries[y][xi].join("; ")}` : ""}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function joinList(items: string[]) {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
