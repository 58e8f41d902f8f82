import type { ItemPrintModule } from "../print-parts";
import type { InstructionsItem } from ".";

export const instructionsPrint: ItemPrintModule<InstructionsItem> = {
  Answer: ({ item }) => (
    <div className="space-y-2">
      {item.body.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  ),
};
