import { Link, Text, View } from "@react-pdf/renderer";
import { chartGeometry, radarGeometry } from "@/lib/charts/geometry";
import { PdfChart } from "@/lib/charts/pdf-chart";
import type {
  ChecklistValue,
  DataSeriesValue,
  MultipleChoiceValue,
  ResourceLinksValue,
  SingleChoiceValue,
  TableValue,
} from "@/lib/workbook/answer-schemas";
import { ACTION_PLAN_COLUMNS, type Item, type ItemOf, type TableColumn } from "@/lib/workbook/template-schema";
import { DataTable, fitLongWords, OptionRow, Panel, Paragraphs, styles, type TableColumnSpec, type TableRowSpec } from "./components";
import { colors, contentWidth, fontSizes, formatIsoDate, formatNumber } from "./theme";

/** What item renderers need besides the item and its value. */
export type ItemContext = {
  fontFamily: string[];
  memberName: (id: string) => string;
};

const NOT_ANSWERED = "Not answered yet";
/** Answers sit this far right of the item number. */
export const ITEM_INDENT = 26;
const ANSWER_WIDTH = contentWidth - ITEM_INDENT;

// ---------------------------------------------------------------------------
// Cell formatting

export function formatCell(column: TableColumn, value: unknown, ctx: ItemContext): string {
  if (value === null || value === undefined || value === "") return "";
  switch (column.type) {
    case "number":
      return typeof value === "number" ? formatNumber(value) : String(value);
    case "date":
      return typeof value === "string" ? formatIsoDate(value, "short") : String(value);
    case "choice":
      return column.options?.find((o) => o.value === value)?.label ?? String(value);
    case "member":
      return typeof value === "string" ? ctx.memberName(value) : String(value);
    default:
      return String(value);
  }
}

function columnFlex(column: TableColumn): number {
  switch (column.type) {
    case "number":
      return 1.1;
    case "date":
      return 1.35;
    case "choice":
      return 1.5;
    case "member":
      return 1.7;
    default:
      return column.maxLength <= 60 ? 1.6 : column.maxLength <= 200 ? 2.4 : 3.4;
  }
}

/** Rows taller than a page must be allowed to split; anything near that size is. */
const SPLITTABLE_ROW_CHARS = 1400;

export function tableSpecs(columns: TableColumn[], value: TableValue, ctx: ItemContext): { columns: TableColumnSpec[]; rows: TableRowSpec[] } {
  const specs = columns.map((c) => ({ key: c.key, label: c.label, flex: columnFlex(c), align: c.type === "number" ? ("right" as const) : ("left" as const) }));
  const rows = value.rows.map((row) => {
    const cells: Record<string, string> = {};
    let longest = 0;
    for (const c of columns) {
      const text = formatCell(c, row.cells[c.key], ctx);
      cells[c.key] = text;
      longest = Math.max(longest, text.length);
    }
    return { id: row.id, cells, splittable: longest > SPLITTABLE_ROW_CHARS };
  });
  return { columns: specs, rows };
}

// ---------------------------------------------------------------------------
// Answers by kind

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function Muted({ children }: { children: string }) {
  return <Text style={[styles.muted, styles.italic]}>{children}</Text>;
}

function ChoiceAnswer({ item, value }: { item: ItemOf<"single_choice"> | ItemOf<"multiple_choice">; value: unknown }) {
  const single = item.kind === "single_choice";
  const v = isObject(value) ? value : {};
  const chosen = new Set<string>(
    single ? ((v as SingleChoiceValue).choice ? [(v as SingleChoiceValue).choice as string] : []) : Array.isArray((v as MultipleChoiceValue).choices) ? (v as MultipleChoiceValue).choices : [],
  );
  const other = typeof v.other === "string" ? v.other.trim() : "";
  return (
    <View>
      {item.options.map((o) => (
        <OptionRow key={o.value} label={o.label} checked={chosen.has(o.value)} round={single} />
      ))}
      {item.allowOther ? <OptionRow label="Other" checked={chosen.has("other")} round={single} detail={chosen.has("other") && other ? other : undefined} /> : null}
    </View>
  );
}

