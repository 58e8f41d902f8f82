import { Text, View } from "@react-pdf/renderer";
import { ITEM_INDENT, type ItemContext } from "@/lib/items/pdf-parts";
import { pdfModule, worksheetAddenda } from "@/lib/items/pdf-registry";
import type { Item } from "@/lib/workbook/template-schema";
import { styles } from "./components";
import { colors, fontSizes } from "./theme";

/**
 * Items in the filled export. How each kind prints is its PDF part
 * (lib/items/<kind>/pdf.tsx); this file lays out the numbered block around it.
 */

export { ITEM_INDENT, type ItemContext } from "@/lib/items/pdf-parts";
export { formatCell, tableSpecs } from "@/lib/items/table/pdf";

/** The answer part of an item. `answered` tells whether the value says anything. */
export function AnswerView({ item, value, answered, ctx }: { item: Item; value: unknown; answered: boolean; ctx: ItemContext }) {
  const { Answer } = pdfModule(item);
  return <Answer item={item} value={value} answered={answered} ctx={ctx} />;
}

/** One item: number, label, help, then the answer. */
export function ItemBlock({ item, number, value, answered, ctx }: { item: Item; number: string; value: unknown; answered: boolean; ctx: ItemContext }) {
  const pdf = pdfModule(item);
  const head = (
    <View style={{ flexDirection: "row", marginBottom: 3 }}>
      <Text style={{ width: ITEM_INDENT, fontWeight: 700, color: colors.accent, fontSize: fontSizes.itemLabel }}>{number}</Text>
      <View style={{ flex: 1 }}>
        <Text style={{ fontWeight: 700, fontSize: fontSizes.itemLabel, color: colors.ink }}>{item.label}</Text>
        {item.help ? <Text style={[styles.small, styles.muted]}>{item.help}</Text> : null}
      </View>
    </View>
  );
  if (pdf.Block) return <pdf.Block item={item} value={value} answered={answered} ctx={ctx} head={head} />;
  if (pdf.keepTogether?.(item)) {
    return (
      <View wrap={false} style={{ marginBottom: 12 }}>
        {head}
        <View style={{ paddingLeft: ITEM_INDENT }}>
          <AnswerView item={item} value={value} answered={answered} ctx={ctx} />
        </View>
      </View>
    );
  }
  // Long answers flow across pages; the label keeps at least the start of its answer with it.
  const ahead = pdf.minPresenceAhead ?? 70;
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

/** What kinds draw after a worksheet's items (e.g. a radar of its ratings). */
export function WorksheetAddenda({ items, answers, ctx }: { items: Item[]; answers: Record<string, unknown>; ctx: ItemContext }) {
  return (
    <>
      {worksheetAddenda.map((Addendum, i) => (
        <Addendum key={i} items={items} answers={answers} ctx={ctx} />
      ))}
    </>
  );
}
