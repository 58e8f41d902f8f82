import type { ItemPrintModule } from "../print-parts";
import type { RatingItem } from ".";

export const ratingPrint: ItemPrintModule<RatingItem> = {
  Answer: ({ item, value }) => {
    const points = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
    return (
      <ol className="flex flex-wrap gap-2">
        {points.map((p, i) => (
          <li key={p} className={`rounded border px-2 py-1 text-center text-sm ${value === p ? "border-slate-900 bg-slate-200 font-semibold" : "border-slate-300"}`}>
            {p} · {item.pointLabels[i]}
            {value === p ? <span className="sr-only"> (chosen)</span> : null}
          </li>
        ))}
      </ol>
    );
  },
};
