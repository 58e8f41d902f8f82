import { Empty, type ItemPrintModule } from "../print-parts";
import type { NumberItem } from ".";

export const numberPrint: ItemPrintModule<NumberItem> = {
  Answer: ({ item, value }) =>
    typeof value === "number" ? (
      <p>
        {value.toLocaleString("en-US")}
        {item.unit ? ` ${item.unit}` : ""}
      </p>
    ) : (
      <Empty />
    ),
};
