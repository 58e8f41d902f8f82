/**
 * What a calculation produces. Plain data, the same in the browser and on the
 * server: the worksheet shows it as the person types, the API returns it, the
 * PDF prints it.
 */

/** Where a published starting value comes from. */
export type Source = { title: string; url?: string; publisher?: string };

export type CellValue = number | string | null;

export type ResultColumn = {
  key: string;
  label: string;
  unit?: string;
  /** Digits after the decimal point when shown. */
  decimals?: number;
  /** Text cells (labels, notes) are shown as they are. */
  text?: boolean;
};

export type ResultRow = {
  key: string;
  label: string;
  cells: Record<string, CellValue>;
  /** Set when this row cannot be worked out yet, e.g. "needs the average stay in a short-term bed". */
  needs?: string;
  /** The row to draw attention to, e.g. the busiest time block or the top-ranked option. */
  highlight?: boolean;
};

export type ResultTable = {
  key: string;
  title: string;
  columns: ResultColumn[];
  rows: ResultRow[];
  note?: string;
};

export type FormulaInWords = { label: string; words: string };

export type BarChart = {
  kind: "bars";
  title: string;
  unit: string;
  /** One group per category (e.g. budget year), each with one bar per series. */
  categories: string[];
  series: Array<{ key: string; label: string; values: Array<number | null> }>;
};

export type HeatMap = {
  kind: "heatmap";
  title: string;
  xLabel: string;
  yLabel: string;
  /** Left to right. */
  xLabels: string[];
  /** Bottom to top. */
  yLabels: string[];
  /** counts[y][x]: how many entries fall in the cell. */
  counts: number[][];
  /** score[y][x]: the cell's score, used for its shade. */
  scores: number[][];
  /** What fell in each cell, for the text alternative. */
  entries: string[][][];
};

export type ResultChart = BarChart | HeatMap;

export type CalcResult = {
  /** Named headline results, unrounded beyond float noise; null where an input is missing. */
  values: Record<string, number | null>;
  tables: ResultTable[];
  /** What the result still needs, in words ("the population"); empty when complete. */
  needs: string[];
  /** Things the team should look at, e.g. shares that do not add up to 100 %. */
  warnings: string[];
  formulas: FormulaInWords[];
  chart?: ResultChart;
};

export function emptyResult(): CalcResult {
  return { values: {}, tables: [], needs: [], warnings: [], formulas: [] };
}
