import { z } from "zod";

/**
 * A workbook template is data: sections → worksheets → typed items. It is
 * validated by these schemas and versioned by (key, version). Item keys are
 * stable and unique across the whole template, because answers are stored per
 * (workbook, item key).
 */

export const keySchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "Keys use lower-case letters, digits, '.', '_' and '-'");

export const optionSchema = z.object({ value: keySchema, label: z.string().min(1).max(200) });
export type Option = z.infer<typeof optionSchema>;

const itemBase = {
  key: keySchema,
  label: z.string().min(1).max(300),
  help: z.string().max(2000).optional(),
  required: z.boolean().default(false),
};

export const TABLE_COLUMN_TYPES = ["text", "number", "date", "choice", "member"] as const;
export const tableColumnSchema = z.object({
  key: keySchema,
  label: z.string().min(1).max(120),
  type: z.enum(TABLE_COLUMN_TYPES),
  options: z.array(optionSchema).optional(),
  /** A row counts as complete when every required column has a value. */
  required: z.boolean().default(false),
  maxLength: z.number().int().positive().max(5000).default(500),
});
export type TableColumn = z.infer<typeof tableColumnSchema>;

export const ACTION_STATUS_OPTIONS: Option[] = [
  { value: "not_started", label: "Not started" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "blocked", label: "Blocked" },
];

/** The fixed columns of an action plan: a table preset. */
export const ACTION_PLAN_COLUMNS: TableColumn[] = [
  { key: "objective", label: "Objective", type: "text", required: false, maxLength: 500 },
  { key: "action", label: "Action step", type: "text", required: true, maxLength: 1000 },
  { key: "owner", label: "Owner", type: "member", required: true, maxLength: 100 },
  { key: "due", label: "Due date", type: "date", required: true, maxLength: 10 },
  { key: "status", label: "Status", type: "choice", options: ACTION_STATUS_OPTIONS, required: true, maxLength: 40 },
];

export const resourceLinkSchema = z.object({
  title: z.string().min(1).max(300),
  url: z.url(),
  publisher: z.string().max(200).optional(),
  description: z.string().max(1000).optional(),
});

export const itemSchema = z.discriminatedUnion("kind", [
  z.object({ ...itemBase, kind: z.literal("instructions"), body: z.string().min(1).max(10_000) }),
  z.object({
    ...itemBase,
    kind: z.literal("short_text"),
    maxLength: z.number().int().positive().max(1000).default(200),
    placeholder: z.string().max(200).optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("long_text"),
    maxLength: z.number().int().positive().max(50_000).default(5000),
    placeholder: z.string().max(200).optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().max(40).optional(),
    integer: z.boolean().default(false),
  }),
  z.object({ ...itemBase, kind: z.literal("date") }),
  z.object({
    ...itemBase,
    kind: z.literal("single_choice"),
    options: z.array(optionSchema).min(2).max(50),
    allowOther: z.boolean().default(false),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("multiple_choice"),
    options: z.array(optionSchema).min(2).max(50),
    allowOther: z.boolean().default(false),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("checklist"),
    options: z.array(optionSchema).min(1).max(100),
    /** Offer an explicit "None of these apply" answer. */
    allowNoneApply: z.boolean().default(true),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("rating"),
    min: z.number().int().default(1),
    max: z.number().int().default(5),
    /** One label per point, from min to max. */
    pointLabels: z.array(z.string().min(1).max(120)),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("table"),
    columns: z.array(tableColumnSchema).min(1).max(12),
    maxRows: z.number().int().positive().max(500).default(100),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("data_series"),
    /** What each row is, e.g. "Month". */
    rowLabel: z.string().min(1).max(60),
    /** The numeric series, e.g. call types. */
    columns: z.array(z.object({ key: keySchema, label: z.string().min(1).max(80) })).min(1).max(10),
    chart: z.enum(["bar", "line"]).default("bar"),
    unit: z.string().max(40).optional(),
    maxRows: z.number().int().positive().max(120).default(36),
  }),
  z.object({ ...itemBase, kind: z.literal("action_plan"), maxRows: z.number().int().positive().max(500).default(200) }),
  z.object({
    ...itemBase,
    kind: z.literal("resource_links"),
    /** Links the template suggests; the team can add its own. */
    links: z.array(resourceLinkSchema).default([]),
    maxLinks: z.number().int().positive().max(100).default(30),
  }),
]);

export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item["kind"];
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;
export const ITEM_KINDS = itemSchema.options.map((o) => o.shape.kind.value) as ItemKind[];

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
          if (item.kind === "rating" && item.pointLabels.length !== item.max - item.min + 1) {
            ctx.addIssue({
              code: "custom",
              message: `Rating "${item.key}" needs one label per point (${item.max - item.min + 1})`,
              path: ["sections", si, "worksheets", wi, "items", ii, "pointLabels"],
            });
          }
          if (item.kind === "table") {
            item.columns.forEach((c, ci) => {
              if (c.type === "choice" && !c.options?.length) {
                ctx.addIssue({
                  code: "custom",
                  message: `Choice column "${c.key}" needs options`,
                  path: ["sections", si, "worksheets", wi, "items", ii, "columns", ci],
                });
              }
            });
          }
        });
      });
    });
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

/** Items that take an answer (everything but instructions). */
export function isAnswerable(item: Item) {
  return item.kind !== "instructions";
}
