import { describeInputs, inputKeysOf, Resolver, type CalcItem, type CalcItems } from "./inputs";
import type { AssumptionDefault } from "./schema";
import type { CalcResult } from "./types";

/**
 * Calculations over a whole template: which items take part, their results
 * from a set of saved answers, and what each result reads. Takes the
 * template's worksheets as plain data, so the worksheet page, the API, the
 * PDF and the tests all go through the same path.
 */

type AnyItem = {
  key: string;
  kind: string;
  label: string;
  default?: AssumptionDefault;
  from?: string;
  calculator?: string;
  inputs?: Record<string, string>;
  config?: Record<string, unknown>;
  columns?: Array<{ key: string; label: string }>;
  options?: Array<{ value: string; label: string }>;
  criteria?: Array<{ key: string; label: string; weight: number }>;
  weightsEditable?: boolean;
};
type AnyWorksheet = { key: string; title: string; items: readonly AnyItem[] };

const cache = new WeakMap<readonly AnyWorksheet[], CalcItems>();

/** Every item of the template as the calculations see it (cached per template). */
export function calcItems(worksheets: readonly AnyWorksheet[]): CalcItems {
  const hit = cache.get(worksheets);
  if (hit) return hit;
  const out = new Map<string, CalcItem>();
  for (const w of worksheets) {
    for (const i of w.items) {
      out.set(i.key, {
        key: i.key,
        kind: i.kind,
        label: i.label,
        worksheetKey: w.key,
        worksheetTitle: w.title,
        ...(i.default ? { default: i.default } : {}),
        ...(i.from ? { from: i.from } : {}),
        ...(i.calculator ? { calculator: i.calculator, inputs: i.inputs ?? {}, config: i.config ?? {} } : {}),
        ...(i.kind === "data_series" && i.columns ? { columnLabels: Object.fromEntries(i.columns.map((c) => [c.key, c.label])) } : {}),
        ...(i.kind === "decision_matrix" && i.options && i.criteria
          ? { matrix: { options: i.options, criteria: i.criteria, weightsEditable: i.weightsEditable !== false } }
          : {}),
      });
    }
  }
  cache.set(worksheets, out);
  return out;
}

export function hasCalculations(items: CalcItems) {
  for (const i of items.values()) if (i.kind === "calculated" || i.default || i.from) return true;
  return false;
}

/**
 * Answers on other worksheets that the given worksheet's inputs and results
 * read: the page sends them along so the browser computes the same result.
 */
export function externalInputKeys(items: CalcItems, worksheetKey: string): string[] {
  const keys = new Set<string>();
  for (const i of items.values()) {
    if (i.worksheetKey !== worksheetKey) continue;
    if (i.kind === "calculated") inputKeysOf(items, i.key).forEach((k) => keys.add(k));
    let from = i.from;
    const seen = new Set<string>();
    while (from && !seen.has(from)) {
      seen.add(from);
      keys.add(from);
      from = items.get(from)?.from;
    }
  }
  return [...keys].filter((k) => items.get(k)?.worksheetKey !== worksheetKey);
}

export type CalculatedView = {
  itemKey: string;
  worksheetKey: string;
  label: string;
  calculator: string;
  /** The item keys the result reads. */
  inputs: string[];
  value: CalcResult["values"];
  tables: CalcResult["tables"];
  needs: string[];
  warnings: string[];
  formulas: CalcResult["formulas"];
  assumptions: ReturnType<typeof describeInputs>;
};

/** Every calculated item's result from the given answers. */
export function evaluateCalculated(items: CalcItems, answer: (key: string) => unknown, only?: (item: CalcItem) => boolean): CalculatedView[] {
  const resolver = new Resolver(items, answer);
  const out: CalculatedView[] = [];
  for (const i of items.values()) {
    if (i.kind !== "calculated" || (only && !only(i))) continue;
    const r = resolver.result(i.key);
    out.push({
      itemKey: i.key,
      worksheetKey: i.worksheetKey,
      label: i.label,
      calculator: i.calculator!,
      inputs: inputKeysOf(items, i.key),
      value: r.values,
      tables: r.tables,
      needs: r.needs,
      warnings: r.warnings,
      formulas: r.formulas,
      assumptions: describeInputs(items, resolver, i.key),
    });
  }
  return out;
}

/**
 * What GET /workbook adds to each item: a calculated item's results (`value`),
 * the item keys it reads (`inputs`), its formulas in words, warnings and what
 * it still needs; a number input's effective value and where it comes from.
 */
export function calculationJson(items: CalcItems, answer: (key: string) => unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!hasCalculations(items)) return out;
  const resolver = new Resolver(items, answer);
  for (const v of evaluateCalculated(items, answer)) {
    const { itemKey, worksheetKey: _w, label: _l, ...rest } = v;
    void _w;
    void _l;
    out.set(itemKey, { ...rest, assumptions: v.assumptions.map(({ default: d, ...a }) => ({ ...a, ...(d ? { default: d } : {}) })) });
  }
  for (const i of items.values()) {
    if (i.kind !== "number" || (!i.default && !i.from)) continue;
    const r = resolver.input(i.key);
    out.set(i.key, { assumption: { value: r.value, origin: r.origin, ...(r.fromKey ? { from: r.fromKey } : {}) } });
  }
  return out;
}
