import { runCalculator, slotsOf } from "./calculator";
import { getCalculator } from "./registry";
import type { AssumptionDefault } from "./schema";
import type { CalcResult } from "./types";

/**
 * Where each input's value comes from. A number input shows, in this order:
 * the team's own saved figure ("local figure"), else the value of the item it
 * references ("from Community profile"), else its published default
 * ("default"). Saving the default's own value counts as the default.
 *
 * Works on a plain description of the template's items and a lookup of saved
 * answers, so the browser (answers on the page plus the referenced ones the
 * server sent along) and the server (all answers) compute the same thing.
 */

export type CalcItem = {
  key: string;
  kind: string;
  label: string;
  worksheetKey: string;
  worksheetTitle: string;
  default?: AssumptionDefault;
  from?: string;
  calculator?: string;
  inputs?: Record<string, string>;
  config?: Record<string, unknown>;
  /** Data-series column labels, passed to calculators that list them. */
  columnLabels?: Record<string, string>;
  /** A decision matrix's options and criteria (with the template's weights). */
  matrix?: MatrixSpec;
};

export type MatrixSpec = {
  options: Array<{ value: string; label: string }>;
  criteria: Array<{ key: string; label: string; weight: number }>;
  weightsEditable: boolean;
};

export type InputOrigin = "local" | "default" | "reference" | "empty";

export type ResolvedInput = {
  value: unknown;
  origin: InputOrigin;
  /** For "reference": the item and worksheet the value came from. */
  fromKey?: string;
  fromWorksheet?: string;
  default?: AssumptionDefault;
};

export type CalcItems = ReadonlyMap<string, CalcItem>;

const isEmpty = (v: unknown) => v === null || v === undefined || v === "";

export class Resolver {
  private readonly memo = new Map<string, ResolvedInput>();
  private readonly results = new Map<string, CalcResult>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly items: CalcItems,
    private readonly answer: (key: string) => unknown,
  ) {}

  /** The value an item has for calculations, and where it came from. */
  input(key: string): ResolvedInput {
    const hit = this.memo.get(key);
    if (hit) return hit;
    const item = this.items.get(key);
    const stored = this.answer(key);
    let out: ResolvedInput;
    if (!item || item.kind !== "number") {
      out = { value: isEmpty(stored) ? null : stored, origin: isEmpty(stored) ? "empty" : "local" };
    } else if (!isEmpty(stored)) {
      const isDefault = item.default !== undefined && stored === item.default.value;
      out = { value: stored, origin: isDefault ? "default" : "local", default: item.default };
    } else {
      out = { value: null, origin: "empty", default: item.default };
      if (item.from && !this.visiting.has(key)) {
        this.visiting.add(key);
        const src = this.input(item.from);
        this.visiting.delete(key);
        if (!isEmpty(src.value)) {
          out = {
            value: src.value,
            origin: "reference",
            fromKey: item.from,
            fromWorksheet: this.items.get(item.from)?.worksheetTitle,
            default: item.default,
          };
        }
      }
      if (out.origin === "empty" && item.default) out = { value: item.default.value, origin: "default", default: item.default };
    }
    this.memo.set(key, out);
    return out;
  }

  /** The result of a calculated item. */
  result(key: string): CalcResult {
    const hit = this.results.get(key);
    if (hit) return hit;
    const item = this.items.get(key);
    const calc = item?.calculator ? getCalculator(item.calculator) : undefined;
    if (!item || !calc) throw new Error(`"${key}" is not a calculated item`);
    const config = { ...(item.config ?? {}) };
    const raw: Record<string, unknown> = {};
    for (const [slot, source] of Object.entries(item.inputs ?? {})) {
      raw[slot] = this.input(source).value;
      const src = this.items.get(source);
      if (src?.columnLabels && !config.columnLabels) config.columnLabels = src.columnLabels;
      if (src?.matrix && !config.matrix) config.matrix = src.matrix;
    }
    const result = runCalculator(calc, raw, config);
    this.results.set(key, result);
    return result;
  }
}

/** The item keys a calculated item reads, directly and through references. */
export function inputKeysOf(items: CalcItems, key: string): string[] {
  const item = items.get(key);
  if (!item?.inputs) return [];
  const out = new Set<string>();
  const add = (k: string) => {
    if (out.has(k)) return;
    out.add(k);
    const from = items.get(k)?.from;
    if (from) add(from);
  };
  Object.values(item.inputs).forEach(add);
  return [...out];
}

/** Calculated items whose result depends on the given item key. */
export function dependentsOf(items: CalcItems, key: string): string[] {
  const out: string[] = [];
  for (const item of items.values()) {
    if (item.kind === "calculated" && inputKeysOf(items, item.key).includes(key)) out.push(item.key);
  }
  return out;
}

/** Every input slot of a calculated item with its label and resolved value, for the API and the PDF. */
export function describeInputs(items: CalcItems, resolver: Resolver, key: string) {
  const item = items.get(key);
  const calc = item?.calculator ? getCalculator(item.calculator) : undefined;
  if (!item || !calc) return [];
  const slots = slotsOf(calc, item.config ?? {});
  return Object.entries(item.inputs ?? {}).map(([slot, itemKey]) => {
    const r = resolver.input(itemKey);
    return {
      slot,
      itemKey,
      label: items.get(itemKey)?.label ?? slots[slot]?.label ?? slot,
      unit: (slots[slot] as { unit?: string } | undefined)?.unit,
      ...r,
    };
  });
}
