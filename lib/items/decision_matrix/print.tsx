import type { ItemPrintModule } from "../print-parts";
import { scoreOf, weightOf, type DecisionMatrixItem, type DecisionMatrixValue } from ".";

export const decisionMatrixPrint: ItemPrintModule<DecisionMatrixItem> = {
  Answer: ({ item, value }) => (
    <div className="space-y-1">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{item.label}</caption>
        <thead>
          <tr>
            <th scope="col" className="border border-slate-400 bg-slate-100 px-2 py-1 text-left">
              Option
            </th>
            {item.criteria.map((c) => (
              <th key={c.key} scope="col" className="border border-slate-400 bg-slate-100 px-2 py-1 text-center">
                {c.label}
                <span className="block text-xs font-normal">weight {weightOf(item, value as DecisionMatrixValue | null, c)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {item.options.map((o) => (
            <tr key={o.value} className="break-inside-avoid">
              <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">
                {o.label}
              </th>
              {item.criteria.map((c) => {
                const s = scoreOf(value, o.value, c.key);
                return (
                  <td key={c.key} className="border border-slate-300 px-2 py-1 text-center">
                    {s ?? <span aria-label="not scored">–</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-slate-600">Scores: {item.scaleHint}. Weights run from 0 to 10.</p>
    </div>
  ),
};
