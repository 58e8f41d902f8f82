import type { ReactNode } from "react";
import { Checkbox, Select, Text, TextInput, View } from "@react-pdf/renderer";
import { ACTION_PLAN_COLUMNS, type Item, type ItemOf } from "@/lib/workbook/template-schema";
import { outlineEntry, Panel, Paragraphs, ReportDocument, ReportPage, styles } from "./components";
import { CoverPage, type DocContext } from "./document";
import { colors, fontSizes } from "./theme";

/**
 * The fillable (AcroForm) export of blank worksheets. One form field per
 * answerable item, named after the item key:
 *
 * | item kind                         | field(s)                                                     |
 * |-----------------------------------|--------------------------------------------------------------|
 * | short_text, number, date          | text field `<itemKey>`                                       |
 * | long_text                         | multiline text field `<itemKey>`                             |
 * | single_choice, multiple_choice    | a check box per option `<itemKey>:<optionValue>`; with "Other": check box `<itemKey>:other` and text field `<itemKey>:other-text` |
 * | checklist                         | a check box per option `<itemKey>:<optionValue>`; "None of these apply": check box `<itemKey>:none-apply` |
 * | rating                            | drop-down `<itemKey>` with one entry per point ("3 – Developing") |
 * | table, action_plan, data_series   | multiline text field `<itemKey>`: one row per line, cells separated by " | " (the column names are printed above it) |
 * | resource_links                    | multiline text field `<itemKey>`: one link per line, "title – URL" |
 * | instructions                      | no field (printed)                                           |
 *
 * Option values and item keys never contain ":" (see `keySchema`), so the
 * names cannot collide. The full list is available as `blankFieldNames`.
 */

export type BlankField = { name: string; type: "text" | "multiline" | "checkbox" | "dropdown"; itemKey: string };

export function blankFields(item: Item): BlankField[] {
  const f = (name: string, type: BlankField["type"]): BlankField => ({ name, type, itemKey: item.key });
  switch (item.kind) {
    case "instructions":
      return [];
    case "short_text":
    case "number":
    case "date":
      return [f(item.key, "text")];
    case "long_text":
    case "table":
    case "action_plan":
    case "data_series":
    case "resource_links":
      return [f(item.key, "multiline")];
    case "single_choice":
    case "multiple_choice":
      return [
        ...item.options.map((o) => f(`${item.key}:${o.value}`, "checkbox")),
        ...(item.allowOther ? [f(`${item.key}:other`, "checkbox"), f(`${item.key}:other-text`, "text")] : []),
      ];
    case "checklist":
      return [...item.options.map((o) => f(`${item.key}:${o.value}`, "checkbox")), ...(item.allowNoneApply ? [f(`${item.key}:none-apply`, "checkbox")] : [])];
    case "rating":
      return [f(item.key, "dropdown")];
  }
}

/** Every field name of a blank export of these items, in order. */
export function blankFieldNames(items: Item[]): string[] {
  return items.flatMap((i) => blankFields(i).map((f) => f.name));
}

const FIELD_BG = "#FAFBFD";
const frame = { borderWidth: 0.75, borderColor: colors.ruleStrong, backgroundColor: FIELD_BG } as const;

/**
 * A form field drawn inside its own frame: viewers draw field borders
 * unevenly (or not at all when printing), so the frame is part of the page.
 */
function Framed({ width, height, round, children }: { width?: number | string; height: number; round?: boolean; children: ReactNode }) {
  return (
    <View style={[frame, { height, padding: 1.5, ...(width !== undefined ? { width } : { alignSelf: "stretch", flexGrow: 1 }) }, round ? { borderRadius: height / 2 } : {}]}>
      {children}
    </View>
  );
}

function Hint({ children }: { children: string }) {
  return <Text style={[styles.small, styles.muted, { marginBottom: 2 }]}>{children}</Text>;
}

function BoxOption({ name, label, round }: { name: string; label: string; round?: boolean }) {
  return (
    <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }} wrap={false}>
      <View style={{ marginRight: 6 }}>
        <Framed width={11} height={11} round={round}>
          <Checkbox name={name} style={{ width: 6.5, height: 6.5 }} />
        </Framed>
      </View>
      <Text style={{ flex: 1 }}>{label}</Text>
    </View>
  );
}

function columnHint(labels: string[]) {
  return `One row per line; separate the columns with “ | ”: ${labels.join(" | ")}`;
}

