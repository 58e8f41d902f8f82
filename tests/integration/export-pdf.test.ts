import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFArray, PDFCheckBox, PDFDict, PDFDocument, PDFDropdown, PDFHexString, PDFName, PDFString, PDFTextField } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { exportPdf } from "@/lib/export/service";
import { hasFontForScript, UNSUPPORTED_SCRIPT } from "@/lib/export/pdf/fonts";
import { lastRender, renderExportPdf } from "@/lib/export/pdf/render";
import { formatIsoDate, formatNumber } from "@/lib/export/pdf/theme";
import { pdfWorkerStats, shutdownPdfWorkers } from "@/lib/export/worker-pool";
import { ACTION_PLAN_COLUMNS, isAnswerable, type Item } from "@/lib/workbook/template-schema";
import { createExportFixture, demoExportModel, demoIndex, MULTILINGUAL, type ExportFixture } from "../support/export-fixtures";

// ---------------------------------------------------------------------------
// Reading PDFs back with poppler

const tmp = mkdtempSync(path.join(os.tmpdir(), "export-pdf-"));
let fileCounter = 0;

type Pdf = { file: string; pages: number; page: (n: number) => string; raw: string; layout: (from: number, to: number) => string };

function readPdf(body: Buffer): Pdf {
  const file = path.join(tmp, `out-${++fileCounter}.pdf`);
  writeFileSync(file, body);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const cache = new Map<number, string>();
  return {
    file,
    pages,
    page: (n) => {
      if (!cache.has(n)) cache.set(n, execFileSync("pdftotext", ["-f", String(n), "-l", String(n), file, "-"], { encoding: "utf8" }));
      return cache.get(n)!;
    },
    // Content-stream order: each table cell and paragraph comes out in one piece.
    raw: execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }),
    layout: (from, to) => execFileSync("pdftotext", ["-layout", "-f", String(from), "-l", String(to), file, "-"], { encoding: "utf8" }),
  };
}

/** Whitespace-free form, so wrapped lines compare equal to the original text. */
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
  return err as AppError;
}

/** Strings that must appear in the PDF for an answered item. */
function expectedStrings(item: Item, value: unknown, names: Map<string, string>): string[] {
  const out: string[] = [];
  const label = (opts: { value: string; label: string }[] | undefined, v: unknown) => opts?.find((o) => o.value === v)?.label ?? String(v);
  const cell = (type: string, options: { value: string; label: string }[] | undefined, v: unknown) => {
    if (v === null || v === undefined || v === "") return null;
    if (type === "number") return formatNumber(v as number);
    if (type === "date") return formatIsoDate(v as string, "short");
    if (type === "choice") return label(options, v);
    if (type === "member") return names.get(v as string) ?? "Former team member";
    return String(v);
  };
  switch (item.kind) {
    case "short_text":
    case "long_text":
      for (const para of String(value).split(/\n+/)) if (para.trim()) out.push(para.trim().slice(0, 80));
      break;
    case "number":
      out.push(`${formatNumber(value as number)}${item.unit ? ` ${item.unit}` : ""}`);
      break;
    case "date":
      out.push(formatIsoDate(value as string));
      break;
    case "rating":
      out.push(`Rated ${value} of ${item.max}`);
      break;
    case "single_choice": {
      const v = value as { choice: string | null; other?: string };
      if (v.choice && v.choice !== "other") out.push(label(item.options, v.choice));
      if (v.choice === "other" && v.other) out.push(v.other);
      break;
    }
    case "multiple_choice": {
      const v = value as { choices: string[]; other?: string };
      for (const c of v.choices) if (c !== "other") out.push(label(item.options, c));
      if (v.other) out.push(v.other);
      break;
    }
    case "checklist":
      for (const c of (value as { checked: string[] }).checked) out.push(label(item.options, c));
      break;
    case "table":
    case "action_plan": {
      const columns = item.kind === "table" ? item.columns : ACTION_PLAN_COLUMNS;
      for (const row of (value as { rows: { cells: Record<string, unknown> }[] }).rows) {
        for (const c of columns) {
          const text = cell(c.type, c.options, row.cells[c.key]);
          if (text) out.push(text);
        }
      }
      break;
    }
    case "data_series":
      for (const row of (value as { rows: { label: string; values: Record<string, number | null> }[] }).rows) {
        out.push(row.label);
        for (const c of item.columns) if (typeof row.values[c.key] === "number") out.push(formatNumber(row.values[c.key] as number));
      }
      break;
    case "resource_links":
      for (const l of (value as { links: { title: string; url: string }[] }).links) out.push(l.title, l.url);
      break;
  }
  return out;
}

