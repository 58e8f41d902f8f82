import { z } from "zod";
import { AppError, parseInput } from "@/lib/errors";
import { keySchema, type TemplateIndex } from "@/lib/workbook/template-schema";

/**
 * The query of `GET /api/v1/workspaces/{id}/export.pdf`.
 *
 * | parameter           | values                                  | default                          |
 * |---------------------|-----------------------------------------|----------------------------------|
 * | `kind`              | `workbook`, `selection`, `packet`, `blank` | `workbook`                    |
 * | `sections`          | comma-separated section keys            | –                                |
 * | `worksheets`        | comma-separated worksheet keys          | –                                |
 * | `includeUnanswered` | `true`/`false` (also `1`/`0`, `yes`/`no`) | `true`                         |
 * | `includeComments`   | `true`/`false`                          | `false`; `true` for `packet`     |
 * | `includeProgress`   | `true`/`false`                          | `false`                          |
 * | `stage`             | `draft`, `final`                        | `draft`                          |
 * | `title`             | meeting title, at most 200 characters   | required for `packet`, else not allowed |
 * | `date`              | meeting date, `YYYY-MM-DD`              | required for `packet`, else not allowed |
 *
 * - `workbook` exports every worksheet; `sections`/`worksheets` are not allowed.
 * - `selection` exports the worksheets of the chosen sections plus the chosen
 *   worksheets, in template order; at least one of the two is required.
 * - `packet` is a meeting packet: the chosen worksheets in the order given
 *   (sections expand to their worksheets), an agenda, open comments,
 *   discussion questions and a notes page.
 * - `blank` is a fillable form of the chosen worksheets (all when none chosen).
 *
 * Unknown parameters are a 400, as are keys the template does not have
 * (checked by `selectWorksheets` once the workbook's template is known).
 */

export const EXPORT_KINDS = ["workbook", "selection", "packet", "blank"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_STAGES = ["draft", "final"] as const;
export type ExportStage = (typeof EXPORT_STAGES)[number];

export const EXPORT_QUERY_PARAMETERS = [
  "kind",
  "sections",
  "worksheets",
  "includeUnanswered",
  "includeComments",
  "includeProgress",
  "stage",
  "title",
  "date",
] as const;

const TRUE = ["true", "1", "yes"];
const FALSE = ["false", "0", "no"];
const booleanParam = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => TRUE.includes(v) || FALSE.includes(v), { message: "Use true or false" })
  .transform((v) => TRUE.includes(v));

