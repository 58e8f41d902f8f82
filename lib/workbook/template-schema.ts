import { z } from "zod";
import { checkCalculations } from "@/lib/calc/graph";
import type { CalcItem } from "@/lib/calc/inputs";
import { keySchema } from "@/lib/items/base";
import { itemModule, itemSchema, type Item } from "@/lib/items/registry";

/**
 * A workbook template is data: sections → worksheets → typed items. It is
 * validated by these schemas and versioned by (key, version). Item keys are
 * stable and unique across the whole template, because answers are stored per
 * (workbook, item key). Each item kind's own schema lives in its module
 * (lib/items/<kind>/), found through lib/items/registry.ts.
 */

export { keySchema, optionSchema, type Option } from "@/lib/items/base";
export { itemSchema, isAnswerable, ITEM_KINDS, type Item, type ItemKind, type ItemOf } from "@/lib/items/registry";
export { TABLE_COLUMN_TYPES, tableColumnSchema, type TableColumn } from "@/lib/items/table";
export { ACTION_PLAN_COLUMNS, ACTION_STATUS_OPTIONS } from "@/lib/items/action_plan";
export { resourceLinkSchema } from "@/lib/items/resource_links";

export const frameworkRefSchema = z.object({
  name: z.string().min(1).max(200),
  publisher: z.string().max(200).optional(),
  url: z.url().optional(),
});
export type FrameworkRef = z.infer<typeof frameworkRefSchema>;

export const worksheetSchema = z.object({
  key: keySchema,
  title: z.string().min(1).max(200),
  /** One or two plain sentences on why the team fills this in. */
  intro: z.string().min(1).max(2000),
  /** The public frameworks this worksheet draws on. */
  frameworks: z.array(frameworkRefSchema).min(1),
  items: z.array(itemSchema).min(1),
});
export type Worksheet = z.infer<typeof worksheetSchema>;

export const sectionSchema = z.object({
  key: keySchema,
  title: z.string().min(1).max(200),
  intro: z.string().min(1).max(2000),
  worksheets: z.array(worksheetSchema).min(1),
  /** Questions for the team to talk through at the end of the section. */
  discussionQuestions: z.array(z.string().min(1).max(500)).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const templateSchema = z
  .object({
    key: keySchema,
    version: z.number().int().positive(),
    title: z.string().min(1).max(200),
    description: z.string().min(1).max(4000),
    /** How the template relates to the publications it draws on. */
    attribution: z.string().min(1).max(4000),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    const check = (key: string, path: (string | number)[]) => {
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: `Duplicate key "${key}"`, path });
      seen.add(key);
    };
    t.sections.forEach((s, si) => {
      check(`section:${s.key}`, ["sections", si, "key"]);
      s.worksheets.forEach((w, wi) => {
        check(`worksheet:${w.key}`, ["sections", si, "worksheets", wi, "key"]);
        w.items.forEach((item, ii) => {
          check(`item:${item.key}`, ["sections", si, "worksheets", wi, "items", ii, "key"]);
          for (const issue of itemModule(item).templateIssues?.(item) ?? []) {
            ctx.addIssue({ code: "custom", message: issue.message, path: ["sections", si, "worksheets", wi, "items", ii, ...issue.path] });
          }
        });
      });
    });
    // Calculations: calculators exist, inputs fit, references resolve, no cycles.
    const calcItems = new Map<string, CalcItem>();
    const columns = new Map<string, string[]>();
    for (const s of t.sections)
      for (const w of s.worksheets)
        for (const item of w.items) {
          const i = item as Item & Partial<CalcItem>;
          calcItems.set(item.key, {
            key: item.key,
            kind: item.kind,
            label: item.label,
            worksheetKey: w.key,
            worksheetTitle: w.title,
            default: i.default,
            from: i.from,
            calculator: i.calculator,
            inputs: i.inputs,
            config: i.config,
          });
          if (item.kind === "table") columns.set(item.key, item.columns.map((c) => c.key));
        }
    for (const p of checkCalculations(calcItems, (k) => columns.get(k))) {
      ctx.addIssue({ code: "custom", message: `${p.key}: ${p.message}`, path: ["sections"] });
    }
  });

export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;

/** Lookup tables over a parsed template. */
export type TemplateIndex = {
  template: Template;
  sections: Section[];
  worksheets: Array<Worksheet & { sectionKey: string; index: number }>;
  worksheetByKey: Map<string, Worksheet & { sectionKey: string; index: number }>;
  itemByKey: Map<string, { item: Item; worksheetKey: string; sectionKey: string }>;
};

export function indexTemplate(template: Template): TemplateIndex {
  const worksheets: TemplateIndex["worksheets"] = [];
  const itemByKey: TemplateIndex["itemByKey"] = new Map();
  for (const s of template.sections) {
    for (const w of s.worksheets) {
      worksheets.push({ ...w, sectionKey: s.key, index: worksheets.length });
      for (const item of w.items) itemByKey.set(item.key, { item, worksheetKey: w.key, sectionKey: s.key });
    }
  }
  return {
    template,
    sections: template.sections,
    worksheets,
    worksheetByKey: new Map(worksheets.map((w) => [w.key, w])),
    itemByKey,
  };
}