function FieldFor({ item }: { item: Item }) {
  switch (item.kind) {
    case "instructions":
      return null;
    case "short_text":
      return (
        <Framed height={18}>
          <TextInput name={item.key} maxLength={item.maxLength} style={{ height: 13.5 }} />
        </Framed>
      );
    case "long_text":
      return (
        <Framed height={96}>
          <TextInput name={item.key} multiline maxLength={item.maxLength} style={{ height: 91.5 }} />
        </Framed>
      );
    case "number":
      return (
        <View style={{ flexDirection: "row", alignItems: "center" }}>
          <Framed width={140} height={18}>
            <TextInput name={item.key} style={{ height: 13.5 }} />
          </Framed>
          {item.unit ? <Text style={{ marginLeft: 6, color: colors.muted }}>{item.unit}</Text> : null}
        </View>
      );
    case "date":
      return (
        <View style={{ flexDirection: "row", alignItems: "center" }}>
          <Framed width={110} height={18}>
            <TextInput name={item.key} maxLength={10} style={{ height: 13.5 }} />
          </Framed>
          <Text style={{ marginLeft: 6, color: colors.muted, fontSize: fontSizes.small }}>YYYY-MM-DD</Text>
        </View>
      );
    case "single_choice":
    case "multiple_choice":
      return (
        <View>
          <Hint>{item.kind === "single_choice" ? "Tick one." : "Tick all that apply."}</Hint>
          {item.options.map((o) => (
            <BoxOption key={o.value} name={`${item.key}:${o.value}`} label={o.label} round={item.kind === "single_choice"} />
          ))}
          {item.allowOther ? (
            <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }} wrap={false}>
              <View style={{ marginRight: 6 }}>
                <Framed width={11} height={11} round={item.kind === "single_choice"}>
                  <Checkbox name={`${item.key}:other`} style={{ width: 6.5, height: 6.5 }} />
                </Framed>
              </View>
              <Text style={{ marginRight: 6 }}>Other:</Text>
              <Framed height={16}>
                <TextInput name={`${item.key}:other-text`} style={{ height: 11.5 }} />
              </Framed>
            </View>
          ) : null}
        </View>
      );
    case "checklist":
      return (
        <View>
          {item.options.map((o) => (
            <BoxOption key={o.value} name={`${item.key}:${o.value}`} label={o.label} />
          ))}
          {item.allowNoneApply ? <BoxOption name={`${item.key}:none-apply`} label="None of these apply" /> : null}
        </View>
      );
    case "rating":
      return <RatingField item={item} />;
    case "table":
      return <GridField name={item.key} labels={item.columns.map((c) => c.label)} />;
    case "action_plan":
      return <GridField name={item.key} labels={ACTION_PLAN_COLUMNS.map((c) => c.label)} />;
    case "data_series":
      return <GridField name={item.key} labels={[item.rowLabel, ...item.columns.map((c) => c.label)]} />;
    case "resource_links":
      return (
        <View>
          {item.links.length > 0 ? (
            <View style={{ marginBottom: 4 }}>
              <Hint>Suggested by the workbook:</Hint>
              {item.links.map((l, i) => (
                <Text key={i} style={{ fontSize: fontSizes.small }}>{`• ${l.title} – ${l.url}`}</Text>
              ))}
            </View>
          ) : null}
          <Hint>Your links, one per line: title – URL</Hint>
          <Framed height={70}>
            <TextInput name={item.key} multiline style={{ height: 65.5 }} />
          </Framed>
        </View>
      );
  }
}

function RatingField({ item }: { item: ItemOf<"rating"> }) {
  const entries = item.pointLabels.map((label, i) => `${item.min + i} – ${label}`);
  return (
    <View>
      <View style={{ flexDirection: "row", borderWidth: 0.75, borderColor: colors.ruleStrong, marginBottom: 4 }}>
        {item.pointLabels.map((label, i) => (
          <View key={i} style={[{ flex: 1, padding: 3, alignItems: "center" }, i ? { borderLeftWidth: 0.5, borderLeftColor: colors.rule } : {}]}>
            <Text style={{ fontWeight: 700, color: colors.navy }}>{String(item.min + i)}</Text>
            <Text style={{ fontSize: 7, textAlign: "center", color: colors.muted, lineHeight: 1.2 }}>{label}</Text>
          </View>
        ))}
      </View>
      <View style={{ flexDirection: "row", alignItems: "center" }}>
        <Text style={{ marginRight: 6, color: colors.muted }}>Rating:</Text>
        <Framed width={220} height={18}>
          <Select name={item.key} select={["", ...entries]} edit={false} noSpell style={{ height: 13.5 }} />
        </Framed>
      </View>
    </View>
  );
}

