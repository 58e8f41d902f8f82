import {
  absDependencies,
  addDependencies,
  andDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  equalDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  subtractDependencies,
  sumDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  type MathNode,
} from "mathjs";

/**
 * Simple formulas written in a template ("calls * minutes / 60 * officers")
 * are parsed and compiled by mathjs into plain closures — no `eval`, no
 * `new Function`. The instance is built from factories with only arithmetic,
 * comparison and a few rounding and aggregate functions, so nothing else
 * (import, createUnit, evaluate, matrices, units, strings) exists in it, and
 * every parsed formula is checked node by node before it is compiled: only
 * numbers, the declared input names, the operators and the functions listed
 * here are allowed.
 */
const math = create(
  {
    parseDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    powDependencies,
    minDependencies,
    maxDependencies,
    sumDependencies,
    roundDependencies,
    ceilDependencies,
    floorDependencies,
    absDependencies,
    smallerDependencies,
    smallerEqDependencies,
    largerDependencies,
    largerEqDependencies,
    equalDependencies,
    unequalDependencies,
    andDependencies,
    orDependencies,
    notDependencies,
  },
  { number: "number" },
);

export const FORMULA_FUNCTIONS = ["min", "max", "sum", "round", "ceil", "floor", "abs"] as const;
const FUNCTIONS = new Set<string>(FORMULA_FUNCTIONS);
const OPERATORS = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "unaryMinus",
  "unaryPlus",
  "pow",
  "smaller",
  "smallerEq",
  "larger",
  "largerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "not",
]);
const MAX_FORMULA_LENGTH = 500;

export class FormulaError extends Error {}

export type CompiledFormula = {
  source: string;
  /** The input names the formula reads. */
  variables: string[];
  evaluate(scope: Record<string, number>): number;
};

function check(node: MathNode, allowed: ReadonlySet<string>, used: Set<string>, isCallee = false): void {
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== "number") throw new FormulaError("Only numbers may appear as constants");
      return;
    }
    case "SymbolNode": {
      const name = (node as unknown as { name: string }).name;
      if (isCallee) {
        if (!FUNCTIONS.has(name)) throw new FormulaError(`Unknown function "${name}"`);
        return;
      }
      if (!allowed.has(name)) throw new FormulaError(`Unknown name "${name}"`);
      used.add(name);
      return;
    }
    case "ParenthesisNode":
      check((node as unknown as { content: MathNode }).content, allowed, used);
      return;
    case "OperatorNode": {
      const op = node as unknown as { fn: string; args: MathNode[] };
      if (!OPERATORS.has(op.fn)) throw new FormulaError(`Operator "${op.fn}" is not allowed`);
      op.args.forEach((a) => check(a, allowed, used));
      return;
    }
    case "ConditionalNode": {
      const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      check(c.condition, allowed, used);
      check(c.trueExpr, allowed, used);
      check(c.falseExpr, allowed, used);
      return;
    }
    case "FunctionNode": {
      const f = node as unknown as { fn: MathNode; args: MathNode[] };
      if (f.fn.type !== "SymbolNode") throw new FormulaError("Only the listed functions may be called");
      check(f.fn, allowed, used, true);
      if (f.args.length === 0 || f.args.length > 50) throw new FormulaError("A function needs 1 to 50 arguments");
      f.args.forEach((a) => check(a, allowed, used));
      return;
    }
    default:
      throw new FormulaError(`"${node.type}" is not allowed in a formula`);
  }
}

/** Parse, check and compile a formula over the given input names. Throws FormulaError. */
export function compileFormula(source: string, inputNames: readonly string[]): CompiledFormula {
  if (source.length > MAX_FORMULA_LENGTH) throw new FormulaError(`A formula has at most ${MAX_FORMULA_LENGTH} characters`);
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (e) {
    throw new FormulaError(`Cannot read the formula: ${(e as Error).message}`);
  }
  const allowed = new Set(inputNames);
  const used = new Set<string>();
  check(node, allowed, used);
  const code = node.compile();
  return {
    source,
    variables: [...used],
    evaluate(scope) {
      // A fresh scope with only the declared names: nothing else is reachable.
      const clean = new Map<string, number>();
      for (const name of used) {
        const v = scope[name];
        if (typeof v !== "number" || !Number.isFinite(v)) throw new FormulaError(`"${name}" has no value`);
        clean.set(name, v);
      }
      const result: unknown = code.evaluate(clean);
      if (typeof result === "boolean") return result ? 1 : 0;
      if (typeof result !== "number") throw new FormulaError("The formula does not give a number");
      return result;
    },
  };
}