function ChecklistAnswer({ item, value }: { item: ItemOf<"checklist">; value: unknown }) {
  const v = (isObject(value) ? value : {}) as Partial<ChecklistValue>;
  const checked = new Set(Array.isArray(v.checked) ? v.checked : []);
  return (
    <View>
      {item.options.map((o) => (
        <OptionRow key={o.value} label={o.label} checked={checked.has(o.value)} />
      ))}
      {item.allowNoneApply ? <OptionRow label="None of these apply" checked={v.noneApply === true} /> : null}
    </View>
  );
}

function RatingAnswer({ item, value }: { item: ItemOf<"rating">; value: unknown }) {
  const chosen = typeof value === "number" ? value : null;
  const points = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
  return (
    <View wrap={false}>
      <View style={{ flexDirection: "row", borderWidth: 0.75, borderColor: colors.ruleStrong, borderRadius: 2 }}>
        {points.map((p, i) => {
          const on = p === chosen;
          return (
            <View
              key={p}
              style={[
                { flex: 1, paddingVertical: 4, paddingHorizontal: 3, alignItems: "center" },
                i > 0 ? { borderLeftWidth: 0.5, borderLeftColor: colors.rule } : {},
                on ? { backgroundColor: colors.navy } : {},
              ]}
            >
              <Text style={{ fontWeight: 700, fontSize: 10, color: on ? colors.white : colors.navy }}>{String(p)}</Text>
              <Text style={{ fontSize: 7, lineHeight: 1.2, textAlign: "center", color: on ? colors.white : colors.muted }}>{item.pointLabels[i] ?? ""}</Text>
            </View>
          );
        })}
      </View>
      <Text style={{ marginTop: 3 }}>
        {chosen === null ? (
          <Text style={[styles.muted, styles.italic]}>Not rated yet</Text>
        ) : (
          <>
            <Text style={styles.bold}>{`Rated ${chosen} of ${item.max}`}</Text>
            <Text>{` — ${item.pointLabels[chosen - item.min] ?? ""}`}</Text>
          </>
        )}
      </Text>
    </View>
  );
}

function TableAnswer({ columns, value, ctx }: { columns: TableColumn[]; value: unknown; ctx: ItemContext }) {
  const v = (isObject(value) && Array.isArray(value.rows) ? value : { rows: [] }) as TableValue;
  const spec = tableSpecs(columns, v, ctx);
  return <DataTable columns={spec.columns} rows={spec.rows} width={ANSWER_WIDTH} />;
}

function seriesValue(value: unknown): DataSeriesValue {
  return (isObject(value) && Array.isArray(value.rows) ? value : { rows: [] }) as DataSeriesValue;
}

/** The chart of a data series, or null when there is nothing to plot. */
function SeriesChart({ item, value, ctx }: { item: ItemOf<"data_series">; value: unknown; ctx: ItemContext }) {
  const v = seriesValue(value);
  const geometry = chartGeometry({
    kind: item.chart,
    rowLabels: v.rows.map((r) => r.label),
    series: item.columns.map((c) => ({
      key: c.key,
      label: c.label,
      values: v.rows.map((r) => {
        const n = r.values?.[c.key];
        return typeof n === "number" && Number.isFinite(n) ? n : null;
      }),
    })),
    width: ANSWER_WIDTH,
    height: 190,
    unit: item.unit,
    fontSize: 7.5,
  });
  if (geometry.empty) return null;
  return (
    <View style={{ marginBottom: 6 }}>
      <PdfChart geometry={geometry} fontFamily={ctx.fontFamily} />
    </View>
  );
}

