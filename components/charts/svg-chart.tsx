import type { ChartGeometry } from "@/lib/charts/geometry";
import { CHART_INK } from "@/lib/charts/geometry";
import { cn } from "@/lib/utils";

/**
 * Draws chart primitives from lib/charts/geometry.ts as an inline `<svg>`
 * that scales to its container's width. The same geometry feeds the PDF.
 *
 * The drawing itself is hidden from screen readers unless `label` is given;
 * callers pair it with a text alternative (a summary or a visually-hidden
 * table), because a picture of numbers is no use without one.
 */
export function SvgChart({ geometry, label, className }: { geometry: ChartGeometry; label?: string; className?: string }) {
  const g = geometry;
  const a11y = label ? { role: "img" as const, "aria-label": label } : { "aria-hidden": true as const, focusable: "false" as const };
  return (
    <svg
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      className={cn("block h-auto max-w-full", className)}
      style={{ fontFamily: "inherit" }}
      {...a11y}
    >
      {g.lines.map((l, i) => (
        <line
          key={`l${i}`}
          x1={l.x1}
          y1={l.y1}
          x2={l.x2}
          y2={l.y2}
          stroke={l.stroke}
          strokeWidth={l.strokeWidth}
          strokeDasharray={l.dash}
          shapeRendering={l.role === "grid" || l.role === "axis" ? "crispEdges" : undefined}
        />
      ))}
      {g.paths.map((p, i) => (
        <path
          key={`p${i}`}
          d={p.d}
          stroke={p.stroke}
          strokeWidth={p.strokeWidth}
          fill={p.fill}
          fillOpacity={p.fillOpacity}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      ))}
      {g.rects.map((r, i) => (
        <rect key={`r${i}`} x={r.x} y={r.y} width={r.width} height={r.height} fill={r.fill} data-series={r.seriesKey} />
      ))}
      {g.circles.map((c, i) => (
        <circle key={`c${i}`} cx={c.cx} cy={c.cy} r={c.r} fill={c.fill} stroke={c.stroke} />
      ))}
      {g.legend.map((item) => (
        <g key={`legend-${item.key}`}>
          <rect x={item.swatch.x} y={item.swatch.y} width={item.swatch.width} height={item.swatch.height} fill={item.color} rx={1} />
          <text x={item.text.x} y={item.text.y} fontSize={item.text.fontSize} fill={CHART_INK.text}>
            {item.label}
          </text>
        </g>
      ))}
      {g.texts.map((t, i) => (
        <text key={`t${i}`} x={t.x} y={t.y} fontSize={t.fontSize} fill={t.fill} textAnchor={t.anchor} fontWeight={t.bold ? 700 : undefined}>
          {t.text}
        </text>
      ))}
    </svg>
  );
}

/**
 * One chart drawn twice: a wide layout for larger screens and a narrow one for
 * phones, so labels stay readable without measuring the screen in the browser.
 */
export function ResponsiveSvgChart({ wide, narrow, label }: { wide: ChartGeometry; narrow: ChartGeometry; label?: string }) {
  return (
    <>
      <SvgChart geometry={wide} label={label} className="hidden sm:block" />
      <SvgChart geometry={narrow} label={label} className="sm:hidden" />
    </>
  );
}
