import type { Calculator } from "./calculator";
import { budgetAndGap } from "./calculators/budget";
import { crisisCapacity } from "./calculators/capacity";
import { decisionMatrix, decisionMatrixRanking } from "./calculators/decision-matrix";
import { formula } from "./calculators/formula";
import { officerTime } from "./calculators/officer-time";
import { riskScore } from "./calculators/risk";

/** Every calculator a template may name, by name. */
export const CALCULATORS: Readonly<Record<string, Calculator<string>>> = Object.freeze({
  [crisisCapacity.name]: crisisCapacity as Calculator<string>,
  [budgetAndGap.name]: budgetAndGap as Calculator<string>,
  [officerTime.name]: officerTime as Calculator<string>,
  [decisionMatrix.name]: decisionMatrix,
  [decisionMatrixRanking.name]: decisionMatrixRanking as Calculator<string>,
  [riskScore.name]: riskScore as Calculator<string>,
  [formula.name]: formula,
});

export const CALCULATOR_NAMES = Object.keys(CALCULATORS) as [string, ...string[]];

export function getCalculator(name: string): Calculator<string> | undefined {
  return Object.prototype.hasOwnProperty.call(CALCULATORS, name) ? CALCULATORS[name] : undefined;
}
