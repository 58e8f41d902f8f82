import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line as d3line, curveLinear } from "d3-shape";

/**
 * The project's one chart layer. Pure functions turn data into drawing
 * primitives (rectangles, paths, lines, circles, texts and a legend) in a
 * coordinate space of `width` × `height` units with the origin at the top
 * left. Renderers only draw what they are given: the web page maps the
 * primitives onto DOM `<svg>` elements, the PDF onto react-pdf's `<Svg>`
 * (see ./pdf-chart.tsx). Nothing here depends on React or the DOM.
 *
 * Text positions are baselines: `y` is where the bottom of a capital letter
 * sits, so a renderer needs no `dominant-baseline` support.
 */

// ---------------------------------------------------------------------------
// Primitive types (shared by every renderer)

export type ChartKind = "bar" | "line";

export type ChartRect = {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** Which series and row the bar shows; absent for decorations. */
  seriesKey?: string;
  rowIndex?: number;
  value?: number;
};

export type ChartPath = {
  d: string;
  stroke: string;
  strokeWidth: number;
  /** "none" for open lines. */
  fill: string;
  fillOpacity?: number;
  seriesKey?: string;
  role: "series" | "grid" | "area";
};

export type ChartLine = {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  strokeWidth: number;
  role: "grid" | "axis" | "tick" | "spoke";
  dash?: string;
};

export type ChartCircle = { cx: number; cy: number; r: number; fill: string; stroke?: string; seriesKey?: string };

export type ChartText = {
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
  fontSize: number;
  fill: string;
  bold?: boolean;
  role: "tick" | "category" | "axis" | "legend" | "label" | "empty";
};

export type LegendItem = {
  key: string;
  label: string;
  color: string;
  /** The colour swatch. */
  swatch: { x: number; y: number; width: number; height: number };
  /** Where the label text starts (baseline). */
  text: { x: number; y: number; fontSize: number };
};

export type ChartGeometry = {
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  plot: { x: number; y: number; width: number; height: number };
  rects: ChartRect[];
  paths: ChartPath[];
  lines: ChartLine[];
  circles: ChartCircle[];
  texts: ChartText[];
  legend: LegendItem[];
  /** True when there was nothing to plot (no rows, no series or only blanks). */
  empty: boolean;
  /** Value-axis ticks, lowest first (empty for radar charts). */
  ticks: number[];
  /** A one-sentence description for screen readers and alt text. */
  description: string;
};

export type ChartSeries = { key: string; label: string; values: (number | null)[] };

export type ChartInput = {
  rowLabels: string[];
  series: ChartSeries[];
  kind: ChartKind;
  width: number;
  height: number;
  /** Shown above the value axis, e.g. "calls". */
  unit?: string;
  /** Base font size of labels; defaults to 7 units. */
  fontSize?: number;
};

// ---------------------------------------------------------------------------
// Palette

/**
 * A fixed palette distinguishable with the common colour-vision deficiencies
 * (after Okabe & Ito), ordered so that neighbouring series contrast, each
 * colour dark enough for 3:1 contrast on white.
 */
export const CHART_PALETTE = [
  "#0072B2", // blue
  "#D55E00", // vermilion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#B07A00", // dark amber (Okabe–Ito orange, darkened for contrast)
  "#3C8DBC", // sky, darkened
  "#6A3D9A", // purple
  "#7F6000", // olive brown
  "#1B5E20", // dark green
  "#4D4D4D", // grey
] as const;

export const CHART_INK = {
  text: "#333333",
  muted: "#6B6B6B",
  axis: "#8A8A8A",
  grid: "#E2E2E2",
  background: "#FFFFFF",
} as const;

export function seriesColor(index: number): string {
  return CHART_PALETTE[((index % CHART_PALETTE.length) + CHART_PALETTE.length) % CHART_PALETTE.length];
}

// ---------------------------------------------------------------------------
// Text helpers

/** Rough width of a string in a sans-serif face: good enough for layout decisions. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2e80) units += 1; // CJK and other wide characters
    else if ("il.,:;|!'’ ".includes(ch)) units += 0.3;
    else if ("mwMW@".includes(ch)) units += 0.85;
    else if (ch >= "A" && ch <= "Z") units += 0.66;
    else units += 0.55;
  }
  return units * fontSize;
}

/** Shortens text with an ellipsis so that it fits `maxWidth`. */
export function truncateText(text: string, fontSize: number, maxWidth: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && estimateTextWidth(chars.join("") + "…", fontSize) > maxWidth) chars.pop();
  return chars.length <= 1 ? (chars[0] ?? "") : chars.join("").trimEnd() + "…";
}

