"use client";

import type { NumberItem } from "@/lib/items/number";
import { inputCls, type ControlProps, type ItemEditor } from "./shared";

function NumberControl({ item, value, onChange, onBlur, onFocus, disabled, describedBy, invalid, labelId }: ControlProps<NumberItem>) {
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

export const numberEditor: ItemEditor<NumberItem> = { Control: NumberControl, labelsInput: true };
