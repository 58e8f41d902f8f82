import { Text, View } from "@react-pdf/renderer";
import { DataTable, styles } from "@/lib/export/pdf/components";
import { formatWithUnit } from "@/lib/calc/format";
import type { CalculatedView } from "@/lib/calc/workbook";
import type { ResultTable } from "@/lib/calc/types";

/**
 * A calculated item in the PDF: its result tables, what it still needs, its
 * warnings, the assumptions it used (value, "default" / "local figure" /
 * "from …", and the source) and the formulas in words. Server only.
 */

function cellText(v: unknown, unit?: string, decimals = 0, text?: boolean) {
  if (v === null || v === undefined || v === "") return "—";
  if (text || typeof v === "string") return String(v);
  return formatWithUnit(v as number, unit === "$" ? "$" : undefined, decimals);
}

function ResultTablePdf({ table, width }: { table: ResultTable; width: number }) {
  const columns = [
    { key: "__label", label: table.title, flex: 2.6, align: "left" as const },
    ...table.columns.map((c) => ({ key: c.key, label: c.unit === "$" ? `${c.label} ($)` : c.label, flex: 1.2, align: c.text ? ("left" as const) : ("right" as const) })),
  ];
  const rows = table.rows.map((r) => ({
    id: r.key,
    cells: {
      __label: r.label,
      ...Object.fromEntries(
        table.columns.map((c, i) => [c.key, r.needs ? (i === 0 ? capitalize(r.needs) : "") : cellText(r.cells[c.key], c.unit, c.decimals, c.text)]),
      ),
    },
  }));
  return (
    <View style={{ marginBottom: 6 }}>
      <DataTable columns={columns} rows={rows} width={width} />
      {table.note ? <Text style={[styles.small, styles.muted]}>{table.note}</Text> : null}
    </View>
  );
}

const ORIGIN: Record<string, string> = { default: "default", local: "local figure", empty: "not set" };

export function CalculatedPdf({ view, width }: { view: CalculatedView; width: number }) {
  const assumptions = view.assumptions.filter((a) => typeof a.value === "number" || a.origin === "empty" || a.default);
  return (
    <View>
      {view.needs.length > 0 ? (
        <Text style={[styles.small, { marginBottom: 4 }]}>Not complete yet: this result needs {joinList(view.needs)}.</Text>
      ) : null}
      {view.tables.map((t) => (
        <ResultTablePdf key={t.key} table={t} width={width} />
      ))}
      {view.warnings.length > 0 ? (
        <View style={{ marginBottom: 6 }}>
          <Text style={[styles.small, { fontWeight: 700 }]}>Warnings</Text>
          {view.warnings.map((w) => (
            <Text key={w} style={styles.small}>
              • {w}
            </Text>
          ))}
        </View>
      ) : null}
      {assumptions.length > 0 ? (
        <View style={{ marginBottom: 6 }}>
          <DataTable
            width={width}
            columns={[
              { key: "label", label: "Assumption", flex: 3, align: "left" },
              { key: "value", label: "Value", flex: 1.2, align: "right" },
              { key: "origin", label: "Default or local figure", flex: 1.5, align: "left" },
              { key: "source", label: "Source", flex: 3, align: "left" },
            ]}
            rows={assumptions.map((a) => ({
              id: a.itemKey,
              cells: {
                label: a.label,
                value: typeof a.value === "number" ? formatWithUnit(a.value, a.unit === "$" ? "$" : a.unit, Number.isInteger(a.value) ? 0 : 2) : "—",
                origin: a.origin === "reference" ? `from ${a.fromWorksheet ?? a.fromKey}` : ORIGIN[a.origin],
                source: a.origin === "default" && a.default ? sourceText(a.default) : a.origin === "local" && a.default ? `Default ${a.default.value}: ${sourceText(a.default)}` : "",
              },
            }))}
          />
        </View>
      ) : null}
      {view.formulas.length > 0 ? (
        <View>
          <Text style={[styles.small, { fontWeight: 700 }]}>How this is worked out</Text>
          {view.formulas.map((f) => (
            <Text key={f.label} style={styles.small}>
              {f.label} = {f.words}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function sourceText(d: NonNullable<CalculatedView["assumptions"][number]["default"]>) {
  const s = d.source;
  return [s.title, s.publisher, s.url].filter(Boolean).join(", ") + (d.note ? `. ${d.note}` : "");
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function joinList(items: string[]) {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
