import { describe, expect, it } from "vitest";
import { itemEditor } from "@/components/items/registry";
import { pdfModule } from "@/lib/items/pdf-registry";
import { printModule } from "@/lib/items/print-registry";
import { isAnswerable, ITEM_KINDS, itemModule, itemSchema, kindModule, type Item, type ItemKind } from "@/lib/items/registry";
import { isAnswered } from "@/lib/progress/model";
import { templateIndex, TEMPLATES } from "@/lib/workbook/templates";

/**
 * The contract every item kind keeps with the registries: one module per
 * kind in each of them, and an empty value that is valid but not an answer.
 * Checked on a sample of each kind and on every item of the built-in templates.
 */

const options = [
  { value: "a", label: "A" },
  { value: "b", label: "B" },
];

/** Settings of one small item per kind (TypeScript asks for a new kind here). */
const SAMPLES: { [K in ItemKind]: Record<string, unknown> } = {
  instructions: { body: "Read this first." },
  short_text: {},
  long_text: {},
  number: { min: 0 },
  date: {},
  single_choice: { options, allowOther: true },
  multiple_choice: { options },
  checklist: { options },
  rating: { pointLabels: ["1", "2", "3", "4", "5"] },
  table: { columns: [{ key: "c", label: "C", type: "text" }] },
  data_series: { rowLabel: "Month", columns: [{ key: "c", label: "C" }] },
  action_plan: {},
  resource_links: {},
  decision_matrix: { options, criteria: [{ key: "c", label: "C" }] },
  calculated: { calculator: "risk-score", inputs: {} },
};

const samples = ITEM_KINDS.map((kind): Item => itemSchema.parse({ key: `sample.${kind}`, label: `A ${kind}`, kind, ...SAMPLES[kind] }));
const templateItems = Object.values(TEMPLATES).flatMap((t) => [...templateIndex(t.key, t.version)!.itemByKey.values()].map((e) => e.item));
const allItems = [...samples, ...templateItems];

describe("item kind registry", () => {
  it("lists each kind once, in the order of the template schema", () => {
    expect(new Set(ITEM_KINDS).size).toBe(ITEM_KINDS.length);
    expect(ITEM_KINDS).toEqual(itemSchema.options.map((o) => o.shape.kind.value));
  });

  it("has a module for every kind whose kind and template match the schema", () => {
    for (const kind of ITEM_KINDS) {
      const m = kindModule(kind);
      expect(m.kind, kind).toBe(kind);
      expect(m.template.shape.kind.value, kind).toBe(kind);
      expect(m.title.length, kind).toBeGreaterThan(0);
    }
  });

  it("gives every kind, and every item of the built-in templates, a PDF, print and editor part", () => {
    for (const item of allItems) {
      const pdf = pdfModule(item);
      expect(typeof pdf.Answer, item.key).toBe("function");
      expect(typeof pdf.Blank, item.key).toBe("function");
      expect(typeof printModule(item).Answer, item.key).toBe("function");
      const editor = itemEditor(item);
      expect(isAnswerable(item) ? typeof editor.Control : typeof editor.Display, item.key).toBe("function");
    }
  });

  it("gives answerable items an empty value that is valid, not answered, and blank-form fields named after the item; others none", () => {
    for (const item of allItems) {
      const m = itemModule(item);
      const empty = m.emptyValue(item);
      expect(m.answerSchema(item).safeParse(empty).success, item.key).toBe(true);
      expect(isAnswered(item, empty), item.key).toBe(false);
      if (isAnswerable(item)) {
        const names = pdfModule(item).blankFields(item).map((f) => f.name);
        expect(names.length, item.key).toBeGreaterThan(0);
        for (const name of names) expect(name === item.key || name.startsWith(`${item.key}:`), name).toBe(true);
      } else {
        expect(pdfModule(item).blankFields(item)).toEqual([]);
      }
    }
  });
});
