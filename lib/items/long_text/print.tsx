import type { ItemPrintModule } from "../print-parts";
import { PrintText } from "../short_text/print";
import type { LongTextItem } from ".";

export const longTextPrint: ItemPrintModule<LongTextItem> = { Answer: PrintText };
