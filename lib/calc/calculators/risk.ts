import { cellText, type CalcConfig, type Calculator } from "../calculator";
import type { ResultRow } from "../types";

/** Risk score: likelihood × impact for each risk, and a heat map of where the risks fall. */

type Level = { value: string; label: string };
const DEFAULT_LEVELS: Level[] = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
];

const slots = {
  register: { kind: "table", label: "Risk register", needs: "at least one risk with its likelihood and impact", columns: ["risk", "likelihood", "impact"] },
} as const;

function levelsOf(config: CalcConfig): Level[] {
  return Array.isArray(config.levels) && config.levels.length >= 2 ? (config.levels as Level[]) : DEFAULT_LEVELS;
}

export const riskScore: Calculator<"register"> = {
  name: "risk-score",
  title: "Risk score",
  slots,
  compute(c, config) {
    const r = c.result;
    const levels = levelsOf(config);
    const n = levels.length;
    const point = (v: unknown) => {
      const i = levels.findIndex((l) => l.value === cellText(v));
      return i < 0 ? null : i + 1;
    };
    const band = (score: number) => {
      const max = n * n;
      if (score >= (max * 2) / 3) return "High";
      if (score > max / 3) return "Medium";
      return "Low";
    };
    const counts = levels.map(() => levels.map(() => 0));
    const scores = levels.map((_, y) => levels.map((__, x) => (x + 1) * (y + 1)));
    const entries: string[][][] = levels.map(() => levels.map(() => []));
    const items = c
      .rows("register")
      .map((row) => {
        const risk = cellText(row.cells.risk) || "Unnamed risk";
        const l = point(row.cells.likelihood);
        const i = point(row.cells.impact);
        return { id: row.id, risk, l, i, score: l !== null && i !== null ? l * i : null };
      })
      .filter((x) => x.risk !== "Unnamed risk" || x.l !== null || x.i !== null);
    for (const x of items) {
      if (x.l !== null && x.i !== null) {
        counts[x.l - 1][x.i - 1]++;
        entries[x.l - 1][x.i - 1].push(x.risk);
      }
    }
    if (items.length === 0) c.needWords(slots.register.needs);
    const sorted = [...items].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    const rows: ResultRow[] = sorted.map((x) => ({
      key: x.id,
      label: x.risk,
      cells: {
        likelihood: x.l === null ? null : levels[x.l - 1].label,
        impact: x.i === null ? null : levels[x.i - 1].label,
        score: x.score,
        level: x.score === null ? null : band(x.score),
      },
      ...(x.score === null ? { needs: "needs its likelihood and impact" } : {}),
      ...(x.score !== null && band(x.score) === "High" ? { highlight: true } : {}),
    }));
    r.tables.push({
      key: "scores",
      title: "Risks by score",
      columns: [
        { key: "likelihood", label: "Likelihood", text: true },
        { key: "impact", label: "Impact", text: true },
        { key: "score", label: `Score (1–${n * n})`, decimals: 0 },
        { key: "level", label: "Level", text: true },
      ],
      rows,
    });
    r.values.risks = items.length;
    r.values.highRisks = items.filter((x) => x.score !== null && band(x.score) === "High").length;
    r.values.topScore = sorted[0]?.score ?? null;
    r.chart = {
      kind: "heatmap",
      title: "Risk heat map",
      xLabel: "Impact",
      yLabel: "Likelihood",
      xLabels: levels.map((l) => l.label),
      yLabels: levels.map((l) => l.label),
      counts,
      scores,
      entries,
    };
    r.formulas.push(
      { label: "Score", words: `likelihood × impact, each counted ${levels.map((l, i) => `${l.label} = ${i + 1}`).join(", ")}` },
      { label: "Level", words: `High from ${Math.ceil((n * n * 2) / 3)}, Medium above ${Math.floor((n * n) / 3)}, otherwise Low` },
    );
    return r;
  },
};
