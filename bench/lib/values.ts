import { validateAnswer } from "@/lib/workbook/answer-schemas";
import { isAnswerable, ACTION_PLAN_COLUMNS, type Item, type TableColumn } from "@/lib/workbook/template-schema";
import { DEFAULT_TEMPLATE_KEY, TEMPLATES, templateIndex } from "@/lib/workbook/templates";

/**
 * Valid answer values for every answerable item of the built-in template, so
 * benchmarks save and seed what a real team would. `n` varies the value, so
 * successive saves are distinguishable when checking for lost updates.
 */

export const TEMPLATE_KEY = DEFAULT_TEMPLATE_KEY;
export const TEMPLATE_VERSION = TEMPLATES[DEFAULT_TEMPLATE_KEY].version;
export const INDEX = templateIndex(TEMPLATE_KEY, TEMPLATE_VERSION)!;

export type AnswerableItem = { key: string; worksheetKey: string; item: Item };

export const ANSWERABLE: AnswerableItem[] = [...INDEX.itemByKey.values()]
  .filter((e) => isAnswerable(e.item))
  .map((e) => ({ key: e.item.key, worksheetKey: e.worksheetKey, item: e.item }));

export const WORKSHEET_KEYS = INDEX.worksheets.map((w) => w.key);

const day = (n: number) => `2026-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`;

function text(label: string, n: number, max: number) {
  return `${label} ${n}`.slice(0, max);
}

function cell(col: TableColumn, n: number, rows: number) {
  switch (col.type) {
    case "text":
      return text(`${col.label} entry`, n * 10 + rows, col.maxLength);
    case "number":
      return (n * 7 + rows) % 1000;
    case "date":
      return day(n + rows);
    case "choice":
      return col.options?.[(n + rows) % col.options.length]?.value ?? "";
    case "member":
      return null;
  }
}

function tableRows(columns: TableColumn[], n: number, count: number) {
  return Array.from({ length: count }, (_, r) => ({
    id: `r${r + 1}`,
    cells: Object.fromEntries(columns.map((c) => [c.key, cell(c, n, r)])),
  }));
}

/**
 * A valid value for `item`. `size` scales the long answers: 1 is a typical
 * edit, larger values make fuller workbooks (more table rows, longer text).
 */
export function valueFor(item: Item, n: number, size = 1): unknown {
  switch (item.kind) {
    case "instructions":
      return null;
    case "short_text":
      return text("Answer", n, item.maxLength);
    case "long_text": {
      const sentence = `Paragraph ${n}: the team agreed who does what, when, and how they hand over to the next shift. `;
      return sentence.repeat(Math.max(1, size * 3)).slice(0, item.maxLength);
    }
    case "number": {
      const lo = item.min ?? 0;
      const hi = item.max ?? lo + 10_000;
      const span = Math.max(1, Math.floor(hi - lo));
      return lo + (n % (span + 1));
    }
    case "date":
      return day(n);
    case "rating":
      return item.min + (n % (item.max - item.min + 1));
    case "single_choice":
      return { choice: item.options[n % item.options.length].value };
    case "multiple_choice":
      return { choices: [item.options[n % item.options.length].value] };
    case "checklist":
      return { checked: item.options.slice(0, 1 + (n % item.options.length)).map((o) => o.value) };
    case "table":
      return { rows: tableRows(item.columns, n, Math.min(item.maxRows, 1 + size * 2 + (n % 2))) };
    case "action_plan":
      return {
        rows: tableRows(ACTION_PLAN_COLUMNS, n, Math.min(item.maxRows, 1 + size * 2 + (n % 2))).map((r) => ({
          ...r,
          cells: { ...r.cells, owner: null },
        })),
      };
    case "data_series":
      return {
        rows: Array.from({ length: Math.min(item.maxRows, 3 + size * 3) }, (_, r) => ({
          id: `m${r + 1}`,
          label: `Month ${r + 1}`,
          values: Object.fromEntries(item.columns.map((c, ci) => [c.key, (n + r * 3 + ci * 5) % 200])),
        })),
      };
    case "resource_links":
      return { links: [{ id: "l1", title: `Local resource ${n}`, url: `https://example.org/resources/${n}` }] };
  }
}

/** Fails loudly if a generated value would be rejected by the app (so benchmarks never measure 422s). */
export function checkGeneratedValues() {
  for (const { key, item } of ANSWERABLE) {
    for (const [n, size] of [
      [1, 1],
      [2, 1],
      [7, 3],
    ]) {
      const r = validateAnswer(item, valueFor(item, n, size));
      if (!r.ok) throw new Error(`Generated value for ${key} (${item.kind}) is invalid: ${r.issues[0]?.message}`);
    }
  }
}

/** JSON with object keys sorted, for comparing values regardless of key order (jsonb reorders keys). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v as Record<string, unknown>)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}
