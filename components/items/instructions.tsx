import type { InstructionsItem } from "@/lib/items/instructions";
import type { ItemEditor } from "./shared";

/** Instructions take no answer: the worksheet shows them as a note. */
function InstructionsNote({ item }: { item: InstructionsItem }) {
  return (
    <section className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-slate-900" aria-label={item.label}>
      <h2 className="font-semibold">{item.label}</h2>
      {item.body.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="mt-2 whitespace-pre-line text-sm">
          {p}
        </p>
      ))}
    </section>
  );
}

export const instructionsEditor: ItemEditor<InstructionsItem> = { Display: InstructionsNote };
