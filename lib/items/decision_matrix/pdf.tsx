import { Text, TextInput, View } from "@react-pdf/renderer";
import { DataTable, styles, type TableColumnSpec, type TableRowSpec } from "@/lib/export/pdf/components";
import { colors, fontSizes } from "@/lib/export/pdf/theme";
import { ANSWER_WIDTH, field, Framed, Hint, type ItemPdfModule } from "../pdf-parts";
import { scoreOf, weightOf, type DecisionMatrixItem, type DecisionMatrixValue } from ".";

const OPTION = "__option";

function header(item: DecisionMatrixItem, value: unknown): TableColumnSpec[] {
  return [
    { key: OPTION, label: "Option", flex: 2.2 },
    ...item.criteria.map((c) => ({
      key: c.key,
      label: `${c.label} (weight ${weightOf(item, value as DecisionMatrixValue | null, c)})`,
      flex: 1,
      align: "center" as const,
    })),
  ];
}

/** One row per option, one column per criterion with its weight; a dash where no score is given yet. */
function MatrixAnswer({ item, value }: { item: DecisionMatrixItem; value: unknown }) {
  const rows: TableRowSpec[] = item.options.map((o) => ({
    id: o.value,
    cells: Object.fromEntries([[OPTION, o.label], ...item.criteria.map((c) => [c.key, String(scoreOf(value, o.value, c.key) ?? "–")])]),
  }));
  return (
    <View>
      <DataTable columns={header(item, value)} rows={rows} width={ANSWER_WIDTH} />
      <Text style={[styles.small, styles.muted, { marginTop: 2 }]}>{`Scores: ${item.scaleHint}. Weights: 0–10.`}</Text>
    </View>
  );
}

const CELL_HEIGHT = 16;

/** A field per score `<itemKey>:<option>:<criterion>` and, when the team sets them, per weight `<itemKey>:<criterion>`. */
function MatrixBlank({ item }: { item: DecisionMatrixItem }) {
  const cell = { flex: 1, padding: 2, alignItems: "center" as const, borderLeftWidth: 0.5, borderLeftColor: colors.rule };
  return (
    <View>
      <Hint>{`Score each option from 1 to 5 (${item.scaleHint}).${item.weightsEditable ? " Write each criterion's weight (0–10) in the first row." : ""}`}</Hint>
      <View style={{ borderWidth: 0.75, borderColor: colors.ruleStrong }}>
        <View style={{ flexDirection: "row", backgroundColor: colors.panelStrong }} wrap={false}>
          <Text style={[styles.th, { flex: 2.2 }]}>Option</Text>
          {item.criteria.map((c) => (
            <Text key={c.key} style={[styles.th, { flex: 1, textAlign: "center" }, styles.cellDivider]}>
              {item.weightsEditable ? c.label : `${c.label} (weight ${c.weight})`}
            </Text>
          ))}
        </View>
        {item.weightsEditable ? (
          <View style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: colors.rule }} wrap={false}>
            <Text style={{ flex: 2.2, padding: 3, fontSize: fontSizes.small, color: colors.muted }}>Weight (0–10)</Text>
            {item.criteria.map((c) => (
              <View key={c.key} style={cell}>
                <Framed width={34} height={CELL_HEIGHT}>
                  <TextInput name={`${item.key}:${c.key}`} maxLength={2} style={{ height: CELL_HEIGHT - 4.5 }} />
                </Framed>
              </View>
            ))}
          </View>
        ) : null}
        {item.options.map((o) => (
          <View key={o.value} style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: colors.rule }} wrap={false}>
            <Text style={{ flex: 2.2, padding: 3 }}>{o.label}</Text>
            {item.criteria.map((c) => (
              <View key={c.key} style={cell}>
                <Framed width={34} height={CELL_HEIGHT}>
                  <TextInput name={`${item.key}:${o.value}:${c.key}`} maxLength={1} style={{ height: CELL_HEIGHT - 4.5 }} />
                </Framed>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

export const decisionMatrixPdf: ItemPdfModule<DecisionMatrixItem> = {
  Answer: MatrixAnswer,
  keepTogether: (item) => item.options.length <= 8,
  blankFields: (item) => [
    ...(item.weightsEditable ? item.criteria.map((c) => field(item, `${item.key}:${c.key}`, "text")) : []),
    ...item.options.flatMap((o) => item.criteria.map((c) => field(item, `${item.key}:${o.value}:${c.key}`, "text"))),
  ],
  Blank: MatrixBlank,
};
