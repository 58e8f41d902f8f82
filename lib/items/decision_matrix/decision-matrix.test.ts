import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { ItemControl } from "@/components/items/registry";
import { summarizeValue } from "@/lib/history/summary";
import { exportQuerySchema } from "@/lib/export/options";
import type { ExportModel } from "@/lib/export/model";
import { blankFieldNames } from "@/lib/export/pdf/blank";
import { renderExportPdf } from "@/lib/export/pdf/render";
import { printModule } from "@/lib/items/print-registry";
import { itemModule, itemSchema, type ItemOf } from "@/lib/items/registry";
import { isAnswered } from "@/lib/progress/model";
import { emptyValue, validateAnswer } from "@/lib/workbook/answer-schemas";
import { indexTemplate, templateSchema, type TemplateInput } from "@/lib/workbook/template-schema";

/**
 * The decision matrix kind end to end: its template settings, what a team may
 * save, when it counts as answered, its summary, and how it shows in the
 * editor, the print view and both PDF exports.
 */

const matrixInput = {
  kind: "decision_matrix",
  key: "options.matrix",
  label: "Compare the response options",
  options: [
    { value: "mobile", label: "Mobile crisis team" },
    { value: "co-response", label: "Co-responder unit" },
  ],
  criteria: [
    { key: "reach", label: "Reaches rural areas", weight: 3 },
    { key: "cost", label: "Yearly cost" },
  ],
};
const matrix = itemSchema.parse(matrixInput) as ItemOf<"decision_matrix">;
const fixed = itemSchema.parse({ ...matrixInput, key: "options.fixed", weightsEditable: false }) as ItemOf<"decision_matrix">;

const full = { scores: { mobile: { reach: 5, cost: 3 }, "co-response": { reach: 2, cost: 4 } }, weights: { cost: 2 } };
const partial = { scores: { mobile: { reach: 5, cost: 3 }, "co-response": { reach: 2 } } };

function issuesOf(value: unknown, item = matrix) {
  const r = validateAnswer(item, value);
  return r.ok ? [] : r.issues;
}

function templateWith(items: unknown[]): TemplateInput {
  return {
    key: "matrix-test",
    version: 1,
    title: "Decision matrix test",
    description: "A workbook with one decision matrix.",
    attribution: "Written for this test.",
    sections: [
      {
        key: "choose",
        title: "Choosing a model",
        intro: "Compare the options.",
        discussionQuestions: ["Which option fits best?"],
        worksheets: [{ key: "compare", title: "Compare options", intro: "Score each option.", frameworks: [{ name: "Local practice" }], items }],
      },
    ],
  } as TemplateInput;
}

describe("decision_matrix template settings", () => {
  it("fills in defaults: weight 1, weights the team may change, a scale hint", () => {
    expect(matrix.criteria.map((c) => c.weight)).toEqual([3, 1]);
    expect(matrix.weightsEditable).toBe(true);
    expect(matrix.scaleHint).toBe("1 = poor fit, 5 = strong fit");
  });

  it("needs at least two options and one criterion, and weights within 0–10", () => {
    expect(itemSchema.safeParse({ ...matrixInput, options: [matrixInput.options[0]] }).success).toBe(false);
    expect(itemSchema.safeParse({ ...matrixInput, criteria: [] }).success).toBe(false);
    expect(itemSchema.safeParse({ ...matrixInput, criteria: [{ key: "x", label: "X", weight: 11 }] }).success).toBe(false);
  });

  it("refuses an option or a criterion listed twice, pointing at the second one", () => {
    const dupOption = templateSchema.safeParse(templateWith([{ ...matrixInput, options: [...matrixInput.options, { value: "mobile", label: "Again" }] }]));
    expect(dupOption.success).toBe(false);
    expect(dupOption.error!.issues.map((i) => i.path.join("."))).toContain("sections.0.worksheets.0.items.0.options.2");
    expect(dupOption.error!.issues.map((i) => i.message).join(" ")).toMatch(/option "mobile" twice/);
    const dupCriterion = templateSchema.safeParse(templateWith([{ ...matrixInput, criteria: [...matrixInput.criteria, { key: "cost", label: "Cost again" }] }]));
    expect(dupCriterion.error!.issues.map((i) => i.path.join("."))).toContain("sections.0.worksheets.0.items.0.criteria.2");
    expect(templateSchema.safeParse(templateWith([matrixInput])).success).toBe(true);
  });
});

describe("decision_matrix answers", () => {
  it("accepts the empty value, a partly scored and a fully scored matrix", () => {
    for (const v of [emptyValue(matrix), partial, full, { scores: { mobile: { reach: null } }, weights: { reach: 0, cost: 10 } }]) {
      expect(validateAnswer(matrix, v).ok, JSON.stringify(v)).toBe(true);
    }
  });

  it("refuses scores outside 1–5 or not whole, with the cell's path", () => {
    for (const bad of [0, 6, 2.5, -1]) {
      const issues = issuesOf({ scores: { mobile: { reach: bad } } });
      expect(issues.map((i) => i.path)).toContain("value.scores.mobile.reach");
      expect(issues.map((i) => i.message).join(" ")).toMatch(/1 to 5/);
    }
    expect(issuesOf({ scores: { mobile: { reach: "3" } } }).map((i) => i.path)).toContain("value.scores.mobile.reach");
  });

  it("refuses options and criteria the matrix does not have", () => {
    expect(issuesOf({ scores: { hospital: { reach: 3 } } }).length).toBeGreaterThan(0);
    expect(issuesOf({ scores: { mobile: { speed: 3 } } }).length).toBeGreaterThan(0);
    expect(issuesOf({ scores: {}, weights: { speed: 3 } }).length).toBeGreaterThan(0);
    expect(issuesOf({ scores: {}, extra: true }).length).toBeGreaterThan(0);
    expect(validateAnswer(matrix, undefined).ok).toBe(false);
  });

  it("refuses weights outside 0–10 or not whole", () => {
    for (const bad of [-1, 11, 1.5]) expect(issuesOf({ scores: {}, weights: { cost: bad } }).map((i) => i.path)).toContain("value.weights.cost");
  });

  it("refuses weights when the workbook fixes them", () => {
    const issues = issuesOf({ scores: {}, weights: { cost: 2 } }, fixed);
    expect(issues.map((i) => i.message).join(" ")).toMatch(/set by the workbook/);
    expect(validateAnswer(fixed, { scores: { mobile: { reach: 1 } } }).ok).toBe(true);
  });
});