/** The PDF outline as nested titles. */
function outline(doc: PDFDocument): { title: string; children: { title: string }[] }[] {
  const text = (o: unknown) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : "");
  const walk = (first: unknown): { title: string; children: { title: string }[] }[] => {
    const out = [];
    let node = first instanceof PDFDict ? first : undefined;
    while (node) {
      const title = text(node.lookup(PDFName.of("Title")));
      const kids = node.lookup(PDFName.of("First"));
      out.push({ title, children: kids ? walk(kids) : [] });
      const next = node.lookup(PDFName.of("Next"));
      node = next instanceof PDFDict ? next : undefined;
    }
    return out;
  };
  const root = doc.catalog.lookup(PDFName.of("Outlines"));
  return root instanceof PDFDict ? walk(root.lookup(PDFName.of("First"))) : [];
}

// ---------------------------------------------------------------------------

let fx: ExportFixture;
let names: Map<string, string>;
const index = demoIndex();

beforeAll(async () => {
  fx = await createExportFixture({ actionRows: 200 });
  names = new Map([fx.coordinator, fx.member, fx.viewer].map((a) => [a.userId, a.name]));
});

afterAll(async () => {
  await shutdownPdfWorkers();
  rmSync(tmp, { recursive: true, force: true });
});

describe("full workbook export", () => {
  let pdf: Pdf;
  let filename: string;

  beforeAll(async () => {
    const result = await exportPdf(fx.coordinator, fx.workspaceId, { includeComments: "true" });
    filename = result.filename;
    expect(result.body.subarray(0, 5).toString()).toBe("%PDF-");
    pdf = readPdf(result.body);
  });

  it("is named after the workspace and the date", () => {
    expect(filename).toMatch(/^demo-county-crisis-response-plan-\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  it("has a cover with the workspace, stage, date and team roster", () => {
    const cover = pdf.page(1);
    for (const s of [
      "Demo County Crisis Response Plan",
      "Demo County (fictional)",
      "DRAFT",
      "Exported",
      index.template.title,
      "Planning team",
      "Dana Reyes",
      "Coordinator",
      "Sam Okafor",
      "Member",
      "Lee Whitfield",
      "Viewer",
      // Organisations come from the roster worksheet's table.
      "Demo County Behavioral Health",
      "Riverside Police Department",
    ]) {
      expect(cover, s).toContain(s);
    }
    expect(cover).not.toMatch(/Page \d+ of/);
  });

  it("has a table of contents whose page numbers are where each worksheet starts", () => {
    const toc = pdf.layout(2, 3);
    let checked = 0;
    index.template.sections.forEach((section, si) => {
      const sectionLine = new RegExp(`^\\s*${si + 1}\\. ${section.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*?(\\d+)\\s*$`, "m").exec(toc);
      expect(sectionLine, section.title).not.toBeNull();
      const sectionPage = Number(sectionLine![1]);
      expect(pdf.page(sectionPage)).toContain(`SECTION ${si + 1}`);
      section.worksheets.forEach((w, wi) => {
        const number = `${si + 1}.${wi + 1}`;
        const line = new RegExp(`^\\s*${number.replace(".", "\\.")}\\s+(.+?)\\s+(\\d+)\\s*$`, "m").exec(toc);
        expect(line, number).not.toBeNull();
        const start = Number(line![2]);
        expect(squash(pdf.page(start))).toContain(squash(`WORKSHEET ${number}${w.title}`));
        // …and it starts there: the page before belongs to something else.
        expect(pdf.page(start - 1)).not.toContain(`WORKSHEET ${number}\n`);
        checked++;
      });
    });
    expect(checked).toBe(index.worksheets.length);
  });

  it("numbers every page after the cover as Page X of Y", () => {
    for (let p = 2; p <= pdf.pages; p++) expect(pdf.page(p), `page ${p}`).toContain(`Page ${p} of ${pdf.pages}`);
  });

  it("shows every answered item's value", () => {
    const text = squash(pdf.raw);
    let count = 0;
    for (const [itemKey, value] of fx.answers) {
      if (value === MULTILINGUAL.ar) continue; // right-to-left text: see the Arabic test
      const entry = index.itemByKey.get(itemKey)!;
      for (const s of expectedStrings(entry.item, value, names)) {
        expect(text.includes(squash(s)), `${itemKey}: ${s}`).toBe(true);
        count++;
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(pdf.raw).toContain("Not answered yet");
  });

  it("keeps Spanish and Vietnamese text exactly", () => {
    const text = execFileSync("pdftotext", [pdf.file, "-"], { encoding: "utf8" });
    expect(text).toContain(MULTILINGUAL.es);
    expect(text).toContain(MULTILINGUAL.vi);
  });

  it.skipIf(!hasFontForScript("CJK"))("keeps Chinese text (a CJK font is installed)", () => {
    expect(pdf.raw).toContain(MULTILINGUAL.zh);
  });

  it.skipIf(!hasFontForScript("Arabic"))("keeps Arabic text (an Arabic font is installed)", () => {
    expect(execFileSync("pdffonts", [pdf.file], { encoding: "utf8" })).toContain("NotoSansArabic");
    // The text layer maps every glyph back to its letters, but poppler returns
    // a right-to-left line word by word in visual order and spells the
    // lam-alef ligature alef-first. So compare words as sets of letters.
    const letters = (w: string) => [...w].sort().join("");
    const page = [...Array(pdf.pages).keys()].map((i) => pdf.page(i + 1)).find((t) => t.includes("Which period do these numbers cover?"))!;
    const found = (page.match(/[\u0600-\u06ff]+/g) ?? []).map(letters).sort();
    expect(found).toEqual(MULTILINGUAL.ar.split(" ").map(letters).sort());
  });

  it("runs a 200-row action plan over several pages with its header on each and no split rows", () => {
    const pages: number[] = [];
    for (let p = 1; p <= pdf.pages; p++) if (/Objective \d{3}/.test(pdf.page(p))) pages.push(p);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    let rows = 0;
    for (const p of pages) {
      const text = pdf.page(p);
      for (const h of ["Objective", "Action step", "Owner", "Due date", "Status"]) expect(text, `page ${p}`).toContain(h);
      const found = [...text.matchAll(/Objective (\d{3})/g)].map((m) => m[1]);
      for (const k of found) {
        // The whole row is on this page.
        expect(squash(text)).toContain(squash(`Action ${k}: confirm the hand-off step with the partner agency`));
      }
      rows += new Set(found).size;
    }
    expect(rows).toBe(200);
  });

  it("shows open comment threads but not deleted or resolved comments", () => {
    expect(pdf.raw).toContain("Should the purpose name the 988 center explicitly?");
    expect(pdf.raw).toContain("Yes; the 988 director agreed at the last meeting.");
    expect(pdf.raw).toContain("On the worksheet as a whole");
    expect(pdf.raw).not.toContain("This comment was withdrawn.");
    expect(pdf.raw).not.toContain("Resolved thread text");
  });

  it("ends each section with its discussion questions", () => {
    for (const s of index.template.sections) {
      expect(squash(pdf.raw)).toContain(squash(`Discussion questions: ${s.title}`));
      expect(squash(pdf.raw)).toContain(squash(s.discussionQuestions[0]));
    }
  });

  it("has bookmarks for sections with their worksheets nested", async () => {
    const doc = await PDFDocument.load(execFileSync("cat", [pdf.file]));
    const tree = outline(doc);
    expect(tree[0].title).toBe("Contents");
    const sections = tree.filter((t) => /^\d+\. /.test(t.title));
    expect(sections.map((s) => s.title)).toEqual(index.template.sections.map((s, i) => `${i + 1}. ${s.title}`));
    expect(sections[0].children.map((c) => c.title)).toEqual(index.template.sections[0].worksheets.map((w, i) => `1.${i + 1} ${w.title}`));
  });
});

describe("other export kinds", () => {
  it("exports a selection of sections and worksheets, in template order", async () => {
    const { body, filename } = await exportPdf(fx.viewer, fx.workspaceId, { kind: "selection", worksheets: "funding,team-charter", sections: "understanding-need" });
    expect(filename).toMatch(/-selection-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = readPdf(body);
    const toc = pdf.layout(2, 2);
    const order = ["Team charter", "Community profile", "Community input plan", "Funding sources and sustainability"].map((t) => toc.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(toc).not.toContain("Planning team roster");
    const line = /Funding sources and sustainability\s+(\d+)/.exec(toc)!;
    expect(pdf.page(Number(line[1]))).toContain("Funding sources and sustainability");
    expect(pdf.raw).not.toContain("Should the purpose name the 988 center"); // comments are off by default
  });

  it("exports a meeting packet: cover, agenda with page numbers, worksheets, comments, questions, notes", async () => {
    const { body, filename } = await exportPdf(fx.member, fx.workspaceId, {
      kind: "packet",
      worksheets: "pmhc-self-assessment,team-charter",
      title: "November planning meeting",
      date: "2026-11-30",
    });
    expect(filename).toMatch(/-meeting-packet-2026-11-30\.pdf$/);
    const pdf = readPdf(body);
    const cover = pdf.page(1);
    expect(cover).toContain("MEETING PACKET");
    expect(cover).toContain("November planning meeting");
    expect(cover).toContain("November 30, 2026");
    const agenda = pdf.layout(2, 2);
    expect(agenda).toContain("Agenda");
    const entries: Array<[RegExp, string]> = [
      [/1\. Police-mental health collaboration self-assessment\s+(\d+)/, "Police-mental health collaboration self-assessment"],
      [/2\. Team charter\s+(\d+)/, "Team charter"],
      [/Discussion questions\s+(\d+)/, "Discussion questions"],
      [/Notes\s+(\d+)/, "Notes"],
    ];
    let last = 2;
    for (const [re, title] of entries) {
      const m = re.exec(agenda);
      expect(m, title).not.toBeNull();
      const page = Number(m![1]);
      expect(page).toBeGreaterThan(last);
      expect(pdf.page(page)).toContain(title);
      last = page;
    }
    expect(last).toBe(pdf.pages); // Notes is the last page
    // Comments are on by default for packets.
    expect(pdf.raw).toContain("Should the purpose name the 988 center explicitly?");
    expect(pdf.raw).toContain("Ratings at a glance");
  });

  it("can skip unanswered items and include a progress page and the final stage", async () => {
    const { body } = await exportPdf(fx.coordinator, fx.workspaceId, {
      kind: "selection",
      worksheets: "welcome,training-plan",
      includeUnanswered: "false",
      includeProgress: "true",
      stage: "final",
    });
    const pdf = readPdf(body);
    expect(pdf.page(1)).toContain("FINAL");
    expect(pdf.raw).toContain("Progress summary");
    expect(pdf.raw).toMatch(/\d+%/);
    expect(pdf.raw).not.toContain("Not answered yet");
    expect(pdf.raw).toContain("No answers yet"); // training-plan has no answers
    expect(pdf.raw).toContain(String(fx.answers.get("welcome.community-name")).slice(0, 30));
  });

  it("exports fillable blank worksheets with one field per answerable item", async () => {
    const keys = ["practice", "team-charter", "pmhc-self-assessment", "implementation-action-plan"];
    const { body, filename } = await exportPdf(fx.viewer, fx.workspaceId, { kind: "blank", worksheets: keys.join(",") });
    expect(filename).toMatch(/-blank-worksheets-\d{4}-\d{2}-\d{2}\.pdf$/);
    const doc = await PDFDocument.load(body);
    const fields = new Map(doc.getForm().getFields().map((f) => [f.getName(), f]));
    const expected = new Map<string, string>();
    for (const key of keys) {
      for (const item of index.worksheetByKey.get(key)!.items) {
        if (!isAnswerable(item)) continue;
        switch (item.kind) {
          case "short_text":
          case "number":
          case "date":
            expected.set(item.key, "text");
            break;
          case "long_text":
          case "table":
          case "action_plan":
          case "data_series":
          case "resource_links":
            expected.set(item.key, "multiline");
            break;
          case "rating":
            expected.set(item.key, `dropdown:${item.max - item.min + 1}`);
            break;
          case "single_choice":
          case "multiple_choice":
            for (const o of item.options) expected.set(`${item.key}:${o.value}`, "checkbox");
            if (item.allowOther) {
              expected.set(`${item.key}:other`, "checkbox");
              expected.set(`${item.key}:other-text`, "text");
            }
            break;
          case "checklist":
            for (const o of item.options) expected.set(`${item.key}:${o.value}`, "checkbox");
            if (item.allowNoneApply) expected.set(`${item.key}:none-apply`, "checkbox");
            break;
        }
      }
    }
    expect(expected.size).toBeGreaterThan(30);
    for (const [name, kind] of expected) {
      const field = fields.get(name);
      expect(field, name).toBeDefined();
      if (kind === "checkbox") expect(field, name).toBeInstanceOf(PDFCheckBox);
      else if (kind.startsWith("dropdown")) {
        expect(field, name).toBeInstanceOf(PDFDropdown);
        // An empty entry plus one per point.
        expect((field as PDFDropdown).getOptions().filter(Boolean)).toHaveLength(Number(kind.split(":")[1]));
      } else {
        expect(field, name).toBeInstanceOf(PDFTextField);
        expect((field as PDFTextField).isMultiline(), name).toBe(kind === "multiline");
      }
    }
    expect([...fields.keys()].sort()).toEqual([...expected.keys()].sort());
    // Widgets are on pages (one per field).
    const widgets = doc.getPages().reduce((n, p) => n + ((p.node.lookup(PDFName.of("Annots")) as PDFArray | undefined)?.size() ?? 0), 0);
    expect(widgets).toBeGreaterThanOrEqual(expected.size);
  });
});

describe("errors", () => {
  it("hides the workspace from non-members", async () => {
    await expectAppError(exportPdf(fx.outsider, fx.workspaceId, {}), "not_found", /Workspace was not found/);
    await expectAppError(exportPdf(fx.coordinator, "no-such-workspace", {}), "not_found");
  });

  it("rejects bad queries with a message naming the parameter", async () => {
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { kind: "poster" }), "bad_request", /^kind: Use one of: workbook, selection, packet, blank/);
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { format: "a4" }), "bad_request", /Unknown query parameter: “format”/);
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { includeUnanswered: "maybe" }), "bad_request", /^includeUnanswered: Use true or false/);
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { stage: "published" }), "bad_request", /^stage: Use one of: draft, final/);
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { kind: "selection" }), "bad_request", /kind=selection needs sections or worksheets/);
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { worksheets: "funding" }), "bad_request", /use kind=selection/);
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { kind: "packet", worksheets: "funding", date: "2026-11-30" }), "bad_request", /^title: A meeting packet needs the meeting title/);
    await expectAppError(
      exportPdf(fx.coordinator, fx.workspaceId, { kind: "packet", worksheets: "funding", title: "x".repeat(201), date: "2026-11-30" }),
      "bad_request",
      /^title: At most 200 characters/,
    );
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { kind: "packet", worksheets: "funding", title: "Meeting", date: "2026-02-30" }), "bad_request", /^date: Use a date like/);
    await expectAppError(exportPdf(fx.coordinator, fx.workspaceId, { title: "Meeting" }), "bad_request", /title is only used with kind=packet/);
  });

  it("rejects section and worksheet keys the workbook does not have", async () => {
    const err = await expectAppError(
      exportPdf(fx.coordinator, fx.workspaceId, { kind: "selection", worksheets: "funding,no-such-sheet", sections: "nope" }),
      "bad_request",
      /unknown section key “nope” and unknown worksheet key “no-such-sheet”/,
    );
    expect(err.issues).toEqual([
      { path: "sections", message: "No section “nope” in this workbook" },
      { path: "worksheets", message: "No worksheet “no-such-sheet” in this workbook" },
    ]);
  });

  it("checks access before the query: an outsider learns nothing, a member gets a specific 400", async () => {
    await expectAppError(exportPdf(fx.outsider, fx.workspaceId, { kind: "poster" }), "not_found");
    await expectAppError(exportPdf(fx.outsider, fx.workspaceId, { kind: "selection", worksheets: "no-such-sheet" }), "not_found");
    await expectAppError(exportPdf(fx.viewer, fx.workspaceId, { kind: "poster" }), "bad_request", /kind/);
    await expectAppError(exportPdf(fx.viewer, fx.workspaceId, { kind: "selection", worksheets: "no-such-sheet" }), "bad_request", /no-such-sheet/);
  });
});

