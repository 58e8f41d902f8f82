import { cellNumber, cellText, runCalculator, type CalcConfig, type Calculator, type Slot } from "../calculator";
import type { MatrixSpec } from "../inputs";
import type { ResultRow } from "../types";

/**
 * Response-option decision matrix: each option's 1–5 score on each criterion,
 * times the criterion's weight, summed; options ranked by the total. The
 * criteria and the slot of each weight come from the calculated item's
 * settings; the scores come from a table with one row per option and one
 * column per criterion.
 */

export type Criterion = { key: string; label: string };
type MatrixConfig = { criteria: Criterion[]; optionColumn: string; optionLabels?: Record<string, string> };

function configOf(config: CalcConfig): MatrixConfig {
  return {
    criteria: Array.isArray(config.criteria) ? (config.criteria as Criterion[]) : [],
    optionColumn: typeof config.optionColumn === "string" ? config.optionColumn : "option",
    optionLabels: (config.optionLabels ?? {}) as Record<string, string>,
  };
}

export const weightSlot = (criterion: string) => `weight.${criterion}`;

export const decisionMatrix: Calculator<string> = {
  name: "decision-matrix",
  title: "Response-option decision matrix",
  slots(config) {
    const { criteria, optionColumn } = configOf(config);
    const out: Record<string, Slot> = {
      scores: { kind: "table", label: "Scores", needs: "at least one option with scores", columns: [optionColumn, ...criteria.map((c) => c.key)] },
    };
    for (const c of criteria) {
      out[weightSlot(c.key)] = {
        kind: "number",
        label: `Weight: ${c.label}`,
        needs: `the weight of “${c.label}”`,
        min: 0,
        max: 10,
      };
    }
    return out;
  },
  checkConfig(config) {
    const { criteria } = configOf(config);
    const problems: string[] = [];
    if (criteria.length === 0) problems.push("A decision matrix needs at least one criterion");
    if (new Set(criteria.map((c) => c.key)).size !== criteria.length) problems.push("Criteria keys must be unique");
    return problems;
  },
  compute(c, config) {
    const r = c.result;
    const { criteria, optionColumn, optionLabels } = configOf(config);
    const weightNeeds = c.need(...criteria.map((k) => weightSlot(k.key)));
    const weights = criteria.map((k) => (c.has(weightSlot(k.key)) ? c.num(weightSlot(k.key)) : null));
    const totalWeight = weights.reduce<number>((s, w) => s + (w ?? 0), 0);
    if (!weightNeeds && totalWeight === 0) r.warnings.push("Every weight is 0, so no option can score above another.");

    const rows = c.rows("scores");
    let outOfRange = 0;
    const scored = rows
      .map((row) => {
        const value = cellText(row.cells[optionColumn]);
        const label = optionLabels?.[value] ?? (value || "Unnamed option");
        const scores = criteria.map((k) => {
          const v = cellNumber(row.cells[k.key]);
          if (v !== null && (v < 1 || v > 5)) {
            outOfRange++;
            return null;
          }
          return v;
        });
        const missing = criteria.filter((_, i) => scores[i] === null).map((k) => `“${k.label}”`);
        const total =
          weightNeeds || missing.length > 0 ? null : scores.reduce<number>((s, v, i) => s + v! * weights[i]!, 0);
        return { id: row.id, label, scores, total, missing };
      })
      .filter((o) => o.label !== "Unnamed option" || o.scores.some((s) => s !== null));
    if (outOfRange > 0) r.warnings.push(`${outOfRange} ${outOfRange === 1 ? "score is" : "scores are"} outside 1–5 and left out.`);
    if (scored.length === 0) c.needWords("at least one option with scores");

    const ranked = [...scored].sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity));
    let rank = 0;
    let prev: number | null = null;
    const resultRows: ResultRow[] = ranked.map((o, i) => {
      if (o.total !== null && o.total !== prev) rank = i + 1;
      prev = o.total;
      const needs = weightNeeds ?? (o.missing.length ? `needs a 1–5 score for ${o.missing.join(", ")}` : undefined);
      return {
        key: o.id,
        label: o.label,
        cells: {
          ...Object.fromEntries(criteria.map((k, j) => [k.key, o.scores[j]])),
          total: o.total,
          rank: o.total === null ? null : rank,
        },
        ...(needs ? { needs } : {}),
        ...(o.total !== null && rank === 1 ? { highlight: true } : {}),
      };
    });
    r.tables.push({
      key: "ranking",
      title: "Options ranked",
      columns: [
        ...criteria.map((k, i) => ({
          key: k.key,
          label: weights[i] === null ? `${k.label} (weight not set)` : `${k.label} (weight ${weights[i]})`,
          decimals: 0,
        })),
        { key: "total", label: "Weighted score", decimals: 0 },
        { key: "rank", label: "Rank", decimals: 0 },
      ],
      rows: resultRows,
      note: weightNeeds ? undefined : `Highest possible score: ${5 * totalWeight}.`,
    });
    ranked.forEach((o) => (r.values[`score.${o.id}`] = o.total));
    r.values.topScore = ranked[0]?.total ?? null;
    r.values.maxScore = weightNeeds ? null : 5 * totalWeight;
    r.formulas.push(
      { label: "Weighted score", words: "the sum over all criteria of the option's 1–5 score × the criterion's weight" },
      { label: "Rank", words: "options ordered by weighted score, highest first; equal scores share a rank" },
    );
    return r;
  },
};

type MatrixValue = { scores?: Record<string, Record<string, unknown> | undefined>; weights?: Record<string, unknown> };

/**
 * The same ranking over a decision-matrix item: its options, criteria and
 * template weights come from the item, its scores and the team's weights from
 * the answer.
 */
export const decisionMatrixRanking: Calculator<"matrix"> = {
  name: "decision-matrix-ranking",
  title: "Response-option ranking",
  slots: { matrix: { kind: "decision_matrix", label: "Scores", needs: "the scores of the options" } },
  compute(c, config) {
    const spec = config.matrix as MatrixSpec | undefined;
    if (!spec) {
      c.needWords("a decision matrix to rank");
      return c.result;
    }
    const v = (c.value("matrix") ?? { scores: {} }) as MatrixValue;
    const rows = spec.options.map((o) => ({ id: o.value, cells: { option: o.value, ...(v.scores?.[o.value] ?? {}) } }));
    const raw: Record<string, unknown> = { scores: { rows } };
    for (const k of spec.criteria) {
      const w = spec.weightsEditable ? v.weights?.[k.key] : undefined;
      raw[weightSlot(k.key)] = typeof w === "number" ? w : k.weight;
    }
    const inner = runCalculator(decisionMatrix, raw, {
      criteria: spec.criteria,
      optionColumn: "option",
      optionLabels: Object.fromEntries(spec.options.map((o) => [o.value, o.label])),
    });
    Object.assign(c.result, { ...inner, needs: [] });
    for (const n of inner.needs) c.needWords(n);
    return c.result;
  },
};
