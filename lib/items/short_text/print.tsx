import { Empty, type ItemPrintModule, type PrintAnswerProps } from "../print-parts";
import type { ShortTextItem } from ".";

export function PrintText({ value }: PrintAnswerProps<unknown>) {
  return typeof value === "string" && value.trim() ? <p className="whitespace-pre-wrap">{value}</p> : <Empty />;
}

export const shortTextPrint: ItemPrintModule<ShortTextItem> = { Answer: PrintText };
