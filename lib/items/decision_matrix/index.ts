import { z } from "zod";
import { itemBase, keySchema, optionSchema } from "../base";
import type { ItemKindModule, TemplateIssue } from "../types";

/**
 * A decision matrix: the team scores each option (a row, e.g. a response
 * model) on each criterion (a column) from 1 to 5, and says how much each
 * criterion weighs (0–10, starting from the template's weight). The item
 * stores and shows the scores and weights; it does not total them.
 */

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 10;

export const criterionSchema = z.object({
  key: keySchema,
  label: z.string().min(1).max(120),
  /** Weight before the team changes it. */
  weight: z.number().int().min(WEIGHT_MIN).max(WEIGHT_MAX).default(1),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const template = z.object({
  ...itemBase,
  kind: z.literal("decision_matrix"),
  /** The options compared, one row each. */
  options: z.array(optionSchema).min(2).max(20),
  /** What each option is scored on, one column each. */
  criteria: z.array(criterionSchema).min(1).max(10),
  /** Whether the team may change the weights (otherwise the template's weights hold). */
  weightsEditable: z.boolean().default(true),
  /** What 1 and 5 mean, shown with the scores. */
  scaleHint: z.string().min(1).max(200).default("1 = poor fit, 5 = strong fit"),
});
export type DecisionMatrixItem = z.infer<typeof template>;

/** Scores by option value, then criterion key; weights the team set, by criterion key. */
export type DecisionMatrixValue = {
  scores: Record<string, Record<string, number | null | undefined> | undefined>;
  weights?: Record<string, number | null | undefined>;
};

/** The weight of a criterion: the team's when set, else the template's. */
export function weightOf(item: DecisionMatrixItem, value: DecisionMatrixValue | null | undefined, criterion: Criterion): number {
  const set = item.weightsEditable ? value?.weights?.[criterion.key] : undefined;
  return typeof set === "number" ? set : criterion.weight;
}

/** The score of one option on one criterion, or null when not scored (or not a valid score). */
export function scoreOf(value: unknown, option: string, criterion: string): number | null {
  const scores = (value as Partial<DecisionMatrixValue> | null | undefined)?.scores;
  const s = scores && typeof scores === "object" ? scores[option]?.[criterion] : undefined;
  return typeof s === "number" && Number.isInteger(s) && s >= SCORE_MIN && s <= SCORE_MAX ? s : null;
}

/** How many cells are scored, of how many. */
export function scoredCells(item: DecisionMatrixItem, value: unknown): { scored: number; total: number } {
  let scored = 0;
  for (const o of item.options) for (const c of item.criteria) if (scoreOf(value, o.value, c.key) !== null) scored++;
  return { scored, total: item.options.length * item.criteria.length };
}

function templateIssues(item: DecisionMatrixItem): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const dup = (keys: string[]) => keys.findIndex((k, i) => keys.indexOf(k) !== i);
  const o = dup(item.options.map((x) => x.value));
  if (o >= 0) issues.push({ message: `Decision matrix "${item.key}" lists option "${item.options[o].value}" twice`, path: ["options", o] });
  const c = dup(item.criteria.map((x) => x.key));
  if (c >= 0) issues.push({ message: `Decision matrix "${item.key}" lists criterion "${item.criteria[c].key}" twice`, path: ["criteria", c] });
  return issues;
}

function answerSchema(item: DecisionMatrixItem) {
  const score = z
    .number({ message: `Choose a score from ${SCORE_MIN} to ${SCORE_MAX}` })
    .int(`Choose a whole score from ${SCORE_MIN} to ${SCORE_MAX}`)
    .min(SCORE_MIN, `Scores run from ${SCORE_MIN} to ${SCORE_MAX}`)
    .max(SCORE_MAX, `Scores run from ${SCORE_MIN} to ${SCORE_MAX}`)
    .nullable()
    .optional();
  const row = z.strictObject(Object.fromEntries(item.criteria.map((c) => [c.key, score])));
  const weight = z
    .number({ message: "Enter a weight" })
    .int("Enter a whole number as the weight")
    .min(WEIGHT_MIN, `Weights run from ${WEIGHT_MIN} to ${WEIGHT_MAX}`)
    .max(WEIGHT_MAX, `Weights run from ${WEIGHT_MIN} to ${WEIGHT_MAX}`)
    .nullable()
    .optional();
  return z
    .strictObject({
      scores: z.strictObject(Object.fromEntries(item.options.map((o) => [o.value, row.optional()]))),
      weights: z.strictObject(Object.fromEntries(item.criteria.map((c) => [c.key, weight]))).optional(),
    })
    .refine((v) => item.weightsEditable || !v.weights || Object.values(v.weights).every((w) => w === null || w === undefined), {
      message: "The weights of this matrix are set by the workbook",
      path: ["weights"],
    });
}

export const decisionMatrixKind = {
  kind: "decision_matrix",
  title: "Decision matrix",
  template,
  answerable: true,
  templateIssues,
  answerSchema,
  emptyValue: (): DecisionMatrixValue => ({ scores: {} }),
  // Answered when every option has a score on every criterion.
  isAnswered: (item, v) => {
    const { scored, total } = scoredCells(item, v);
    return scored === total;
  },
  summarize: (item, value) => {
    const { scored, total } = scoredCells(item, value);
    return `${scored} of ${total} scores`;
  },
} satisfies ItemKindModule<DecisionMatrixItem, DecisionMatrixValue>;
