"use client";

import { useCalc } from "./calc-context";

/**
 * Under a number input that takes part in calculations: where its value comes
 * from ("default", "local figure", "from Community profile"), the default's
 * source and note, and a button that goes back to the default or the
 * referenced value (by clearing the team's own figure).
 */
export function AssumptionNote({
  itemKey,
  unit,
  onReset,
  disabled,
}: {
  itemKey: string;
  unit?: string;
  onReset: () => void;
  disabled: boolean;
}) {
  const calc = useCalc();
  const item = calc?.items.get(itemKey);
  if (!calc || !item || (!item.default && !item.from)) return null;
  const r = calc.resolver.input(itemKey);
  const d = item.default;
  const fromTitle = item.from ? (calc.items.get(item.from)?.worksheetTitle ?? "another worksheet") : null;
  const badge =
    r.origin === "reference"
      ? { text: `from ${r.fromWorksheet ?? fromTitle}`, cls: "border-sky-300 bg-sky-50 text-sky-900" }
      : r.origin === "default"
        ? { text: "default", cls: "border-slate-300 bg-slate-100 text-slate-800" }
        : r.origin === "local"
          ? { text: "local figure", cls: "border-emerald-300 bg-emerald-50 text-emerald-900" }
          : null;
  const resetLabel = item.from ? `Use the value from ${fromTitle}` : "Reset to default";
  return (
    <div className="mt-1 grid gap-1 text-sm" data-testid={`assumption-${itemKey}`}>
      <div className="flex flex-wrap items-center gap-2">
        {badge && (
          <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${badge.cls}`} data-origin={r.origin}>
            {badge.text}
          </span>
        )}
        {r.origin === "local" && (
          <button
            type="button"
            className="rounded text-sm font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:text-slate-500"
            onClick={onReset}
            disabled={disabled}
          >
            {resetLabel}
            {d && !item.from ? ` (${d.value}${unit ? (unit === "%" ? " %" : ` ${unit}`) : ""})` : ""}
          </button>
        )}
      </div>
      {d && (
        <p className="text-xs text-slate-700">
          Default {d.value}
          {unit ? (unit === "%" ? " %" : ` ${unit}`) : ""}:{" "}
          {d.source.url ? (
            <a href={d.source.url} className="underline underline-offset-2" target="_blank" rel="noreferrer">
              {d.source.title}
            </a>
          ) : (
            d.source.title
          )}
          {d.source.publisher ? `, ${d.source.publisher}` : ""}.{d.note ? ` ${d.note}` : ""}
        </p>
      )}
    </div>
  );
}
