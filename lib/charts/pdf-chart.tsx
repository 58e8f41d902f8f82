import { Circle, G, Line, Path, Rect, Svg, Text } from "@react-pdf/renderer";
import type { ChartGeometry } from "./geometry";

/** Font attributes of SVG text: react-pdf reads them at run time, its types omit them. */
function svgFont(fontSize: number, fontFamily: string | undefined, bold?: boolean): object {
  return { fontSize, ...(fontFamily ? { fontFamily } : {}), ...(bold ? { fontWeight: 700 } : {}) };
}

/**
 * Draws chart primitives from ./geometry.ts as vector graphics in a react-pdf
 * document. `width` scales the drawing (the geometry's own units become a
 * viewBox); by default one unit is one PDF point.
 */
export function PdfChart({
  geometry,
  width,
  fontFamily,
}: {
  geometry: ChartGeometry;
  width?: number;
  /** A registered font family (or fallback stack) for labels. */
  fontFamily?: string | string[];
}) {
  const g = geometry;
  const w = width ?? g.width;
  const h = (w / g.width) * g.height;
  // A font stack is accepted at run time like a single family.
  const family = fontFamily as string | undefined;
  return (
    <Svg width={w} height={h} viewBox={`0 0 ${g.width} ${g.height}`}>
      <G>
        {g.lines.map((l, i) => (
          <Line
            key={`l${i}`}
            x1={l.x1}
            y1={l.y1}
            x2={l.x2}
            y2={l.y2}
            stroke={l.stroke}
            strokeWidth={l.strokeWidth}
            {...(l.dash ? { strokeDasharray: l.dash } : {})}
          />
        ))}
        {g.paths.map((p, i) => (
          <Path
            key={`p${i}`}
            d={p.d}
            stroke={p.stroke}
            strokeWidth={p.strokeWidth}
            fill={p.fill}
            {...(p.fillOpacity !== undefined ? { fillOpacity: p.fillOpacity } : {})}
            strokeLinejoin="round"
          />
        ))}
        {g.rects.map((r, i) => (
          <Rect key={`r${i}`} x={r.x} y={r.y} width={r.width} height={r.height} fill={r.fill} />
        ))}
        {g.circles.map((c, i) => (
          <Circle key={`c${i}`} cx={c.cx} cy={c.cy} r={c.r} fill={c.fill} {...(c.stroke ? { stroke: c.stroke } : {})} />
        ))}
        {g.legend.map((item) => (
          <Rect
            key={`s${item.key}`}
            x={item.swatch.x}
            y={item.swatch.y}
            width={item.swatch.width}
            height={item.swatch.height}
            fill={item.color}
          />
        ))}
        {g.legend.map((item) => (
          <Text
            key={`t${item.key}`}
            x={item.text.x}
            y={item.text.y}
            fill="#333333"
            {...svgFont(item.text.fontSize, family)}
          >
            {item.label}
          </Text>
        ))}
        {g.texts.map((t, i) => (
          <Text
            key={`x${i}`}
            x={t.x}
            y={t.y}
            fill={t.fill}
            {...svgFont(t.fontSize, family, t.bold)}
            textAnchor={t.anchor}
          >
            {t.text}
          </Text>
        ))}
      </G>
    </Svg>
  );
}
