"use client";

import type { MultipleChoiceItem, MultipleChoiceValue } from "@/lib/items/multiple_choice";
import { inputCls, type ControlProps, type ItemEditor } from "./shared";

function MultipleChoiceControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<MultipleChoiceItem>) {
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

export const multipleChoiceEditor: ItemEditor<MultipleChoiceItem> = { Control: MultipleChoiceControl };
