"use client";

import { Button } from "@/components/ui/button";
import type { ActionPlanItem } from "@/lib/items/action_plan";
import type { TableColumn, TableItem, TableValue } from "@/lib/items/table";
import { newId, type ControlProps, type ItemEditor, type Member } from "./shared";

function Cell({
  column,
  value,
  onChange,
  disabled,
  label,
  members,
}: {
  column: TableColumn;
  value: unknown;
  onChange: (v: string | number | null) => void;
  disabled: boolean;
  label: string;
  members: Member[];
}) {
  const cls = "w-full min-w-[8rem] rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:bg-slate-100";
  if (column.type === "choice" || column.type === "member") {
    const options = column.type === "member" ? members.map((m) => ({ value: m.id, label: m.name })) : (column.options ?? []);
    return (
      <select aria-label={label} className={cls} value={typeof value === "string" ? value : ""} disabled={disabled} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">—</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (column.type === "number") {
    return (
      <input
        aria-label={label}
        type="number"
        step="any"
        className={cls}
        value={typeof value === "number" ? String(value) : ""}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
      />
    );
  }
  if (column.type === "date") {
    return <input aria-label={label} type="date" className={cls} value={typeof value === "string" ? value : ""} disabled={disabled} onChange={(e) => onChange(e.target.value || null)} />;
  }
  return (
    <textarea
      aria-label={label}
      rows={1}
      className={`${cls} resize-y`}
      maxLength={column.maxLength}
      value={typeof value === "string" ? value : ""}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function move<T>(list: T[], from: number, to: number) {
  const copy = [...list];
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

export function TableControl({
  item,
  columns,
  maxRows,
  value,
  onChange,
  onBlur,
  onFocus,
  disabled,
  members,
  labelId,
}: ControlProps<TableItem | ActionPlanItem> & { columns: TableColumn[]; maxRows: number }) {
  const v = (value ?? { rows: [] }) as TableValue;
  const setRows = (rows: TableValue["rows"]) => onChange({ rows });
  return (
    <div onBlur={onBlur} onFocus={onFocus}>
      <div className="overflow-x-auto rounded-md border border-slate-300">
        <table className="w-full text-left text-sm" aria-labelledby={labelId}>
          <thead className="bg-slate-100 text-slate-800">
            <tr>
              <th scope="col" className="w-10 px-2 py-2 font-medium">
                <span className="sr-only">Row</span>#
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="px-2 py-2 font-medium">
                  {c.label}
                  {c.required ? <span className="text-red-700" aria-hidden="true"> *</span> : null}
                </th>
              ))}
              {!disabled ? (
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Row actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {v.rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length + 2} className="px-3 py-4 text-center text-slate-700">
                  No rows yet.
                </td>
              </tr>
            ) : null}
            {v.rows.map((row, ri) => (
              <tr key={row.id} className="border-t border-slate-200 align-top">
                <td className="px-2 py-1 text-slate-600">{ri + 1}</td>
                {columns.map((c) => (
                  <td key={c.key} className="px-1 py-1">
                    <Cell
                      column={c}
                      value={row.cells[c.key]}
                      disabled={disabled}
                      members={members}
                      label={`${c.label}, row ${ri + 1}`}
                      onChange={(cell) => setRows(v.rows.map((r) => (r.id === row.id ? { ...r, cells: { ...r.cells, [c.key]: cell } } : r)))}
                    />
                  </td>
                ))}
                {!disabled ? (
                  <td className="whitespace-nowrap px-1 py-1">
                    <Button type="button" variant="ghost" size="icon" disabled={ri === 0} onClick={() => setRows(move(v.rows, ri, ri - 1))} aria-label={`Move row ${ri + 1} up`}>
                      ↑
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      disabled={ri === v.rows.length - 1}
                      onClick={() => setRows(move(v.rows, ri, ri + 1))}
                      aria-label={`Move row ${ri + 1} down`}
                    >
                      ↓
                    </Button>
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
          className="mt-2"
          disabled={v.rows.length >= maxRows}
          onClick={() => setRows([...v.rows, { id: newId(), cells: {} }])}
        >
          + Add row<span className="sr-only"> to {item.label}</span>
        </Button>
      ) : null}
      {v.rows.length >= maxRows ? <p className="mt-1 text-sm text-slate-700">This table holds at most {maxRows} rows.</p> : null}
    </div>
  );
}

export const tableEditor: ItemEditor<TableItem> = {
  Control: (props) => <TableControl {...props} columns={props.item.columns} maxRows={props.item.maxRows} />,
};
