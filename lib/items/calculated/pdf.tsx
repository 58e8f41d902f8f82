import { Text } from "@react-pdf/renderer";
import { styles } from "@/lib/export/pdf/components";
import { isObject } from "../base";
import { ANSWER_WIDTH, type ItemPdfModule } from "../pdf-parts";
import type { CalculatedItem } from ".";
import { CalculatedPdf } from "./pdf-result";
import type { CalculatedView } from "@/lib/calc/workbook";

/** The export puts the computed result in place of a stored answer (lib/export/service.ts). */
export const calculatedPdf: ItemPdfModule<CalculatedItem> = {
  Answer: ({ value }) =>
    isObject(value) && Array.isArray(value.tables) ? (
      <CalculatedPdf view={value as unknown as CalculatedView} width={ANSWER_WIDTH} />
    ) : (
      <Text style={[styles.small, styles.muted]}>Worked out from the other answers.</Text>
    ),
  blankFields: () => [],
  Blank: () => <Text style={[styles.small, styles.muted]}>Worked out from the answers above when the workbook is filled in online.</Text>,
};
