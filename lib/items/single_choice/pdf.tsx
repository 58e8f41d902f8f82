import { Checkbox, Text, TextInput, View } from "@react-pdf/renderer";
import { OptionRow } from "@/lib/export/pdf/components";
import { isObject } from "../base";
import { BoxOption, field, Framed, Hint, type ItemPdfModule } from "../pdf-parts";
import type { MultipleChoiceItem, MultipleChoiceValue } from "../multiple_choice";
import type { SingleChoiceItem, SingleChoiceValue } from ".";

type ChoiceItem = SingleChoiceItem | MultipleChoiceItem;

/** Every option with a tick box, the chosen ones ticked (single and multiple choice). */
export function ChoiceAnswer({ item, value }: { item: ChoiceItem; value: unknown }) {
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

/** Check box `<itemKey>:<optionValue>` per option; with "Other": check box `<itemKey>:other` and text field `<itemKey>:other-text`. */
export const choiceFields = (item: ChoiceItem) => [
  ...item.options.map((o) => field(item, `${item.key}:${o.value}`, "checkbox")),
  ...(item.allowOther ? [field(item, `${item.key}:other`, "checkbox"), field(item, `${item.key}:other-text`, "text")] : []),
];

export function ChoiceBlank({ item }: { item: ChoiceItem }) {
  const round = item.kind === "single_choice";
  return (
    <View>
      <Hint>{round ? "Tick one." : "Tick all that apply."}</Hint>
      {item.options.map((o) => (
        <BoxOption key={o.value} name={`${item.key}:${o.value}`} label={o.label} round={round} />
      ))}
      {item.allowOther ? (
        <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }} wrap={false}>
          <View style={{ marginRight: 6 }}>
            <Framed width={11} height={11} round={round}>
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
}

/** Short option lists stay on one page with their label. */
export const fewOptions = (item: { options: unknown[] }) => item.options.length <= 12;

export const singleChoicePdf: ItemPdfModule<SingleChoiceItem> = {
  Answer: ChoiceAnswer,
  keepTogether: fewOptions,
  blankFields: choiceFields,
  Blank: ChoiceBlank,
};
