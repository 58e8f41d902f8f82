import type { ItemPdfModule } from "../pdf-parts";
import { ChoiceAnswer, ChoiceBlank, choiceFields, fewOptions } from "../single_choice/pdf";
import type { MultipleChoiceItem } from ".";

export const multipleChoicePdf: ItemPdfModule<MultipleChoiceItem> = {
  Answer: ChoiceAnswer,
  keepTogether: fewOptions,
  blankFields: choiceFields,
  Blank: ChoiceBlank,
};
