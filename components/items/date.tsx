"use client";

import type { DateItem } from "@/lib/items/date";
import { inputCls, type ControlProps, type ItemEditor } from "./shared";

function DateControl({ value, onChange, onBlur, onFocus, disabled, describedBy, invalid, labelId }: ControlProps<DateItem>) {
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

export const dateEditor: ItemEditor<DateItem> = { Control: DateControl, labelsInput: true };
