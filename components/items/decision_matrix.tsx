"use client";

import { scoredCells, scoreOf, SCORE_MAX, SCORE_MIN, WEIGHT_MAX, WEIGHT_MIN, type DecisionMatrixItem, type DecisionMatrixValue } from "@/lib/items/decision_matrix";
import type { ControlProps, ItemEditor } from "./shared";

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
const cellCls = "w-full min-w-[4.5rem] rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:bg-slate-100";

/**
 * A grid: one row per option, one column per criterion. Each cell is a 1–5
 * score picked from a list; the weights row (when the team sets weights)
 * takes a whole number from 0 to 10.
 */
function DecisionMatrixControl({ item, value, onChange, onBlur, onFocus, disabled, labelId, describedBy }: ControlProps<DecisionMatrixItem>) {
  const v = (value ?? { scores: {} }) as DecisionMatrixValue;
  const setScore = (option: string, criterion: string, score: number | null) =>
    onChange({ ...v, scores: { ...v.scores, [option]: { ...v.scores[option], [criterion]: score } } });
  const setWeight = (criterion: string, weight: number | null) => onChange({ ...v, weights: { ...v.weights, [criterion]: weight } });
  const { scored, total } = scoredCells(item, v);
  return (
    <div onBlur={onBlur} onFocus={onFocus} className="space-y-2">
      <p className="text-sm text-slate-700" id={`${labelId}-scale`}>
        Score each option from {SCORE_MIN} to {SCORE_MAX}: {item.scaleHint}.
      </p>
      <div className="overflow-x-auto rounded-md border border-slate-300">
        <table className="w-full text-left text-sm" aria-labelledby={labelId} aria-describedby={[`${labelId}-scale`, describedBy].filter(Boolean).join(" ")}>
          <thead className="bg-slate-100 text-slate-800">
            <tr>
              <th scope="col" className="px-2 py-2 font-medium">
                Option
              </th>
              {item.criteria.map((c) => (
                <th key={c.key} scope="col" className="px-2 py-2 font-medium">
                  {c.label}
                  {item.weightsEditable ? null : <span className="block text-xs font-normal text-slate-600">weight {c.weight}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.weightsEditable ? (
              <tr className="border-t border-slate-200 bg-slate-50">
                <th scope="row" className="px-2 py-1 font-normal text-slate-700">
                  Weight ({WEIGHT_MIN}–{WEIGHT_MAX})
                </th>
                {item.criteria.map((c) => (
                  <td key={c.key} className="px-1 py-1">
                    <input
                      type="number"
                      inputMode="numeric"
                      min={WEIGHT_MIN}
                      max={WEIGHT_MAX}
                      step={1}
                      aria-label={`Weight of ${c.label}`}
                      className={cellCls}
                      value={shownWeight(v, c)}
                      disabled={disabled}
                      onChange={(e) => setWeight(c.key, e.target.value === "" ? null : Number(e.target.value))}
                    />
                  </td>
                ))}
              </tr>
            ) : null}
            {item.options.map((o) => (
              <tr key={o.value} className="border-t border-slate-200">
                <th scope="row" className="px-2 py-1 font-normal text-slate-900">
                  {o.label}
                </th>
                {item.criteria.map((c) => {
                  const s = scoreOf(v, o.value, c.key);
                  return (
                    <td key={c.key} className="px-1 py-1">
                      <select
                        aria-label={`${o.label}: score for ${c.label}`}
                        className={cellCls}
                        value={s === null ? "" : String(s)}
                        disabled={disabled}
                        onChange={(e) => setScore(o.value, c.key, e.target.value === "" ? null : Number(e.target.value))}
                      >
                        <option value="">—</option>
                        {SCORES.map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {scored === total ? `All ${total} scores given.` : `${scored} of ${total} scores given.`}
      </p>
    </div>
  );
}

/** The weight as typed: the team's (blank while they retype it), else the template's. */
function shownWeight(v: DecisionMatrixValue, criterion: { key: string; weight: number }) {
  const set = v.weights?.[criterion.key];
  return set === undefined ? String(criterion.weight) : set === null ? "" : String(set);
}

export const decisionMatrixEditor: ItemEditor<DecisionMatrixItem> = { Control: DecisionMatrixControl };
