"use client";

import { Button } from "@/components/ui/button";
import type { DataSeriesItem, DataSeriesValue } from "@/lib/items/data_series";
import { DataSeriesChart } from "./data-series-chart";
import { newId, type ControlProps, type ItemEditor } from "./shared";

function DataSeriesControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<DataSeriesItem>) {
  const v = (value ?? { rows: [] }) as DataSeriesValue;
  const setRows = (rows: DataSeriesValue["rows"]) => onChange({ rows });
  const cls = "w-full min-w-[6rem] rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:bg-slate-100";
  return (
    <div onBlur={onBlur} onFocus={onFocus} className="space-y-3">
      <div className="overflow-x-auto rounded-md border border-slate-300">
        <table className="w-full text-left text-sm" aria-labelledby={labelId}>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-2 font-medium">
                {item.rowLabel}
              </th>
              {item.columns.map((c) => (
                <th key={c.key} scope="col" className="px-2 py-2 font-medium">
                  {c.label}
                  {item.unit ? <span className="font-normal text-slate-600"> ({item.unit})</span> : null}
                </th>
              ))}
              {!disabled ? (
                <th scope="col">
                  <span className="sr-only">Row actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {v.rows.length === 0 ? (
              <tr>
                <td colSpan={item.columns.length + 2} className="px-3 py-4 text-center text-slate-700">
                  No data yet. Add a row for each {item.rowLabel.toLowerCase()}.
                </td>
              </tr>
            ) : null}
            {v.rows.map((row, ri) => (
              <tr key={row.id} className="border-t border-slate-200">
                <td className="px-1 py-1">
                  <input
                    aria-label={`${item.rowLabel}, row ${ri + 1}`}
                    className={cls}
                    maxLength={60}
                    value={row.label}
                    disabled={disabled}
                    onChange={(e) => setRows(v.rows.map((r) => (r.id === row.id ? { ...r, label: e.target.value } : r)))}
                  />
                </td>
                {item.columns.map((c) => (
                  <td key={c.key} className="px-1 py-1">
                    <input
                      aria-label={`${c.label}, ${row.label || `row ${ri + 1}`}`}
                      type="number"
                      step="any"
                      className={cls}
                      value={typeof row.values[c.key] === "number" ? String(row.values[c.key]) : ""}
                      disabled={disabled}
                      onChange={(e) =>
                        setRows(
                          v.rows.map((r) =>
                            r.id === row.id ? { ...r, values: { ...r.values, [c.key]: e.target.value === "" ? null : Number(e.target.value) } } : r,
                          ),
                        )
                      }
                    />
                  </td>
                ))}
                {!disabled ? (
                  <td className="px-1 py-1">
                    <Button type="button" variant="ghost" size="icon" onClick={() => setRows(v.rows.filter((r) => r.id !== row.id))} aria-label={`Remove row ${ri + 1}`}>
                      ✕
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!disabled ? (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={v.rows.length >= item.maxRows}
          onClick={() => setRows([...v.rows, { id: newId(), label: "", values: {} }])}
        >
          + Add row<span className="sr-only"> to {item.label}</span>
        </Button>
      ) : null}
      <DataSeriesChart item={item} value={v} />
    </div>
  );
}

export const dataSeriesEditor: ItemEditor<DataSeriesItem> = { Control: DataSeriesControl };
