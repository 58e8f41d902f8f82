import { Text, TextInput, View } from "@react-pdf/renderer";
import { styles } from "@/lib/export/pdf/components";
import { colors, formatNumber } from "@/lib/export/pdf/theme";
import { field, Framed, Muted, NOT_ANSWERED, type ItemPdfModule } from "../pdf-parts";
import type { NumberItem } from ".";

export const numberPdf: ItemPdfModule<NumberItem> = {
  Answer: ({ item, value, answered }) =>
    answered && typeof value === "number" ? <Text style={styles.bold}>{`${formatNumber(value)}${item.unit ? ` ${item.unit}` : ""}`}</Text> : <Muted>{NOT_ANSWERED}</Muted>,
  keepTogether: () => true,
  blankFields: (item) => [field(item, item.key, "text")],
  Blank: ({ item }) => (
    <View style={{ flexDirection: "row", alignItems: "center" }}>
      <Framed width={140} height={18}>
        <TextInput name={item.key} style={{ height: 13.5 }} />
      </Framed>
      {item.unit ? <Text style={{ marginLeft: 6, color: colors.muted }}>{item.unit}</Text> : null}
    </View>
  ),
};
