import type { ChartGeometry } from "@/lib/charts/geometry";

/** Renders the shared chart primitives as an SVG element in the page. */
export function GeometrySvg({ geometry: g, title }: { geometry: ChartGeometry; title: string }) {
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className="h-auto w-full" role="img" aria-label={`${title}. ${g.description}`}>
      {g.lines.map((l, i) => (
        <line key={`l${i}`} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} stroke={l.stroke} strokeWidth={l.strokeWidth} strokeDasharray={l.dash} />
      ))}
      {g.rects.map((r, i) => (
        <rect key={`r${i}`} x={r.x} y={r.y} width={r.width} height={r.height} fill={r.fill} data-series={r.seriesKey} />
      ))}
      {g.paths.map((p, i) => (
        <path key={`p${i}`} d={p.d} stroke={p.stroke} strokeWidth={p.strokeWidth} fill={p.fill} fillOpacity={p.fillOpacity} />
      ))}
      {g.circles.map((c, i) => (
        <circle key={`c${i}`} cx={c.cx} cy={c.cy} r={c.r} fill={c.fill} stroke={c.stroke} />
      ))}
      {g.texts.map((t, i) => (
        <text key={`t${i}`} x={t.x} y={t.y} textAnchor={t.anchor} fontSize={t.fontSize} fill={t.fill} fontWeight={t.bold ? 600 : 400}>
          {t.text}
        </text>
      ))}
      {g.legend.map((l) => (
        <g key={l.key}>
          <rect x={l.swatch.x} y={l.swatch.y} width={l.swatch.width} height={l.swatch.height} fill={l.color} />
          <text x={l.text.x} y={l.text.y} fontSize={l.text.fontSize} fill="#1e293b">
            {l.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
