import { describe, expect, it } from "vitest";
import { CHART_PALETTE, chartGeometry, estimateTextWidth, radarGeometry, seriesColor, truncateText, wrapText } from "./geometry";

const base = { width: 400, height: 200 };

describe("chartGeometry: bars", () => {
  it("draws bar heights proportional to the values, from the zero line", () => {
    const g = chartGeometry({
      ...base,
      kind: "bar",
      rowLabels: ["Jan", "Feb", "Mar"],
      series: [{ key: "calls", label: "Calls", values: [10, 20, 40] }],
    });
    expect(g.empty).toBe(false);
    expect(g.rects).toHaveLength(3);
    const [a, b, c] = g.rects;
    expect(b.height / a.height).toBeCloseTo(2, 1);
    expect(c.height / a.height).toBeCloseTo(4, 1);
    // All bars stand on the same baseline.
    const bottoms = g.rects.map((r) => Math.round(r.y + r.height));
    expect(new Set(bottoms).size).toBe(1);
    // Bars are left to right in row order and inside the plot.
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    for (const r of g.rects) {
      expect(r.x).toBeGreaterThanOrEqual(g.plot.x);
      expect(r.x + r.width).toBeLessThanOrEqual(g.plot.x + g.plot.width + 0.01);
      expect(r.y).toBeGreaterThanOrEqual(g.plot.y - 0.01);
    }
  });

  it("skips nulls and groups several series per row with distinct palette colours", () => {
    const g = chartGeometry({
      ...base,
      kind: "bar",
      rowLabels: ["Q1", "Q2"],
      series: [
        { key: "a", label: "Mental health", values: [5, null] },
        { key: "b", label: "Substance use", values: [null, 7] },
      ],
    });
    expect(g.rects.map((r) => [r.seriesKey, r.rowIndex, r.value])).toEqual([
      ["a", 0, 5],
      ["b", 1, 7],
    ]);
    expect(g.rects[0].fill).toBe(CHART_PALETTE[0]);
    expect(g.rects[1].fill).toBe(CHART_PALETTE[1]);
    expect(g.legend.map((l) => [l.label, l.color])).toEqual([
      ["Mental health", CHART_PALETTE[0]],
      ["Substance use", CHART_PALETTE[1]],
    ]);
  });

  it("has ticks that start at zero and cover the largest value", () => {
    for (const max of [1, 7, 13, 99, 101, 2345, 0.4]) {
      const g = chartGeometry({ ...base, kind: "bar", rowLabels: ["x"], series: [{ key: "s", label: "S", values: [max] }] });
      expect(g.ticks[0]).toBe(0);
      expect(g.ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(g.ticks.length).toBeGreaterThanOrEqual(2);
      // Every tick has a label.
      expect(g.texts.filter((t) => t.role === "tick")).toHaveLength(g.ticks.length);
    }
  });

  it("handles negative values with bars hanging from the zero line", () => {
    const g = chartGeometry({ ...base, kind: "bar", rowLabels: ["a", "b"], series: [{ key: "s", label: "Change", values: [-5, 10] }] });
    expect(g.ticks[0]).toBeLessThanOrEqual(-5);
    const [neg, pos] = g.rects;
    expect(Math.round(neg.y)).toBe(Math.round(pos.y + pos.height));
    expect(pos.height / neg.height).toBeCloseTo(2, 1);
  });

  it("handles empty data: no rows, no series, or only blanks", () => {
    for (const input of [
      { rowLabels: [], series: [{ key: "s", label: "S", values: [] }] },
      { rowLabels: ["a"], series: [] },
      { rowLabels: ["a", "b"], series: [{ key: "s", label: "S", values: [null, null] }] },
    ]) {
      const g = chartGeometry({ ...base, kind: "bar", ...input });
      expect(g.empty).toBe(true);
      expect(g.rects).toHaveLength(0);
      expect(g.texts.some((t) => t.role === "empty" && t.text === "No data entered yet")).toBe(true);
      expect(Number.isFinite(g.plot.height)).toBe(true);
    }
  });

  it("thins out category labels that would overlap", () => {
    const rowLabels = Array.from({ length: 60 }, (_, i) => `Month ${i + 1}`);
    const g = chartGeometry({ ...base, kind: "bar", rowLabels, series: [{ key: "s", label: "S", values: rowLabels.map((_, i) => i) }] });
    const cats = g.texts.filter((t) => t.role === "category");
    expect(cats.length).toBeLessThan(60);
    expect(cats.length).toBeGreaterThan(3);
    for (let i = 1; i < cats.length; i++) {
      const gap = cats[i].x - cats[i - 1].x;
      expect(gap).toBeGreaterThanOrEqual(estimateTextWidth(cats[i].text, cats[i].fontSize) - 0.5);
    }
  });
});

describe("chartGeometry: lines", () => {
  it("draws one path per series with a gap at nulls and a point per value", () => {
    const g = chartGeometry({
      ...base,
      kind: "line",
      rowLabels: ["a", "b", "c", "d"],
      series: [{ key: "s", label: "S", values: [1, 2, null, 4] }],
    });
    expect(g.paths).toHaveLength(1);
    // Two segments: M…L… then M… again after the gap.
    expect(g.paths[0].d.match(/M/g)).toHaveLength(2);
    expect(g.circles).toHaveLength(3);
    expect(g.rects).toHaveLength(0);
    // Higher values are drawn higher up.
    expect(g.circles[2].cy).toBeLessThan(g.circles[0].cy);
  });
});

describe("radarGeometry", () => {
  const axes = [
    { label: "Leadership", value: 4 },
    { label: "Crisis lines", value: 2 },
    { label: "Mobile teams", value: null },
    { label: "Receiving facilities", value: 5 },
    { label: "Data and quality improvement", value: 3 },
  ];

  it("draws a ring per scale point, a spoke per axis and the ratings polygon", () => {
    const g = radarGeometry(axes, 5, 300);
    expect(g.paths.filter((p) => p.role === "grid")).toHaveLength(5);
    expect(g.lines.filter((l) => l.role === "spoke")).toHaveLength(5);
    const area = g.paths.find((p) => p.role === "area")!;
    expect(area.d.match(/[ML]/g)).toHaveLength(5);
    expect(g.circles).toHaveLength(4);
    // Distance from the centre is proportional to the rating.
    const dist = (c: { cx: number; cy: number }) => Math.hypot(c.cx - 150, c.cy - 150);
    expect(dist(g.circles[0]) / dist(g.circles[1])).toBeCloseTo(2, 1);
    expect(g.texts.some((t) => t.text === "not rated")).toBe(true);
    expect(g.texts.some((t) => t.text === "5 of 5")).toBe(true);
    // Everything stays inside the square.
    for (const t of g.texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(300);
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThanOrEqual(300);
    }
  });

  it("is empty with fewer than three axes or no ratings", () => {
    expect(radarGeometry(axes.slice(0, 2), 5, 200).empty).toBe(true);
    expect(radarGeometry(axes.map((a) => ({ ...a, value: null })), 5, 200).empty).toBe(true);
  });
});

describe("text helpers", () => {
  it("truncates and wraps", () => {
    expect(truncateText("Short", 7, 100)).toBe("Short");
    const t = truncateText("A very long category label indeed", 7, 40);
    expect(t.endsWith("…")).toBe(true);
    expect(estimateTextWidth(t, 7)).toBeLessThanOrEqual(40);
    expect(wrapText("one two three four five six", 7, 40, 2)).toHaveLength(2);
    expect(seriesColor(CHART_PALETTE.length)).toBe(CHART_PALETTE[0]);
  });
});
