import { Box, type ItemPrintModule } from "../print-parts";
import type { ChecklistItem, ChecklistValue } from ".";

export const checklistPrint: ItemPrintModule<ChecklistItem> = {
  Answer: ({ item, value }) => {
    const v = (value ?? { checked: [] }) as ChecklistValue;
    return (
      <ul className="space-y-1">
        {item.options.map((o) => (
          <Box key={o.value} checked={v.checked.includes(o.value)} label={o.label} />
        ))}
        {item.allowNoneApply ? <Box checked={Boolean(v.noneApply)} label="None of these apply" /> : null}
      </ul>
    );
  },
};
