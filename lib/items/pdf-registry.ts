import { actionPlanPdf } from "./action_plan/pdf";
import { checklistPdf } from "./checklist/pdf";
import { dataSeriesPdf } from "./data_series/pdf";
import { datePdf } from "./date/pdf";
import { decisionMatrixPdf } from "./decision_matrix/pdf";
import { instructionsPdf } from "./instructions/pdf";
import { longTextPdf } from "./long_text/pdf";
import { multipleChoicePdf } from "./multiple_choice/pdf";
import { numberPdf } from "./number/pdf";
import type { ItemPdfModule } from "./pdf-parts";
import { ratingPdf } from "./rating/pdf";
import type { Item, ItemKind, ItemOf } from "./registry";
import { resourceLinksPdf } from "./resource_links/pdf";
import { calculatedPdf } from "./calculated/pdf";
import { shortTextPdf } from "./short_text/pdf";
import { singleChoicePdf } from "./single_choice/pdf";
import { tablePdf } from "./table/pdf";

/**
 * Each kind's PDF part (lib/items/<kind>/pdf.tsx), for the filled and the
 * blank export. Server only: it pulls in react-pdf (no `server-only` import,
 * because the PDF worker bundle runs it outside Next.js).
 */
const modules: { [K in ItemKind]: ItemPdfModule<ItemOf<K>> } = {
  instructions: instructionsPdf,
  short_text: shortTextPdf,
  long_text: longTextPdf,
  number: numberPdf,
  date: datePdf,
  single_choice: singleChoicePdf,
  multiple_choice: multipleChoicePdf,
  checklist: checklistPdf,
  rating: ratingPdf,
  table: tablePdf,
  data_series: dataSeriesPdf,
  action_plan: actionPlanPdf,
  resource_links: resourceLinksPdf,
  decision_matrix: decisionMatrixPdf,
  calculated: calculatedPdf,
};

/** The PDF part of an item's kind, typed for that item. */
export function pdfModule<I extends Item>(item: I): ItemPdfModule<I> {
  return modules[item.kind] as unknown as ItemPdfModule<I>;
}

/** Kinds that draw something after a worksheet's items, in registry order. */
export const worksheetAddenda = Object.values(modules).flatMap((m) => (m.WorksheetAddendum ? [m.WorksheetAddendum] : []));