/** Greedy word wrap into at most `maxLines` lines of `maxWidth`. */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || estimateTextWidth(candidate, fontSize) <= maxWidth) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncateText(lines.slice(maxLines - 1).join(" "), fontSize, maxWidth);
    return kept.map((l) => truncateText(l, fontSize, maxWidth));
  }
  return lines.map((l) => truncateText(l, fontSize, maxWidth));
}

const round = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------
// Bar and line charts

function isNumber(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function legendLayout(series: ChartSeries[], width: number, top: number, fontSize: number) {
  const items: LegendItem[] = [];
  const swatchSize = fontSize;
  const gap = fontSize * 1.4;
  const lineHeight = fontSize * 1.6;
  let x = 0;
  let y = top;
  const maxLabel = Math.max(40, width - swatchSize - 4);
  series.forEach((s, i) => {
    const label = truncateText(s.label, fontSize, Math.min(maxLabel, width * 0.6));
    const itemWidth = swatchSize + 4 + estimateTextWidth(label, fontSize);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += lineHeight;
    }
    items.push({
      key: s.key,
      label,
      color: seriesColor(i),
      swatch: { x: round(x), y: round(y), width: swatchSize, height: swatchSize },
      text: { x: round(x + swatchSize + 4), y: round(y + swatchSize * 0.85), fontSize },
    });
    x += itemWidth + gap;
  });
  const height = series.length ? y - top + lineHeight : 0;
  return { items, height };
}

/**
 * Bar (grouped) or line chart geometry. Null values are skipped: no bar, and
 * a gap in the line. The value axis always includes zero and ends on a "nice"
 * tick at or above the largest value.
 */
