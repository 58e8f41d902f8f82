"use client";

import type { RatingItem } from "@/lib/items/rating";
import type { ControlProps, ItemEditor } from "./shared";

function RatingControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<RatingItem>) {
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

export const ratingEditor: ItemEditor<RatingItem> = { Control: RatingControl };
