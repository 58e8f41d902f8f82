"use client";

import type { LongTextItem } from "@/lib/items/long_text";
import type { ShortTextItem } from "@/lib/items/short_text";
import { inputCls, type ControlProps, type ItemEditor } from "./shared";

/** One text box (short) or a growing text area (long), with a character count. */
export function TextControl({ item, value, onChange, onBlur, onFocus, disabled, describedBy, invalid, labelId }: ControlProps<ShortTextItem | LongTextItem>) {
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

export const shortTextEditor: ItemEditor<ShortTextItem> = { Control: TextControl, labelsInput: true };