export function chartGeometry(input: ChartInput): ChartGeometry {
  const { rowLabels, series, kind } = input;
  const width = Math.max(40, input.width);
  const height = Math.max(40, input.height);
  const fontSize = input.fontSize ?? 7;

  const values = series.flatMap((s) => s.values.slice(0, rowLabels.length).filter(isNumber));
  const empty = rowLabels.length === 0 || series.length === 0 || values.length === 0;

  const legend = legendLayout(empty ? [] : series, width, 0, fontSize);
  // Legend on top, then an optional unit line, then the plot, then category labels.
  const unitHeight = input.unit && !empty ? fontSize * 1.6 : 0;
  const top = legend.height + unitHeight + fontSize * 0.6;
  const bottomLabels = fontSize * 2.2;

  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const y = scaleLinear()
    .domain(empty ? [0, 1] : [lo, hi === lo ? lo + 1 : hi])
    .range([height - bottomLabels, top])
    .nice(5);
  const ticks = y.ticks(5);
  const format = y.tickFormat(5);
  const tickLabels = ticks.map((t) => format(t));
  const left = Math.ceil(Math.max(...tickLabels.map((t) => estimateTextWidth(t, fontSize)), fontSize)) + 6;
  const plot = { x: left, y: top, width: Math.max(10, width - left - 2), height: height - bottomLabels - top };

  const rects: ChartRect[] = [];
  const paths: ChartPath[] = [];
  const lines: ChartLine[] = [];
  const circles: ChartCircle[] = [];
  const texts: ChartText[] = [];

  // Gridlines and value ticks.
  ticks.forEach((t, i) => {
    const yy = round(y(t));
    lines.push({ x1: plot.x, y1: yy, x2: plot.x + plot.width, y2: yy, stroke: t === 0 ? CHART_INK.axis : CHART_INK.grid, strokeWidth: t === 0 ? 0.8 : 0.5, role: t === 0 ? "axis" : "grid" });
    texts.push({ x: plot.x - 4, y: round(yy + fontSize * 0.35), text: tickLabels[i], anchor: "end", fontSize, fill: CHART_INK.muted, role: "tick" });
  });
  // Value axis.
  lines.push({ x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.y + plot.height, stroke: CHART_INK.axis, strokeWidth: 0.8, role: "axis" });
  if (input.unit && !empty) {
    texts.push({ x: plot.x - 4, y: round(legend.height + fontSize), text: input.unit, anchor: "start", fontSize, fill: CHART_INK.muted, role: "axis" });
  }

  if (empty) {
    texts.push({
      x: round(plot.x + plot.width / 2),
      y: round(plot.y + plot.height / 2),
      text: "No data entered yet",
      anchor: "middle",
      fontSize: fontSize * 1.2,
      fill: CHART_INK.muted,
      role: "empty",
    });
    return {
      width,
      height,
      plot,
      rects,
      paths,
      lines,
      circles,
      texts,
      legend: [],
      empty: true,
      ticks,
      description: `${kind === "bar" ? "Bar" : "Line"} chart with no data yet.`,
    };
  }

  const indices = rowLabels.map((_, i) => String(i));
  let step: number;
  let centerOf: (i: number) => number;
  if (kind === "bar") {
    const band = scaleBand<string>().domain(indices).range([plot.x, plot.x + plot.width]).paddingInner(0.25).paddingOuter(0.15);
    const inner = scaleBand<string>().domain(series.map((s) => s.key)).range([0, band.bandwidth()]).paddingInner(series.length > 1 ? 0.08 : 0);
    step = band.step();
    centerOf = (i) => band(String(i))! + band.bandwidth() / 2;
    const zero = y(0);
    series.forEach((s, si) => {
      s.values.slice(0, rowLabels.length).forEach((v, ri) => {
        if (!isNumber(v)) return;
        const x0 = band(String(ri))! + inner(s.key)!;
        const yv = y(v);
        rects.push({
          x: round(x0),
          y: round(Math.min(yv, zero)),
          width: round(Math.max(0.5, inner.bandwidth())),
          height: round(Math.abs(zero - yv)),
          fill: seriesColor(si),
          seriesKey: s.key,
          rowIndex: ri,
          value: v,
        });
      });
    });
  } else {
    const point = scalePoint<string>().domain(indices).range([plot.x, plot.x + plot.width]).padding(0.5);
    step = point.step() || plot.width;
    centerOf = (i) => point(String(i))!;
    series.forEach((s, si) => {
      const vals = s.values.slice(0, rowLabels.length);
      const gen = d3line<number | null>()
        .defined((v) => isNumber(v))
        .x((_, i) => centerOf(i))
        .y((v) => y(v as number))
        .curve(curveLinear);
      const d = gen(vals);
      if (d) paths.push({ d, stroke: seriesColor(si), strokeWidth: 1.5, fill: "none", seriesKey: s.key, role: "series" });
      vals.forEach((v, i) => {
        if (isNumber(v)) circles.push({ cx: round(centerOf(i)), cy: round(y(v)), r: 1.8, fill: seriesColor(si), seriesKey: s.key });
      });
    });
  }

  // Category labels, thinned out when they would overlap.
  const labelY = round(plot.y + plot.height + fontSize * 1.3);
  const widest = Math.max(...rowLabels.map((l) => estimateTextWidth(l, fontSize)));
  const every = Math.max(1, Math.ceil((Math.min(widest, 60) + 4) / Math.max(step, 1)));
  rowLabels.forEach((label, i) => {
    if (i % every !== 0) return;
    const cx = centerOf(i);
    texts.push({ x: round(cx), y: labelY, text: truncateText(label, fontSize, step * every - 2), anchor: "middle", fontSize, fill: CHART_INK.muted, role: "category" });
    lines.push({ x1: round(cx), y1: round(plot.y + plot.height), x2: round(cx), y2: round(plot.y + plot.height + 2), stroke: CHART_INK.axis, strokeWidth: 0.5, role: "tick" });
  });

  const names = series.map((s) => s.label).join(", ");
  return {
    width,
    height,
    plot,
    rects,
    paths,
    lines,
    circles,
    texts,
    legend: legend.items,
    empty: false,
    ticks,
    description: `${kind === "bar" ? "Bar" : "Line"} chart of ${names} over ${rowLabels.length} ${rowLabels.length === 1 ? "row" : "rows"}, values from ${format(Math.min(...values))} to ${format(Math.max(...values))}.`,
  };
}

// ---------------------------------------------------------------------------
// Radar chart for ratings

export type RadarAxis = { label: string; value: number | null };

/**
 * Radar ("spider") geometry for ratings on a 1…`max` scale, e.g. the PMHC
 * self-assessment. One ring per scale point, one spoke per axis, the team's
 * ratings as a filled polygon. An unrated axis is drawn at the centre and its
 * label says "not rated". Fewer than three axes cannot make a polygon: the
 * result is then `empty`.
 */
