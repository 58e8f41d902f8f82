import { TextInput } from "@react-pdf/renderer";
import { Paragraphs } from "@/lib/export/pdf/components";
import { ANSWER_WIDTH, field, Framed, Muted, NOT_ANSWERED, type ItemPdfModule, type PdfAnswerProps } from "../pdf-parts";
import type { ShortTextItem } from ".";

export function TextAnswer({ value, answered }: PdfAnswerProps<unknown>) {
  return answered && typeof value === "string" ? <Paragraphs text={value} width={ANSWER_WIDTH} /> : <Muted>{NOT_ANSWERED}</Muted>;
}

export const shortTextPdf: ItemPdfModule<ShortTextItem> = {
  Answer: TextAnswer,
  keepTogether: () => true,
  blankFields: (item) => [field(item, item.key, "text")],
  Blank: ({ item }) => (
    <Framed height={18}>
      <TextInput name={item.key} maxLength={item.maxLength} style={{ height: 13.5 }} />
    </Framed>
  ),
};
