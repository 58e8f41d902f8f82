import { Box, type ItemPrintModule } from "../print-parts";
import type { MultipleChoiceItem, MultipleChoiceValue } from ".";

export const multipleChoicePrint: ItemPrintModule<MultipleChoiceItem> = {
  Answer: ({ item, value }) => {
    const v = (value ?? { choices: [] }) as MultipleChoiceValue;
    const options = item.allowOther ? [...item.options, { value: "other", label: `Other${v.other ? `: ${v.other}` : ""}` }] : item.options;
    return (
      <ul className="space-y-1">
        {options.map((o) => (
          <Box key={o.value} checked={v.choices.includes(o.value)} label={o.label} />
        ))}
      </ul>
    );
  },
};
