import { TextInput } from "@react-pdf/renderer";
import { field, Framed, type ItemPdfModule } from "../pdf-parts";
import { TextAnswer } from "../short_text/pdf";
import type { LongTextItem } from ".";

export const longTextPdf: ItemPdfModule<LongTextItem> = {
  Answer: TextAnswer,
  // Long answers flow across pages; the label keeps a line or two of its answer.
  minPresenceAhead: 40,
  blankFields: (item) => [field(item, item.key, "multiline")],
  Blank: ({ item }) => (
    <Framed height={96}>
      <TextInput name={item.key} multiline maxLength={item.maxLength} style={{ height: 91.5 }} />
    </Framed>
  ),
};
