"use client";

import type { ChecklistItem, ChecklistValue } from "@/lib/items/checklist";
import type { ControlProps, ItemEditor } from "./shared";

function ChecklistControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<ChecklistItem>) {
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

export const checklistEditor: ItemEditor<ChecklistItem> = { Control: ChecklistControl };
