import { Link, Text, TextInput, View } from "@react-pdf/renderer";
import { fitLongWords, styles } from "@/lib/export/pdf/components";
import { colors, fontSizes } from "@/lib/export/pdf/theme";
import { isObject } from "../base";
import { ANSWER_WIDTH, field, Framed, Hint, Muted, type ItemPdfModule } from "../pdf-parts";
import type { ResourceLinksItem, ResourceLinksValue } from ".";

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

export const resourceLinksPdf: ItemPdfModule<ResourceLinksItem> = {
  Answer: ({ item, value, answered }) => {
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
  },
  keepTogether: (item) => item.links.length <= 2,
  // A multiline text field `<itemKey>`: one link per line, "title – URL".
  blankFields: (item) => [field(item, item.key, "multiline")],
  Blank: ({ item }) => (
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
  ),
};
