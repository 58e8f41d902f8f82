import { slotsOf } from "./calculator";
import { getCalculator } from "./registry";
import type { CalcItems } from "./inputs";

/**
 * Checks a template's calculations when the template is validated: every
 * calculator exists, every slot is bound to an item of the right kind, every
 * reference points at an existing item, and no chain of references or
 * calculations leads back to where it started.
 */

const SLOT_KINDS: Record<string, string[]> = {
  number: ["number"],
  table: ["table"],
  data_series: ["data_series"],
  date: ["date"],
  decision_matrix: ["decision_matrix"],
};

export type CalcProblem = { key: string; message: string };

export function checkCalculations(items: CalcItems, tableColumns: (key: string) => string[] | undefined): CalcProblem[] {
  const problems: CalcProblem[] = [];
  const edges = new Map<string, string[]>();
  for (const item of items.values()) {
    const out: string[] = [];
    if (item.from) {
      const src = items.get(item.from);
      if (!src) problems.push({ key: item.key, message: `References "${item.from}", which does not exist` });
      else if (src.kind !== "number") problems.push({ key: item.key, message: `References "${item.from}", which is not a number` });
      out.push(item.from);
    }
    if (item.default && item.kind !== "number") problems.push({ key: item.key, message: "Only number items can have a default" });
    if (item.kind === "calculated") {
      const calc = item.calculator ? getCalculator(item.calculator) : undefined;
      if (!calc) {
        problems.push({ key: item.key, message: `Unknown calculator "${item.calculator}"` });
      } else {
        for (const p of calc.checkConfig?.(item.config ?? {}) ?? []) problems.push({ key: item.key, message: p });
        const slots = slotsOf(calc, item.config ?? {});
        for (const [slot, target] of Object.entries(item.inputs ?? {})) {
          const spec = slots[slot];
          const src = items.get(target);
          if (!spec) problems.push({ key: item.key, message: `Calculator "${calc.name}" has no input "${slot}"` });
          else if (!src) problems.push({ key: item.key, message: `Input "${slot}" reads "${target}", which does not exist` });
          else if (!SLOT_KINDS[spec.kind].includes(src.kind))
            problems.push({ key: item.key, message: `Input "${slot}" needs a ${spec.kind} item; "${target}" is a ${src.kind}` });
          else if (spec.kind === "table") {
            const cols = tableColumns(target) ?? [];
            const missing = spec.columns.filter((c) => !cols.includes(c));
            if (missing.length) problems.push({ key: item.key, message: `Table "${target}" lacks columns: ${missing.join(", ")}` });
          }
          out.push(target);
        }
      }
    }
    edges.set(item.key, out);
  }
  // Cycles: depth-first search, reporting each cycle once.
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (k: string) => {
    state.set(k, "open");
    stack.push(k);
    for (const next of edges.get(k) ?? []) {
      if (state.get(next) === "open") {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        problems.push({ key: next, message: `Circular reference: ${cycle.join(" → ")}` });
      } else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(k, "done");
  };
  for (const k of edges.keys()) if (!state.has(k)) visit(k);
  return problems;
}
