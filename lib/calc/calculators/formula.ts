import { type CalcConfig, type Calculator, type Slot } from "../calculator";
import { compileFormula, FormulaError, type CompiledFormula } from "../expression";

/**
 * Simple formulas written in the template, e.g. `hours * staff / 24`. Each
 * line may use the inputs and the lines above it. Parsed and compiled by the
 * restricted expression engine; never evaluated as code.
 */

type Line = { key: string; label: string; expression: string; words: string; unit?: string; decimals?: number };
type FormulaConfig = { inputs: Record<string, { label: string; needs: string; min?: number; max?: number; unit?: string }>; lines: Line[] };

function configOf(config: CalcConfig): FormulaConfig {
  return {
    inputs: (config.inputs ?? {}) as FormulaConfig["inputs"],
    lines: Array.isArray(config.lines) ? (config.lines as Line[]) : [],
  };
}

const cache = new Map<string, CompiledFormula>();
function compiled(line: Line, names: string[]) {
  const k = `${names.join(",")}|${line.expression}`;
  let f = cache.get(k);
  if (!f) {
    f = compileFormula(line.expression, names);
    cache.set(k, f);
  }
  return f;
}

export const formula: Calculator<string> = {
  name: "formula",
  title: "Formula",
  slots(config) {
    const { inputs } = configOf(config);
    return Object.fromEntries(
      Object.entries(inputs).map(([name, spec]): [string, Slot] => [name, { kind: "number", ...spec }]),
    );
  },
  checkConfig(config) {
    const { inputs, lines } = configOf(config);
    const names = Object.keys(inputs);
    const problems: string[] = [];
    if (lines.length === 0) problems.push("A formula item needs at least one line");
    for (const line of lines) {
      try {
        compiled(line, names);
      } catch (e) {
        problems.push(`${line.key}: ${(e as FormulaError).message}`);
      }
      names.push(line.key);
    }
    return problems;
  },
  compute(c, config) {
    const r = c.result;
    const { inputs, lines } = configOf(config);
    const names = Object.keys(inputs);
    const scope: Record<string, number> = {};
    const unavailable = new Map<string, string>();
    for (const n of names) if (c.has(n)) scope[n] = c.num(n);
    const rows = lines.map((line) => {
      const f = compiled(line, names);
      names.push(line.key);
      const lacking = f.variables.filter((v) => !(v in scope));
      const slotsLacking = lacking.filter((v) => v in inputs);
      let needs = slotsLacking.length ? c.need(...slotsLacking) : null;
      if (!needs && lacking.length) needs = unavailable.get(lacking[0]) ?? "needs the lines above";
      let value: number | null = null;
      if (!needs) {
        const v = f.evaluate(scope);
        if (Number.isFinite(v)) value = v;
        else needs = "cannot be worked out (division by zero)";
      }
      if (value !== null) scope[line.key] = value;
      else unavailable.set(line.key, needs!);
      r.values[line.key] = value;
      r.formulas.push({ label: line.label, words: line.words });
      return { key: line.key, label: line.label, cells: { value }, ...(needs ? { needs } : {}) };
    });
    r.tables.push({
      key: "lines",
      title: "Results",
      columns: [{ key: "value", label: "Result", unit: lines[0]?.unit, decimals: lines[0]?.decimals ?? 0 }],
      rows,
    });
    return r;
  },
};
