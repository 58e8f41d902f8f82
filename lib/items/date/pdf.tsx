import { Text, TextInput, View } from "@react-pdf/renderer";
import { styles } from "@/lib/export/pdf/components";
import { colors, fontSizes, formatIsoDate } from "@/lib/export/pdf/theme";
import { field, Framed, Muted, NOT_ANSWERED, type ItemPdfModule } from "../pdf-parts";
import type { DateItem } from ".";

export const datePdf: ItemPdfModule<DateItem> = {
  Answer: ({ value, answered }) => (answered && typeof value === "string" ? <Text style={styles.bold}>{formatIsoDate(value)}</Text> : <Muted>{NOT_ANSWERED}</Muted>),
  keepTogether: () => true,
  blankFields: (item) => [field(item, item.key, "text")],
  Blank: ({ item }) => (
    <View style={{ flexDirection: "row", alignItems: "center" }}>
      <Framed width={110} height={18}>
        <TextInput name={item.key} maxLength={10} style={{ height: 13.5 }} />
      </Framed>
      <Text style={{ marginLeft: 6, color: colors.muted, fontSize: fontSizes.small }}>YYYY-MM-DD</Text>
    </View>
  ),
};
