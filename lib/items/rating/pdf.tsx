import { Select, Text, View } from "@react-pdf/renderer";
import { radarGeometry } from "@/lib/charts/geometry";
import { PdfChart } from "@/lib/charts/pdf-chart";
import { styles } from "@/lib/export/pdf/components";
import { colors, contentWidth } from "@/lib/export/pdf/theme";
import { field, Framed, type ItemContext, type ItemPdfModule } from "../pdf-parts";
import type { Item } from "../registry";
import type { RatingItem } from ".";

function RatingAnswer({ item, value }: { item: RatingItem; value: unknown }) {
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

/** A drop-down `<itemKey>` with one entry per point ("3 – Developing"). */
function RatingField({ item }: { item: RatingItem }) {
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

/**
 * A radar of a worksheet's ratings when it has at least three on the same
 * scale and one is rated (e.g. a self-assessment). Null when it does not apply.
 */
export function RatingsRadar({ items, answers, ctx }: { items: Item[]; answers: Record<string, unknown>; ctx: ItemContext }) {
  const ratings = items.filter((i): i is RatingItem => i.kind === "rating");
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

export const ratingPdf: ItemPdfModule<RatingItem> = {
  Answer: RatingAnswer,
  keepTogether: () => true,
  blankFields: (item) => [field(item, item.key, "dropdown")],
  Blank: RatingField,
  WorksheetAddendum: RatingsRadar,
};