const MAX_KEYS = 200;
const keyList = (what: string) =>
  z.string().transform((v, ctx) => {
    const keys = [...new Set(v.split(",").map((k) => k.trim()).filter(Boolean))];
    if (keys.length === 0) {
      ctx.addIssue({ code: "custom", message: `List at least one ${what} key, separated by commas` });
      return z.NEVER;
    }
    if (keys.length > MAX_KEYS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_KEYS} ${what} keys` });
      return z.NEVER;
    }
    const bad = keys.filter((k) => !keySchema.safeParse(k).success);
    if (bad.length > 0) {
      ctx.addIssue({ code: "custom", message: `Not a valid ${what} key: “${bad[0].slice(0, 80)}”` });
      return z.NEVER;
    }
    return keys;
  });

export const exportQuerySchema = z
  .strictObject({
    kind: z.enum(EXPORT_KINDS, { message: `Use one of: ${EXPORT_KINDS.join(", ")}` }).default("workbook"),
    sections: keyList("section").optional(),
    worksheets: keyList("worksheet").optional(),
    includeUnanswered: booleanParam.optional(),
    includeComments: booleanParam.optional(),
    includeProgress: booleanParam.optional(),
    stage: z.enum(EXPORT_STAGES, { message: `Use one of: ${EXPORT_STAGES.join(", ")}` }).default("draft"),
    title: z
      .string()
      .trim()
      .min(1, "Give the meeting a title")
      .max(200, "At most 200 characters")
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: "Control characters are not allowed" })
      .optional(),
    date: z.iso.date({ message: "Use a date like 2026-03-31" }).optional(),
  })
  .superRefine((q, ctx) => {
    const chosen = Boolean(q.sections?.length || q.worksheets?.length);
    if (q.kind === "workbook" && chosen) {
      ctx.addIssue({
        code: "custom",
        path: [q.sections ? "sections" : "worksheets"],
        message: "kind=workbook exports every worksheet; use kind=selection to choose sections or worksheets",
      });
    }
    if ((q.kind === "selection" || q.kind === "packet") && !chosen) {
      ctx.addIssue({ code: "custom", path: ["worksheets"], message: `kind=${q.kind} needs sections or worksheets (comma-separated keys)` });
    }
    if (q.kind === "packet") {
      if (q.title === undefined) ctx.addIssue({ code: "custom", path: ["title"], message: "A meeting packet needs the meeting title" });
      if (q.date === undefined) ctx.addIssue({ code: "custom", path: ["date"], message: "A meeting packet needs the meeting date (YYYY-MM-DD)" });
    } else {
      if (q.title !== undefined) ctx.addIssue({ code: "custom", path: ["title"], message: "title is only used with kind=packet" });
      if (q.date !== undefined) ctx.addIssue({ code: "custom", path: ["date"], message: "date is only used with kind=packet" });
    }
  })
  .transform(
    (q): ExportOptions => ({
      kind: q.kind,
      sections: q.sections,
      worksheets: q.worksheets,
      includeUnanswered: q.includeUnanswered ?? true,
      includeComments: q.includeComments ?? q.kind === "packet",
      includeProgress: q.includeProgress ?? false,
      stage: q.stage,
      packet: q.kind === "packet" ? { title: q.title!, date: q.date! } : undefined,
    }),
  );

/** Export options after defaults are applied. */
export type ExportOptions = {
  kind: ExportKind;
  sections?: string[];
  worksheets?: string[];
  includeUnanswered: boolean;
  includeComments: boolean;
  includeProgress: boolean;
  stage: ExportStage;
  /** Only for `packet`. */
  packet?: { title: string; date: string };
};

/**
 * Parses the raw URL query. Throws a 400 `AppError` naming the parameter:
 * unknown parameters first, then each bad value.
 */
export function parseExportQuery(raw: Record<string, string | undefined>): ExportOptions {
  const unknown = Object.keys(raw).filter((k) => !(EXPORT_QUERY_PARAMETERS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((k) => `“${k.slice(0, 60)}”`).join(", ");
    throw new AppError(
      "bad_request",
      `Unknown query parameter${unknown.length > 1 ? "s" : ""}: ${names}. Allowed: ${EXPORT_QUERY_PARAMETERS.join(", ")}.`,
      unknown.map((k) => ({ path: k.slice(0, 60), message: "Unknown query parameter" })),
    );
  }
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  return parseInput(exportQuerySchema, defined, "bad_request");
}

/**
 * The worksheets to export, in order, checked against the template. Throws a
 * 400 naming unknown section or worksheet keys.
 *
 * `selection` and `blank` keep template order; `packet` keeps the order given
 * (a section stands for its worksheets in template order); duplicates are
 * dropped.
 */
export function selectWorksheets(options: Pick<ExportOptions, "kind" | "sections" | "worksheets">, index: TemplateIndex): string[] {
  const sectionKeys = options.sections ?? [];
  const worksheetKeys = options.worksheets ?? [];
  const unknownSections = sectionKeys.filter((k) => !index.sections.some((s) => s.key === k));
  const unknownWorksheets = worksheetKeys.filter((k) => !index.worksheetByKey.has(k));
  if (unknownSections.length || unknownWorksheets.length) {
    const list = (keys: string[]) => keys.slice(0, 10).map((k) => `“${k}”`).join(", ");
    const parts: string[] = [];
    if (unknownSections.length) parts.push(`unknown section key${unknownSections.length > 1 ? "s" : ""} ${list(unknownSections)}`);
    if (unknownWorksheets.length) parts.push(`unknown worksheet key${unknownWorksheets.length > 1 ? "s" : ""} ${list(unknownWorksheets)}`);
    const message = parts.join(" and ");
    throw new AppError("bad_request", `This workbook has ${message}.`, [
      ...unknownSections.map((k) => ({ path: "sections", message: `No section “${k}” in this workbook` })),
      ...unknownWorksheets.map((k) => ({ path: "worksheets", message: `No worksheet “${k}” in this workbook` })),
    ]);
  }

  const all = index.worksheets.map((w) => w.key);
  if (options.kind === "workbook") return all;
  if (options.kind === "blank" && sectionKeys.length === 0 && worksheetKeys.length === 0) return all;

  const inSections = (keys: string[]) =>
    keys.flatMap((k) => index.sections.find((s) => s.key === k)!.worksheets.map((w) => w.key));

  if (options.kind === "packet") {
    // Order as given: sections first in the order listed, then worksheets.
    const ordered = [...inSections(sectionKeys), ...worksheetKeys];
    return [...new Set(ordered)];
  }
  const chosen = new Set([...inSections(sectionKeys), ...worksheetKeys]);
  return all.filter((k) => chosen.has(k));
}
