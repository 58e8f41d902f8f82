/** Small statistics helpers for benchmark samples (all values in the unit they were taken in). */

export type Summary = {
  n: number;
  min: number;
  q1: number;
  p50: number;
  q3: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
};

/** Percentile with linear interpolation between closest ranks (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (sorted.length === 1) return sorted[0];
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function summarize(samples: number[]): Summary {
  const s = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    q1: percentile(s, 25),
    p50: percentile(s, 50),
    q3: percentile(s, 75),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean: s.length ? sum / s.length : NaN,
  };
}

export function median(samples: number[]): number {
  return summarize(samples).p50;
}

/** Rounds for display: 3 significant digits below 100, whole numbers above. */
export function fmt(x: number | undefined | null, digits = 3): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return "–";
  const abs = Math.abs(x);
  if (abs >= 100) return Math.round(x).toLocaleString("en-US");
  if (abs === 0) return "0";
  return Number(x.toPrecision(digits)).toString();
}

export function spread(min: number, max: number): string {
  return `${fmt(min)}–${fmt(max)}`;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = () => performance.now();
