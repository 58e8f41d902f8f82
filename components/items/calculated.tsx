"use client";

import { CalcResultView } from "@/components/calc/result-view";
import { useCalc } from "@/components/calc/calc-context";
import type { CalculatedItem } from "@/lib/items/calculated";
import type { ItemEditor } from "./shared";

/** A calculated result: recomputed from the page's answers as people type. Nobody types it. */
function CalculatedResult({ item }: { item: CalculatedItem }) {
  const calc = useCalc();
  let result = null;
  try {
    result = calc ? calc.resolver.result(item.key) : null;
  } catch {
    result = null;
  }
  return (
    <section className="grid gap-2 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby={`calc-title-${item.key}`}>
      <div>
        <h2 id={`calc-title-${item.key}`} className="font-semibold text-slate-900">
          {item.label}
        </h2>
        <p className="text-sm text-slate-700">{item.help ?? "Worked out from the answers on this and other worksheets as you type."}</p>
      </div>
      {result ? (
        <CalcResultView id={item.key} result={result} />
      ) : (
        <p className="text-sm text-slate-700">This result is worked out on the worksheet.</p>
      )}
    </section>
  );
}

export const calculatedEditor: ItemEditor<CalculatedItem> = { Display: CalculatedResult };
