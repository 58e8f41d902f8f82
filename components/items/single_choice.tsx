"use client";

import type { SingleChoiceItem, SingleChoiceValue } from "@/lib/items/single_choice";
import { inputCls, type ControlProps, type ItemEditor } from "./shared";

function SingleChoiceControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<SingleChoiceItem>) {
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

export const singleChoiceEditor: ItemEditor<SingleChoiceItem> = { Control: SingleChoiceControl };
