import { CalcResultView } from "@/components/calc/result-view";
import type { CalculatedView } from "@/lib/calc/workbook";
import { isObject } from "../base";
import { Empty, type ItemPrintModule } from "../print-parts";
import type { CalculatedItem } from ".";

/** The print view gets the computed result in place of a stored answer. */
export const calculatedPrint: ItemPrintModule<CalculatedItem> = {
  Answer: ({ item, value }) => {
    if (!isObject(value) || !Array.isArray(value.tables)) return <Empty />;
    const v = value as unknown as CalculatedView;
    return <CalcResultView id={item.key} result={{ values: v.value, tables: v.tables, needs: v.needs, warnings: v.warnings, formulas: v.formulas }} />;
  },
};
