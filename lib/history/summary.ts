import { emptyValue } from "@/lib/workbook/answer-schemas";
import type { Item } from "@/lib/workbook/template-schema";

/** Plain-language summaries of answers, for the activity feed and the history list. */
const clip = (s: string, n = 160) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** A short plain-language summary of an answer, in a few words. */
export function summarizeValue(item: Item, value: unknown): string {
  if (value === null || value === undefined) return "(empty)";
  if (JSON.stringify(value) === JSON.stringify(emptyValue(item))) return "(cleared)";
  switch (item.kind) {
    case "short_text":
    case "long_text":
      return typeof value === "string" && value.trim() ? `“${clip(value)}”` : "(cleared)";
    case "number":
    case "date":
      return String(value);
    case "rating":
      return typeof value === "number" ? `${value} – ${item.pointLabels[value - item.min] ?? ""}`.trim() : "(cleared)";
    case "single_choice": {
      const v = value as { choice?: string | null; other?: string };
      if (!v.choice) return "(cleared)";
      if (v.choice === "other") return `Other: ${clip(v.other ?? "", 80)}`;
      return item.options.find((o) => o.value === v.choice)?.label ?? v.choice;
    }
    case "multiple_choice": {
      const v = value as { choices?: string[] };
      return `${v.choices?.length ?? 0} chosen`;
    }
    case "checklist": {
      const v = value as { checked?: string[]; noneApply?: boolean };
      return v.noneApply ? "None apply" : `${v.checked?.length ?? 0} checked`;
    }
    case "table":
    case "action_plan":
    case "data_series": {
      const rows = (value as { rows?: unknown[] }).rows?.length ?? 0;
      return `${rows} ${rows === 1 ? "row" : "rows"}`;
    }
    case "resource_links": {
      const links = (value as { links?: unknown[] }).links?.length ?? 0;
      return `${links} ${links === 1 ? "link" : "links"}`;
    }
    default:
      return "";
  }
}

