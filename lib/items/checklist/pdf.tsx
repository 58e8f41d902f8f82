import { View } from "@react-pdf/renderer";
import { OptionRow } from "@/lib/export/pdf/components";
import { isObject } from "../base";
import { BoxOption, field, type ItemPdfModule } from "../pdf-parts";
import { fewOptions } from "../single_choice/pdf";
import type { ChecklistItem, ChecklistValue } from ".";

export const checklistPdf: ItemPdfModule<ChecklistItem> = {
  Answer: ({ item, value }) => {
    const v = (isObject(value) ? value : {}) as Partial<ChecklistValue>;
    const checked = new Set(Array.isArray(v.checked) ? v.checked : []);
    return (
      <View>
        {item.options.map((o) => (
          <OptionRow key={o.value} label={o.label} checked={checked.has(o.value)} />
        ))}
        {item.allowNoneApply ? <OptionRow label="None of these apply" checked={v.noneApply === true} /> : null}
      </View>
    );
  },
  keepTogether: fewOptions,
  // A check box `<itemKey>:<optionValue>` per option; "None of these apply": check box `<itemKey>:none-apply`.
  blankFields: (item) => [...item.options.map((o) => field(item, `${item.key}:${o.value}`, "checkbox")), ...(item.allowNoneApply ? [field(item, `${item.key}:none-apply`, "checkbox")] : [])],
  Blank: ({ item }) => (
    <View>
      {item.options.map((o) => (
        <BoxOption key={o.value} name={`${item.key}:${o.value}`} label={o.label} />
      ))}
      {item.allowNoneApply ? <BoxOption name={`${item.key}:none-apply`} label="None of these apply" /> : null}
    </View>
  ),
};