function SeriesTable({ item, value }: { item: ItemOf<"data_series">; value: unknown }) {
  const v = seriesValue(value);
  const unit = item.unit ? ` (${item.unit})` : "";
  const columns: TableColumnSpec[] = [
    { key: "__label", label: item.rowLabel, flex: 1.6 },
    ...item.columns.map((c) => ({ key: c.key, label: `${c.label}${unit}`, flex: 1, align: "right" as const })),
  ];
  const rows: TableRowSpec[] = v.rows.map((r) => ({
    id: r.id,
    cells: Object.fromEntries([
      ["__label", r.label],
      ...item.columns.map((c) => {
        const n = r.values?.[c.key];
        return [c.key, typeof n === "number" ? formatNumber(n) : ""];
      }),
    ]),
  }));
  return <DataTable columns={columns} rows={rows} emptyText="No data entered yet" width={ANSWER_WIDTH} />;
}

function ResourceLinksAnswer({ item, value, answered }: { item: ItemOf<"resource_links">; value: unknown; answered: boolean }) {
  const v = (isObject(value) && Array.isArray(value.links) ? value : { links: [] }) as ResourceLinksValue;
  return (
    <View>
      {item.links.length > 0 ? (
        <View style={{ marginBottom: 4 }}>
          <Text style={[styles.small, styles.bold, { color: colors.muted, marginBottom: 2 }]}>Suggested by the workbook</Text>
          {item.links.map((l, i) => (
            <LinkEntry key={i} title={l.title} url={l.url} note={[l.publisher, l.description].filter(Boolean).join(". ")} />
          ))}
        </View>
      ) : null}
      {v.links.length > 0 ? (
        <View>
          <Text style={[styles.small, styles.bold, { color: colors.muted, marginBottom: 2 }]}>Added by the team</Text>
          {v.links.map((l) => (
            <LinkEntry key={l.id} title={l.title} url={l.url} />
          ))}
        </View>
      ) : answered ? null : (
        <Muted>No links added by the team yet</Muted>
      )}
    </View>
  );
}

function LinkEntry({ title, url, note }: { title: string; url: string; note?: string }) {
  return (
    <View style={{ marginBottom: 3, paddingLeft: 8 }} wrap={false}>
      <Text style={styles.bold}>{fitLongWords(title, ANSWER_WIDTH - 8)}</Text>
      <Link src={url} style={{ color: colors.navySoft, fontSize: fontSizes.small, textDecoration: "none" }}>
        {fitLongWords(url, ANSWER_WIDTH - 8, fontSizes.small)}
      </Link>
      {note ? <Text style={[styles.small, styles.muted]}>{fitLongWords(note, ANSWER_WIDTH - 8, fontSizes.small)}</Text> : null}
    </View>
  );
}

/** The answer part of an item. `answered` tells whether the value says anything. */
export function AnswerView({ item, value, answered, ctx }: { item: Item; value: unknown; answered: boolean; ctx: ItemContext }) {
  switch (item.kind) {
    case "instructions":
      return null;
    case "short_text":
    case "long_text":
      return answered && typeof value === "string" ? <Paragraphs text={value} width={ANSWER_WIDTH} /> : <Muted>{NOT_ANSWERED}</Muted>;
    case "number":
      return answered && typeof value === "number" ? (
        <Text style={styles.bold}>{`${formatNumber(value)}${item.unit ? ` ${item.unit}` : ""}`}</Text>
      ) : (
        <Muted>{NOT_ANSWERED}</Muted>
      );
    case "date":
      return answered && typeof value === "string" ? <Text style={styles.bold}>{formatIsoDate(value)}</Text> : <Muted>{NOT_ANSWERED}</Muted>;
    case "single_choice":
    case "multiple_choice":
      return <ChoiceAnswer item={item} value={value} />;
    case "checklist":
      return <ChecklistAnswer item={item} value={value} />;
    case "rating":
      return <RatingAnswer item={item} value={value} />;
    case "table":
      return <TableAnswer columns={item.columns} value={value} ctx={ctx} />;
    case "action_plan":
      return <TableAnswer columns={ACTION_PLAN_COLUMNS} value={value} ctx={ctx} />;
    case "data_series":
      return (
        <View>
          <SeriesChart item={item} value={value} ctx={ctx} />
          <SeriesTable item={item} value={value} />
        </View>
      );
    case "resource_links":
      return <ResourceLinksAnswer item={item} value={value} answered={answered} />;
  }
}