function GridField({ name, labels }: { name: string; labels: string[] }) {
  return (
    <View>
      <View style={{ flexDirection: "row", backgroundColor: colors.panelStrong, borderWidth: 0.75, borderColor: colors.ruleStrong, borderBottomWidth: 0 }}>
        {labels.map((l, i) => (
          <Text key={i} style={[styles.th, { flex: 1 }, i ? styles.cellDivider : {}]}>
            {l}
          </Text>
        ))}
      </View>
      <Framed height={110}>
        <TextInput name={name} multiline style={{ height: 105.5 }} />
      </Framed>
      <Hint>{columnHint(labels)}</Hint>
    </View>
  );
}


/**
 * Before the first form field, pdfkit takes the current font as the form's
 * default font. Noto Sans is embedded as a subset, so text typed into the
 * fields later could lack glyphs; drawing one invisible character in
 * Helvetica first makes that default a standard font every viewer has.
 */
function FormFontPrimer() {
  return (
    <View style={{ position: "absolute", top: 0, left: 0 }}>
      <Text style={{ fontFamily: "Helvetica", fontSize: 1, color: "#FFFFFF" }}>.</Text>
    </View>
  );
}

export function BlankDocument({ ctx }: { ctx: DocContext }) {
  const { model } = ctx;
  const count = ctx.worksheets.length;
  return (
    <ReportDocument title={`${model.workspace.name} — ${model.template.title} (blank worksheets)`} subject={model.template.title} author={model.workspace.name}>
      <CoverPage ctx={ctx} subtitle={`Blank worksheets to fill in: ${count} worksheet${count === 1 ? "" : "s"}. The fields can be filled in on screen or printed.`} />
      {ctx.worksheets.map((w, i) => {
        let n = 0;
        return (
          <ReportPage key={w.key} chrome={ctx.chrome(`${w.sectionIndex + 1}. ${w.section.title}`)} fontFamily={ctx.fontFamily}>
            <FormFontPrimer />
            <View wrap={false} {...outlineEntry(`${w.sectionIndex + 1}.${w.indexInSection + 1} ${w.title}`, 1000 + i)}>
              <Text style={styles.eyebrow}>{`${w.section.title} · Worksheet ${w.sectionIndex + 1}.${w.indexInSection + 1}`}</Text>
              <Text style={[styles.h2, { marginTop: 1 }]}>{w.title}</Text>
              <Text style={[styles.small, styles.muted, { marginTop: 3 }]}>{`Draws on: ${w.frameworks.map((f) => f.name).join("; ")}`}</Text>
              <Text style={{ marginTop: 5, color: colors.muted, fontStyle: "italic" }}>{w.intro}</Text>
              <View style={{ borderBottomWidth: 0.8, borderBottomColor: colors.rule, marginTop: 8, marginBottom: 10 }} />
            </View>
            {w.items.map((item) => {
              if (item.kind === "instructions") {
                return (
                  <Panel key={item.key} title={item.label} style={{ marginBottom: 10 }}>
                    <Paragraphs text={item.body} />
                  </Panel>
                );
              }
              n++;
              const manyOptions = "options" in item && item.options.length > 8;
              return (
                <View key={item.key} wrap={manyOptions} style={{ marginBottom: 12 }}>
                  <View minPresenceAhead={40} wrap={false} style={{ flexDirection: "row", marginBottom: 3 }}>
                    <Text style={{ width: 22, fontWeight: 700, color: colors.accent, fontSize: fontSizes.itemLabel }}>{`${n}.`}</Text>
                    <View style={{ flex: 1 }}>
                      <Text style={{ fontWeight: 700, fontSize: fontSizes.itemLabel }}>{item.label}</Text>
                      {item.help ? <Text style={[styles.small, styles.muted]}>{item.help}</Text> : null}
                    </View>
                  </View>
                  <View style={{ paddingLeft: 22 }}>
                    <FieldFor item={item} />
                  </View>
                </View>
              );
            })}
          </ReportPage>
        );
      })}
    </ReportDocument>
  );
}