describe("fonts and rendering", () => {
  it("marks text no installed font can show and warns once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const saved = process.env.PDF_FONT_DIR;
    process.env.PDF_FONT_DIR = tmp; // no fonts here: CJK and Arabic become unsupported too
    resetConfigCache();
    try {
      const model = demoExportModel({ kind: "selection", worksheets: "practice" });
      model.answers["practice.short"] = `Linear A 𐘀𐘁𐘂 and ${MULTILINGUAL.zh} end`;
      const pdf = readPdf(await renderExportPdf(model));
      const text = pdf.raw;
      expect(text).toContain(`Linear A ${UNSUPPORTED_SCRIPT} and ${UNSUPPORTED_SCRIPT} end`);
      // The contents page numbers were right on the first pass.
      expect(lastRender?.passes).toBe(1);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/no font available for .*CJK/);
    } finally {
      if (saved === undefined) delete process.env.PDF_FONT_DIR;
      else process.env.PDF_FONT_DIR = saved;
      resetConfigCache();
      warn.mockRestore();
    }
  });

  it("reuses its worker without growing memory export after export", async () => {
    const query = { kind: "selection", sections: "getting-started" };
    await exportPdf(fx.coordinator, fx.workspaceId, query);
    await exportPdf(fx.coordinator, fx.workspaceId, query);
    const before = await pdfWorkerStats();
    for (let i = 0; i < 4; i++) await exportPdf(fx.coordinator, fx.workspaceId, query);
    const after = await pdfWorkerStats();
    // Garbage collection timing varies; a leak of a document per export would show as steady growth.
    expect(after.heapUsed).toBeLessThan(before.heapUsed * 1.6 + 32 * 1024 * 1024);
  });
});
