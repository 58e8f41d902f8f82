import { Text, View } from "@react-pdf/renderer";
import { pdfModule } from "@/lib/items/pdf-registry";
import type { BlankField } from "@/lib/items/types";
import type { Item } from "@/lib/workbook/template-schema";
import { outlineEntry, ReportDocument, ReportPage, styles } from "./components";
import { CoverPage, type DocContext } from "./document";
import { colors, fontSizes } from "./theme";

/**
 * The fillable (AcroForm) export of blank worksheets. One form field per
 * answerable item, named after the item key:
 *
 * a text field `<itemKey>` for short answers, check boxes
 * `<itemKey>:<optionValue>` for choices, a multiline field `<itemKey>` for
 * rows (one per line, cells separated by " | "). Each kind's PDF part
 * (`blankFields` in lib/items/<kind>/pdf.tsx) names its own fields;
 * instructions have none.
 *
 * Option values and item keys never contain ":" (see `keySchema`), so the
 * names cannot collide. The full list is available as `blankFieldNames`.
 */

export type { BlankField } from "@/lib/items/types";

/** The form fields of one item, by its kind's PDF part. */
export function blankFields(item: Item): BlankField[] {
  return pdfModule(item).blankFields(item);
}

/** Every field name of a blank export of these items, in order. */
export function blankFieldNames(items: Item[]): string[] {
  return items.flatMap((i) => blankFields(i).map((f) => f.name));
}

function FieldFor({ item }: { item: Item }) {
  const { Blank } = pdfModule(item);
  return <Blank item={item} />;
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
              const pdf = pdfModule(item);
              if (pdf.BlankBlock) return <pdf.BlankBlock key={item.key} item={item} />;
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
