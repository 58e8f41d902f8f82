import { Box, type ItemPrintModule } from "../print-parts";
import type { SingleChoiceItem, SingleChoiceValue } from ".";

export const singleChoicePrint: ItemPrintModule<SingleChoiceItem> = {
  Answer: ({ item, value }) => {
    const v = (value ?? { choice: null }) as SingleChoiceValue;
    const options = item.allowOther ? [...item.options, { value: "other", label: `Other${v.other ? `: ${v.other}` : ""}` }] : item.options;
    return (
      <ul className="space-y-1">
        {options.map((o) => (
          <Box key={o.value} checked={v.choice === o.value} label={o.label} />
        ))}
      </ul>
    );
  },
};