describe("decision_matrix progress and summary", () => {
  it("counts as answered only when every option has a score on every criterion", () => {
    expect(isAnswered(matrix, full)).toBe(true);
    expect(isAnswered(matrix, partial)).toBe(false);
    expect(isAnswered(matrix, emptyValue(matrix))).toBe(false);
    expect(isAnswered(matrix, { scores: { ...full.scores, mobile: { reach: 5, cost: 9 } } })).toBe(false);
  });

  it("summarises how many cells are scored", () => {
    expect(summarizeValue(matrix, full)).toBe("4 of 4 scores");
    expect(summarizeValue(matrix, partial)).toBe("3 of 4 scores");
    expect(summarizeValue(matrix, { scores: {} })).toBe("(cleared)");
    expect(summarizeValue(matrix, null)).toBe("(empty)");
    expect(itemModule(matrix).summarize(matrix, { scores: { mobile: "junk" } })).toBe("0 of 4 scores");
  });
});

describe("decision_matrix on screen and in print", () => {
  const names = new Map<string, string>();
  it("the editor shows a labelled score list per cell and a weight box per criterion", () => {
    const html = renderToStaticMarkup(
      createElement(ItemControl, { item: matrix, value: partial, onChange: () => {}, onBlur: () => {}, onFocus: () => {}, disabled: false, members: [], labelId: "label-m" }),
    );
    expect(html).toContain('aria-label="Mobile crisis team: score for Reaches rural areas"');
    expect(html).toContain('aria-label="Co-responder unit: score for Yearly cost"');
    expect(html).toContain('aria-label="Weight of Reaches rural areas"');
    expect(html).toMatch(/aria-label="Weight of Yearly cost"[^>]*value="1"|value="1"[^>]*aria-label="Weight of Yearly cost"/);
    expect(html).toMatch(/<option value="5" selected="">5<\/option>/);
    expect(html).toContain("3 of 4 scores given.");
  });

  it("the editor hides the weight boxes when the workbook fixes the weights, and shows them in the header", () => {
    const html = renderToStaticMarkup(
      createElement(ItemControl, { item: fixed, value: emptyValue(fixed), onChange: () => {}, onBlur: () => {}, onFocus: () => {}, disabled: true, members: [], labelId: "label-f" }),
    );
    expect(html).not.toContain("Weight of");
    expect(html).toContain("weight 3");
    expect(html).toContain("0 of 4 scores given.");
  });

  it("the print view shows every option and criterion with its weight, and a dash where no score is given", () => {
    const { Answer } = printModule(matrix);
    const html = renderToStaticMarkup(createElement(Answer, { item: matrix, value: partial, names }));
    expect(html).toContain('<th scope="row" class="border border-slate-300 px-2 py-1 text-left font-normal">Mobile crisis team</th>');
    expect(html).toContain("weight 3");
    expect(html).toContain("weight 1");
    expect(html).toContain('aria-label="not scored"');
    expect(html.match(/>5</g)).toHaveLength(1);
  });
});

describe("decision_matrix in the PDF exports", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "matrix-pdf-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const template = templateSchema.parse(templateWith([matrixInput]));
  const index = indexTemplate(template);

  function model(query: Record<string, string>, answers: Record<string, unknown>): ExportModel {
    const options = exportQuerySchema.parse(query);
    return {
      workspace: { name: "Lake County", jurisdiction: "Lake County", population: null },
      template,
      answers,
      statuses: {},
      members: [],
      threads: [],
      exportedAt: new Date("2026-11-23T12:00:00Z"),
      worksheetKeys: index.worksheets.map((w) => w.key),
      options,
    };
  }

  it("prints the scores with each criterion's weight (the team's where set)", async () => {
    const pdf = await renderExportPdf(model({}, { "options.matrix": full }));
    const file = path.join(tmp, "filled.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Compare the response options");
    expect(text).toContain("Mobile crisis team");
    expect(text).toMatch(/Reaches rural areas \(weight 3\)/);
    expect(text).toMatch(/Yearly cost \(weight 2\)/);
    expect(text).toMatch(/Mobile crisis team 5 3/);
    expect(text).toMatch(/Co-responder unit 2 4/);
  }, 60_000);

  it("offers a form field per score and per weight in the blank export", async () => {
    const pdf = await renderExportPdf(model({ kind: "blank" }, {}));
    const doc = await PDFDocument.load(pdf);
    const fields = doc.getForm().getFields().map((f) => f.getName());
    const expected = blankFieldNames([matrix]);
    expect(expected).toEqual([
      "options.matrix:reach",
      "options.matrix:cost",
      "options.matrix:mobile:reach",
      "options.matrix:mobile:cost",
      "options.matrix:co-response:reach",
      "options.matrix:co-response:cost",
    ]);
    for (const name of expected) expect(fields).toContain(name);
  }, 60_000);
});
