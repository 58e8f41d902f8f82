"use client";

import { useId } from "react";
import type {
  ChecklistValue,
  DataSeriesValue,
  MultipleChoiceValue,
  ResourceLinksValue,
  SingleChoiceValue,
  TableValue,
} from "@/lib/workbook/answer-schemas";
import { ACTION_PLAN_COLUMNS, type Item, type ItemOf, type TableColumn } from "@/lib/workbook/template-schema";
import { Button } from "@/components/ui/button";
import { DataSeriesChart } from "./data-series-chart";

export type Member = { id: string; name: string };
export type ControlProps<K extends Item["kind"]> = {
  item: ItemOf<K>;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  onFocus: () => void;
  disabled: boolean;
  members: Member[];
  describedBy?: string;
  invalid?: boolean;
  labelId: string;
};

const inputCls =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 disabled:bg-slate-100 disabled:text-slate-800 aria-[invalid=true]:border-red-700";
const newId = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10));

function TextControl({ item, value, onChange, onBlur, onFocus, disabled, describedBy, invalid, labelId }: ControlProps<"short_text" | "long_text">) {
  const text = typeof value === "string" ? value : "";
  const common = {
    id: `${labelId}-input`,
    value: text,
    disabled,
    maxLength: item.maxLength,
    placeholder: item.placeholder,
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
    onBlur,
    onFocus,
    className: inputCls,
  };
  return (
    <div>
      {item.kind === "long_text" ? <textarea rows={Math.min(14, Math.max(4, text.split("\n").length + 1))} {...common} /> : <input type="text" {...common} />}
      <p className="mt-1 text-right text-xs text-slate-600" aria-hidden="true">
        {text.length.toLocaleString()} / {item.maxLength.toLocaleString()}
      </p>
    </div>
  );
}

function NumberControl({ item, value, onChange, onBlur, onFocus, disabled, describedBy, invalid, labelId }: ControlProps<"number">) {
  return (
    <div className="flex items-center gap-2">
      <input
        id={`${labelId}-input`}
        type="number"
        inputMode="decimal"
        className={`${inputCls} max-w-xs`}
        value={typeof value === "number" ? String(value) : ""}
        min={item.min}
        max={item.max}
        step={item.integer ? 1 : "any"}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
        onBlur={onBlur}
        onFocus={onFocus}
      />
      {item.unit ? <span className="text-sm text-slate-700">{item.unit}</span> : null}
    </div>
  );
}

function DateControl({ value, onChange, onBlur, onFocus, disabled, describedBy, invalid, labelId }: ControlProps<"date">) {
  return (
    <input
      id={`${labelId}-input`}
      type="date"
      className={`${inputCls} max-w-xs`}
      value={typeof value === "string" ? value : ""}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      onBlur={onBlur}
      onFocus={onFocus}
    />
  );
}

function SingleChoiceControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<"single_choice">) {
  const v = (value ?? { choice: null }) as SingleChoiceValue;
  const options = item.allowOther ? [...item.options, { value: "other", label: "Other" }] : item.options;
  return (
    <div className="space-y-2" role="radiogroup" aria-labelledby={labelId} onBlur={onBlur} onFocus={onFocus}>
      {options.map((o) => (
        <label key={o.value} className="flex items-center gap-2 text-sm text-slate-900">
          <input
            type="radio"
            name={item.key}
            value={o.value}
            checked={v.choice === o.value}
            disabled={disabled}
            onChange={() => onChange({ ...v, choice: o.value })}
            className="h-4 w-4 accent-brand-700"
          />
          {o.label}
        </label>
      ))}
      {item.allowOther && v.choice === "other" ? (
        <input
          aria-label={`${item.label}: other`}
          className={inputCls}
          value={v.other ?? ""}
          maxLength={500}
          disabled={disabled}
          onChange={(e) => onChange({ ...v, other: e.target.value })}
        />
      ) : null}
      {v.choice !== null && !disabled ? (
        <button type="button" className="text-sm text-brand-700 underline" onClick={() => onChange({ choice: null })}>
          Clear choice
        </button>
      ) : null}
    </div>
  );
}

function MultipleChoiceControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<"multiple_choice">) {
  const v = (value ?? { choices: [] }) as MultipleChoiceValue;
  const options = item.allowOther ? [...item.options, { value: "other", label: "Other" }] : item.options;
  const toggle = (val: string) =>
    onChange({ ...v, choices: v.choices.includes(val) ? v.choices.filter((c) => c !== val) : [...v.choices, val] });
  return (
    <div className="space-y-2" role="group" aria-labelledby={labelId} onBlur={onBlur} onFocus={onFocus}>
      {options.map((o) => (
        <label key={o.value} className="flex items-center gap-2 text-sm text-slate-900">
          <input type="checkbox" checked={v.choices.includes(o.value)} disabled={disabled} onChange={() => toggle(o.value)} className="h-4 w-4 accent-brand-700" />
          {o.label}
        </label>
      ))}
      {item.allowOther && v.choices.includes("other") ? (
        <input
          aria-label={`${item.label}: other`}
          className={inputCls}
          value={v.other ?? ""}
          maxLength={500}
          disabled={disabled}
          onChange={(e) => onChange({ ...v, other: e.target.value })}
        />
      ) : null}
    </div>
  );
}

function ChecklistControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<"checklist">) {
  const v = (value ?? { checked: [] }) as ChecklistValue;
  const toggle = (val: string) =>
    onChange({ checked: v.checked.includes(val) ? v.checked.filter((c) => c !== val) : [...v.checked, val] });
  return (
    <div className="space-y-2" role="group" aria-labelledby={labelId} onBlur={onBlur} onFocus={onFocus}>
      {item.options.map((o) => (
        <label key={o.value} className="flex items-start gap-2 text-sm text-slate-900">
          <input
            type="checkbox"
            checked={v.checked.includes(o.value)}
            disabled={disabled || v.noneApply}
            onChange={() => toggle(o.value)}
            className="mt-0.5 h-4 w-4 accent-brand-700"
          />
          {o.label}
        </label>
      ))}
      {item.allowNoneApply ? (
        <label className="flex items-center gap-2 border-t border-slate-200 pt-2 text-sm italic text-slate-800">
          <input
            type="checkbox"
            checked={Boolean(v.noneApply)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? { checked: [], noneApply: true } : { checked: [] })}
            className="h-4 w-4 accent-brand-700"
          />
          None of these apply
        </label>
      ) : null}
    </div>
  );
}

function RatingControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<"rating">) {
  const points = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="grid gap-2 sm:grid-cols-5" onBlur={onBlur} onFocus={onFocus}>
      {points.map((p, i) => (
        <label
          key={p}
          className={`flex cursor-pointer flex-col items-center gap-1 rounded-md border p-2 text-center text-sm has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600 ${
            value === p ? "border-brand-700 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-800"
          }`}
        >
          <input type="radio" name={item.key} value={p} checked={value === p} disabled={disabled} onChange={() => onChange(p)} className="sr-only" />
          <span className="text-lg font-semibold">{p}</span>
          <span className="text-xs">{item.pointLabels[i]}</span>
        </label>
      ))}
      {typeof value === "number" && !disabled ? (
        <button type="button" className="text-left text-sm text-brand-700 underline sm:col-span-5" onClick={() => onChange(null)}>
          Clear rating
        </button>
      ) : null}
    </div>
  );
}

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

function TableControl({
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
}: ControlProps<"table" | "action_plan"> & { columns: TableColumn[]; maxRows: number }) {
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

function DataSeriesControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<"data_series">) {
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

function ResourceLinksControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<"resource_links">) {
  const v = (value ?? { links: [] }) as ResourceLinksValue;
  const id = useId();
  return (
    <div className="space-y-3" onBlur={onBlur} onFocus={onFocus} role="group" aria-labelledby={labelId}>
      {item.links.length ? (
        <ul className="space-y-2">
          {item.links.map((l) => (
            <li key={l.url} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
              <a href={l.url} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline">
                {l.title}
              </a>
              {l.publisher ? <span className="text-slate-700"> — {l.publisher}</span> : null}
              {l.description ? <p className="mt-1 text-slate-700">{l.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm font-medium text-slate-800">Links your team added</p>
      {v.links.length === 0 ? <p className="text-sm text-slate-700">None yet.</p> : null}
      {v.links.map((l, i) => (
        <div key={l.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
          <input
            aria-label={`Link ${i + 1} title`}
            className={inputCls}
            value={l.title}
            disabled={disabled}
            maxLength={300}
            onChange={(e) => onChange({ links: v.links.map((x) => (x.id === l.id ? { ...x, title: e.target.value } : x)) })}
          />
          <input
            aria-label={`Link ${i + 1} web address`}
            className={inputCls}
            type="url"
            value={l.url}
            disabled={disabled}
            placeholder="https://"
            onChange={(e) => onChange({ links: v.links.map((x) => (x.id === l.id ? { ...x, url: e.target.value } : x)) })}
          />
          {!disabled ? (
            <Button type="button" variant="ghost" onClick={() => onChange({ links: v.links.filter((x) => x.id !== l.id) })} aria-label={`Remove link ${i + 1}`}>
              Remove
            </Button>
          ) : null}
        </div>
      ))}
      {!disabled ? (
        <Button
          id={id}
          type="button"
          variant="secondary"
          size="sm"
          disabled={v.links.length >= item.maxLinks}
          onClick={() => onChange({ links: [...v.links, { id: newId(), title: "", url: "" }] })}
        >
          + Add a link
        </Button>
      ) : null}
    </div>
  );
}

export function ItemControl(props: ControlProps<Item["kind"]>) {
  const { item } = props;
  switch (item.kind) {
    case "short_text":
    case "long_text":
      return <TextControl {...(props as ControlProps<"short_text">)} />;
    case "number":
      return <NumberControl {...(props as ControlProps<"number">)} />;
    case "date":
      return <DateControl {...(props as ControlProps<"date">)} />;
    case "single_choice":
      return <SingleChoiceControl {...(props as ControlProps<"single_choice">)} />;
    case "multiple_choice":
      return <MultipleChoiceControl {...(props as ControlProps<"multiple_choice">)} />;
    case "checklist":
      return <ChecklistControl {...(props as ControlProps<"checklist">)} />;
    case "rating":
      return <RatingControl {...(props as ControlProps<"rating">)} />;
    case "table":
      return <TableControl {...(props as ControlProps<"table">)} columns={item.columns} maxRows={item.maxRows} />;
    case "action_plan":
      return <TableControl {...(props as ControlProps<"action_plan">)} columns={ACTION_PLAN_COLUMNS} maxRows={item.maxRows} />;
    case "data_series":
      return <DataSeriesControl {...(props as ControlProps<"data_series">)} />;
    case "resource_links":
      return <ResourceLinksControl {...(props as ControlProps<"resource_links">)} />;
    case "instructions":
      return null;
  }
}