export function radarGeometry(
  axes: RadarAxis[],
  max: number,
  size: number,
  options: { fontSize?: number; color?: string; /** Wider than tall leaves more room for labels; defaults to `size`. */ width?: number } = {},
): ChartGeometry {
  const fontSize = options.fontSize ?? 7;
  const color = options.color ?? seriesColor(0);
  const height = size;
  const width = Math.max(size, options.width ?? size);
  const lineStep = fontSize * 1.2;
  // Room for up to three label lines and the value line above and below.
  const verticalRoom = lineStep * 4 + 4;
  const minSideRoom = Math.min(width * 0.28, fontSize * 14);
  const radius = Math.max(10, Math.min(height / 2 - verticalRoom, width / 2 - minSideRoom));
  const cx = width / 2;
  const cy = height / 2;
  const plot = { x: cx - radius, y: cy - radius, width: radius * 2, height: radius * 2 };
  const lines: ChartLine[] = [];
  const paths: ChartPath[] = [];
  const circles: ChartCircle[] = [];
  const texts: ChartText[] = [];
  const n = axes.length;
  const top = Math.max(1, Math.round(max));

  if (n < 3) {
    texts.push({ x: cx, y: cy, text: "Needs at least three ratings", anchor: "middle", fontSize, fill: CHART_INK.muted, role: "empty" });
    return { width, height, plot, rects: [], paths, lines, circles, texts, legend: [], empty: true, ticks: [], description: "Radar chart with too few ratings to draw." };
  }

  const r = scaleLinear().domain([0, top]).range([0, radius]);
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, value: number) => [cx + Math.cos(angle(i)) * r(value), cy + Math.sin(angle(i)) * r(value)] as const;
  const polygon = (pts: ReadonlyArray<readonly [number, number]>) => pts.map(([x, y], i) => `${i ? "L" : "M"}${round(x)},${round(y)}`).join("") + "Z";

  for (let level = 1; level <= top; level++) {
    paths.push({
      d: polygon(axes.map((_, i) => at(i, level))),
      stroke: level === top ? CHART_INK.axis : CHART_INK.grid,
      strokeWidth: level === top ? 0.8 : 0.5,
      fill: "none",
      role: "grid",
    });
    const [tx, ty] = at(0, level);
    texts.push({ x: round(tx + 3), y: round(ty + fontSize * 0.35), text: String(level), anchor: "start", fontSize: fontSize * 0.85, fill: CHART_INK.muted, role: "tick" });
  }
  axes.forEach((_, i) => {
    const [x2, y2] = at(i, top);
    lines.push({ x1: cx, y1: cy, x2: round(x2), y2: round(y2), stroke: CHART_INK.grid, strokeWidth: 0.5, role: "spoke" });
  });

  const rated = axes.filter((a) => isNumber(a.value));
  const clamp = (v: number) => Math.max(0, Math.min(top, v));
  if (rated.length > 0) {
    paths.push({
      d: polygon(axes.map((a, i) => at(i, isNumber(a.value) ? clamp(a.value) : 0))),
      stroke: color,
      strokeWidth: 1.5,
      fill: color,
      fillOpacity: 0.18,
      role: "area",
    });
    axes.forEach((a, i) => {
      if (!isNumber(a.value)) return;
      const [x, y] = at(i, clamp(a.value));
      circles.push({ cx: round(x), cy: round(y), r: 2, fill: color });
    });
  }

  axes.forEach((a, i) => {
    const theta = angle(i);
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    const gap = fontSize * 0.8;
    const lx = cx + cos * (radius + gap);
    const ly = cy + sin * (radius + gap);
    const anchor: ChartText["anchor"] = Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
    const room = anchor === "middle" ? Math.min(width * 0.5, 220) : anchor === "start" ? width - lx - 2 : lx - 2;
    const valueText = isNumber(a.value) ? `${a.value} of ${top}` : "not rated";
    const linesOfLabel = [...wrapText(a.label, fontSize, Math.max(30, room), 3), valueText];
    const block = linesOfLabel.length * lineStep;
    // Above the centre the block grows upwards, below it downwards.
    let y0 = sin < -0.2 ? ly - block + fontSize : sin > 0.2 ? ly + fontSize * 0.9 : ly - block / 2 + fontSize;
    y0 = Math.max(fontSize, Math.min(height - block + fontSize * 0.9, y0));
    linesOfLabel.forEach((text, li) => {
      const isValue = li === linesOfLabel.length - 1;
      texts.push({
        x: round(Math.max(1, Math.min(width - 1, lx))),
        y: round(y0 + li * lineStep),
        text,
        anchor,
        fontSize,
        fill: isValue ? (isNumber(a.value) ? color : CHART_INK.muted) : CHART_INK.text,
        bold: isValue && isNumber(a.value),
        role: "label",
      });
    });
  });

  return {
    width,
    height,
    plot,
    rects: [],
    paths,
    lines,
    circles,
    texts,
    legend: [],
    empty: rated.length === 0,
    ticks: [],
    description: `Radar chart of ${n} ratings on a scale of 1 to ${top}: ${axes.map((a) => `${a.label} ${isNumber(a.value) ? a.value : "not rated"}`).join("; ")}.`,
  };
}