/** Items small enough to keep on one page with their label. */
function isCompact(item: Item): boolean {
  switch (item.kind) {
    case "short_text":
    case "number":
    case "date":
    case "rating":
      return true;
    case "single_choice":
    case "multiple_choice":
    case "checklist":
      return item.options.length <= 12;
    case "resource_links":
      return item.links.length <= 2;
    default:
      return false;
  }
}

/** One item: number, label, help, then the answer. */
export function ItemBlock({ item, number, value, answered, ctx }: { item: Item; number: string; value: unknown; answered: boolean; ctx: ItemContext }) {
  if (item.kind === "instructions") {
    return (
      <Panel title={item.label} style={{ marginBottom: 10 }}>
        <Paragraphs text={item.body} style={{ color: colors.ink }} width={contentWidth - 20} />
      </Panel>
    );
  }
  const head = (
    <View style={{ flexDirection: "row", marginBottom: 3 }}>
      <Text style={{ width: ITEM_INDENT, fontWeight: 700, color: colors.accent, fontSize: fontSizes.itemLabel }}>{number}</Text>
      <View style={{ flex: 1 }}>
        <Text style={{ fontWeight: 700, fontSize: fontSizes.itemLabel, color: colors.ink }}>{item.label}</Text>
        {item.help ? <Text style={[styles.small, styles.muted]}>{item.help}</Text> : null}
      </View>
    </View>
  );
  if (isCompact(item)) {
    return (
      <View wrap={false} style={{ marginBottom: 12 }}>
        {head}
        <View style={{ paddingLeft: ITEM_INDENT }}>
          <AnswerView item={item} value={value} answered={answered} ctx={ctx} />
        </View>
      </View>
    );
  }
  if (item.kind === "data_series") {
    // The label travels with the chart; the numbers table may run on.
    return (
      <View style={{ marginBottom: 12 }}>
        <View wrap={false}>
          {head}
          <View style={{ paddingLeft: ITEM_INDENT }}>
            <SeriesChart item={item} value={value} ctx={ctx} />
          </View>
        </View>
        <View style={{ paddingLeft: ITEM_INDENT }}>
          <SeriesTable item={item} value={value} />
        </View>
      </View>
    );
  }
  // Long answers flow across pages; the label keeps at least the start of its answer with it.
  const ahead = item.kind === "long_text" ? 40 : 70;
  return (
    <View style={{ marginBottom: 12 }}>
      <View minPresenceAhead={ahead} wrap={false}>
        {head}
      </View>
      <View style={{ paddingLeft: ITEM_INDENT }}>
        <AnswerView item={item} value={value} answered={answered} ctx={ctx} />
      </View>
    </View>
  );
}

/**
 * A radar of a worksheet's ratings when it has at least three on the same
 * scale and one is rated (e.g. a self-assessment). Null when it does not apply.
 */
export function RatingsRadar({ items, answers, ctx }: { items: Item[]; answers: Record<string, unknown>; ctx: ItemContext }) {
  const ratings = items.filter((i): i is ItemOf<"rating"> => i.kind === "rating");
  if (ratings.length < 3) return null;
  const max = ratings[0].max;
  if (!ratings.every((r) => r.max === max && r.min === ratings[0].min)) return null;
  const axes = ratings.map((r) => {
    const v = answers[r.key];
    return { label: r.label, value: typeof v === "number" ? v : null };
  });
  if (axes.every((a) => a.value === null)) return null;
  const geometry = radarGeometry(axes, max, 290, { fontSize: 7, width: contentWidth });
  return (
    <View wrap={false} style={{ marginTop: 4, marginBottom: 10 }}>
      <Text style={[styles.h3, { marginBottom: 2 }]}>Ratings at a glance</Text>
      <Text style={[styles.small, styles.muted, { marginBottom: 4 }]}>{`Each spoke is one rating on the ${ratings[0].min}–${max} scale; further out is stronger.`}</Text>
      <View style={{ alignItems: "center" }}>
        <PdfChart geometry={geometry} fontFamily={ctx.fontFamily} />
      </View>
    </View>
  );
}
