"use client";

import { AssumptionNote } from "@/components/calc/assumption";
import { useCalc } from "@/components/calc/calc-context";
import type { NumberItem } from "@/lib/items/number";
import { inputCls, type ControlProps, type ItemEditor } from "./shared";

function NumberControl({ item, value, onChange, onBlur, onFocus, disabled, describedBy, invalid, labelId }: ControlProps<NumberItem>) {
  const calc = useCalc();
  // An empty input that has a default or takes its value from another item shows that value, pre-filled.
  const shown = typeof value === "number" ? value : item.default || item.from ? calc?.resolver.input(item.key).value : null;
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={`${labelId}-input`}
          type="number"
          inputMode="decimal"
          className={`${inputCls} max-w-xs`}
          value={typeof shown === "number" ? String(shown) : ""}
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
      <AssumptionNote itemKey={item.key} unit={item.unit} disabled={disabled} onReset={() => onChange(null)} />
    </div>
  );
}

export const numberEditor: ItemEditor<NumberItem> = { Control: NumberControl, labelsInput: true };
