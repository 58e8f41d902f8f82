import { Empty, type ItemPrintModule } from "../print-parts";
import type { DateItem } from ".";

export const datePrint: ItemPrintModule<DateItem> = {
  Answer: ({ value }) =>
    typeof value === "string" && value ? <p>{new Date(`${value}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })}</p> : <Empty />,
};
