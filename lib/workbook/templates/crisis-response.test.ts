import { describe, expect, it } from "vitest";
import { emptyValue, validateAnswer } from "../answer-schemas";
import { ACTION_PLAN_COLUMNS, ITEM_KINDS, keySchema, templateSchema, type Item } from "../template-schema";
import { crisisResponseTemplate as v1, PROGRESS_POINT_LABELS } from "./crisis-response";
import { crisisResponseTemplateV2 } from "./crisis-response-v2";
import { demoAnswers, demoStatuses } from "./demo-answers";
import { FRAMEWORK_HOSTS } from "./sources";
import { DEFAULT_TEMPLATE_KEY, getTemplate, TEMPLATES, templateIndex } from "./index";

/** The newest version, which new plans (and the demo) use; version 1 stays installed. */
const t = crisisResponseTemplateV2;
const worksheets = t.sections.flatMap((s) => s.worksheets);
const items = worksheets.flatMap((w) => w.items);
const itemsOf = <K extends Item["kind"]>(kind: K) => items.filter((i): i is Extract<Item, { kind: K }> => i.kind === kind);

/** Kinds no built-in template uses yet (their own tests cover them, see docs/adding-an-item-kind.md). */
const NOT_IN_BUILT_IN_TEMPLATE = new Set<Item["kind"]>([]);

const MEMBERS = { coordinator: "user_coord_01", member: "user_member_02", viewer: "user_viewer_03" };

describe("crisis-response template", () => {
  it("parses with templateSchema and has the expected identity", () => {
    const reparsed = templateSchema.safeParse(t);
    expect(reparsed.success, JSON.stringify(reparsed.error?.issues.slice(0, 3))).toBe(true);
    expect(t.key).toBe("crisis-response");
    expect(t.version).toBe(2);
    expect(t.title).toBe("Community Crisis Response Planning Workbook");
  });

  it("has the seven outline sections in order", () => {
    expect(t.sections.map((s) => s.key)).toEqual([
      "getting-started",
      "understanding-need",
      "mapping-system",
      "response-model",
      "capacity-resources",
      "implementation",
      "measuring-performance",
    ]);
  });

  it("has 25–35 worksheets with unique keys", () => {
    expect(worksheets.length).toBeGreaterThanOrEqual(25);
    expect(worksheets.length).toBeLessThanOrEqual(35);
    expect(new Set(worksheets.map((w) => w.key)).size).toBe(worksheets.length);
  });

  it("uses globally unique item keys that match the key format", () => {
    const keys = items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(keySchema.safeParse(k).success, k).toBe(true);
  });

  it("uses every item kind, except the newest kinds no built-in template uses yet", () => {
    const used = new Set(items.map((i) => i.kind));
    const missing = ITEM_KINDS.filter((k) => !used.has(k) && !NOT_IN_BUILT_IN_TEMPLATE.has(k));
    expect(missing).toEqual([]);
    // A kind the template starts using comes off the list.
    expect([...NOT_IN_BUILT_IN_TEMPLATE].filter((k) => used.has(k))).toEqual([]);
  });

  it("gives every section 3–5 discussion questions", () => {
    for (const s of t.sections) {
      expect(s.discussionQuestions.length, s.key).toBeGreaterThanOrEqual(3);
      expect(s.discussionQuestions.length, s.key).toBeLessThanOrEqual(5);
      for (const q of s.discussionQuestions) expect(q.trim().length).toBeGreaterThan(10);
    }
  });

  it("names at least one framework on every worksheet, with links only to known resource sites", () => {
    const allowedHosts = new Set<string>(FRAMEWORK_HOSTS);
    for (const w of worksheets) {
      expect(w.frameworks.length, w.key).toBeGreaterThan(0);
      for (const f of w.frameworks) {
        expect(f.name.trim()).not.toBe("");
        if (f.url) expect(allowedHosts.has(new URL(f.url).host), f.url).toBe(true);
      }
    }
  });

  it("links every framework to its public page", () => {
    for (const w of worksheets) for (const f of w.frameworks) expect(f.url, `${w.key}: ${f.name}`).toBeTruthy();
  });

  it("credits the Roadmap's Report Card wherever its 1–5 scale is used", () => {
    const rated = worksheets.filter((w) => w.items.some((i) => i.kind === "rating" && i.pointLabels.join("|") === PROGRESS_POINT_LABELS.join("|")));
    expect(rated.length).toBeGreaterThan(0);
    for (const w of rated) expect(w.frameworks.map((f) => f.name).some((n) => n.startsWith("Roadmap to the Ideal Crisis System")), w.key).toBe(true);
  });

  it("links resource-library entries only to known public sources", () => {
    for (const i of itemsOf("resource_links")) for (const l of i.links ?? []) expect(FRAMEWORK_HOSTS as readonly string[], l.url).toContain(new URL(l.url).host);
  });

  it("names the key public frameworks somewhere", () => {
    const names = new Set(worksheets.flatMap((w) => w.frameworks.map((f) => f.name)));
    expect(names).toContain("Sequential Intercept Model");
    expect([...names].some((n) => n.startsWith("SAMHSA National Guidelines for Behavioral Health Crisis Care (2020; updated January 2025)"))).toBe(true);
    expect([...names].some((n) => n.startsWith("Roadmap to the Ideal Crisis System (2021)"))).toBe(true);
    expect(names).toContain("Police-Mental Health Collaboration (PMHC) Framework");
    expect([...names].some((n) => n.startsWith("Crisis Now: Crisis Resource Need Calculator"))).toBe(true);
  });

  it("states that it is informed by, not a reproduction of, the CSG workbook", () => {
    expect(t.attribution).toMatch(/informed by/i);
    expect(t.attribution).toMatch(/not a reproduction/i);
    expect(t.attribution).toContain("Community-Driven Crisis Response: A Workbook for Coordinators");
    expect(t.attribution).toContain("https://jmhcp.org/resources/community-driven-crisis-response-a-workbook-for-coordinators");
  });

  it("marks 1–4 items required per worksheet (except the resource library) and never instructions", () => {
    for (const w of worksheets) {
      const required = w.items.filter((i) => i.required);
      if (w.key !== "resource-library" && w.key !== "practice") expect(required.length, w.key).toBeGreaterThanOrEqual(1);
      expect(required.length, w.key).toBeLessThanOrEqual(4);
    }
    for (const i of itemsOf("instructions")) expect(i.required, i.key).toBe(false);
  });

  it("puts the action plan at the fixed key and worksheet", () => {
    const idx = templateIndex(t.key, t.version)!;
    const entry = idx.itemByKey.get("implementation.action-plan");
    expect(entry?.item.kind).toBe("action_plan");
    expect(entry?.worksheetKey).toBe("implementation-action-plan");
    expect(entry?.sectionKey).toBe("implementation");
  });

  it("has a six-question PMHC self-assessment on the 1–5 progress scale in section 7", () => {
    const idx = templateIndex(t.key, t.version)!;
    const ws = idx.worksheetByKey.get("pmhc-self-assessment");
    expect(ws?.sectionKey).toBe("measuring-performance");
    const ratings = ws!.items.filter((i) => i.kind === "rating");
    expect(ratings).toHaveLength(6);
    for (const r of ratings) {
      if (r.kind !== "rating") continue;
      expect([r.min, r.max]).toEqual([1, 5]);
      expect(r.pointLabels).toEqual(PROGRESS_POINT_LABELS);
    }
    expect(PROGRESS_POINT_LABELS).toEqual([
      "Not started",
      "Aware, no plans yet",
      "Early implementation",
      "Substantial progress",
      "Functioning well",
    ]);
  });

  it("uses every table column type, required columns, and a member-linked roster", () => {
    const tables = itemsOf("table");
    const colTypes = new Set(tables.flatMap((i) => i.columns.map((c) => c.type)));
    expect([...colTypes].sort()).toEqual(["choice", "date", "member", "number", "text"]);
    expect(tables.some((i) => i.columns.some((c) => c.required))).toBe(true);
    const roster = tables.find((i) => i.key === "roster.members");
    expect(roster?.columns.map((c) => c.type)).toContain("member");
    expect(roster?.columns.filter((c) => c.required).map((c) => c.key)).toEqual(
      expect.arrayContaining(["name", "organization"]),
    );
  });

  it("offers 'other' on some multiple-choice item and charts monthly call data", () => {
    expect(itemsOf("multiple_choice").some((i) => i.allowOther)).toBe(true);
    const calls = itemsOf("data_series").find((i) => i.key === "calls.by-type");
    expect(calls?.rowLabel).toBe("Month");
    expect(calls?.chart).toBe("bar");
    expect(calls!.columns.length).toBeGreaterThanOrEqual(3);
  });

  it("gives each Crisis Resource Need Calculator default as an editable number with its source", () => {
    const idx = templateIndex(t.key, t.version)!;
    const capacity = idx.worksheetByKey.get("capacity-estimate")!;
    const defaults = capacity.items.flatMap((i) => (i.kind === "number" && i.default ? [i.default] : []));
    const published = defaults.filter((d) => d.source.title.startsWith("Crisis Resource Need Calculator"));
    expect(published.map((d) => d.value)).toEqual([230, 32, 54, 14, 30, 35, 25, 100, 3]);
    for (const d of published) expect(d.source.url).toMatch(/^https:\/\/talk\.crisisnow\.com\//);
    // The population comes from the community profile; the results are calculated, not typed.
    const population = capacity.items.find((i) => i.key === "capacity.population");
    expect(population?.kind === "number" && population.from).toBe("profile.population");
    expect(capacity.items.find((i) => i.key === "capacity.estimate")?.kind).toBe("calculated");
    expect(capacity.items.some((i) => i.kind === "table")).toBe(false);
  });

  it("credits the 250,000-people staffing example to the Roadmap, not to Crisis Now", () => {
    const body = (templateIndex(t.key, t.version)!.itemByKey.get("capacity.how-to")!.item as { body: string }).body;
    expect(body).toMatch(/Roadmap to the Ideal Crisis System[^.]*\(Group for the Advancement of Psychiatry/);
    expect(body).toMatch(/crisis centre — not mobile teams — for 250,000 people/);
    expect(body).not.toMatch(/Crisis Now calculator/);
  });

  it("makes the capacity results, funding gap, options fit and risk scores calculated, under new keys where the meaning changed", () => {
    const idx = templateIndex(t.key, t.version)!;
    const kinds = (k: string) => idx.itemByKey.get(k)?.item.kind;
    expect(kinds("capacity.estimate")).toBe("calculated");
    expect(kinds("budget.gap")).toBe("calculated");
    expect(kinds("options.ranking")).toBe("calculated");
    expect(kinds("risks.scores")).toBe("calculated");
    expect(kinds("officer.hours")).toBe("calculated");
    for (const gone of ["capacity.results", "funding.gap", "options.table"]) expect(idx.itemByKey.has(gone), gone).toBe(false);
    // Version 1 keeps its items for plans created from it.
    const old = templateIndex(t.key, 1)!;
    for (const k of ["capacity.results", "funding.gap", "options.table"]) expect(old.itemByKey.has(k), k).toBe(true);
    // Keys that keep their meaning are kept.
    for (const k of ["profile.population", "capacity.population", "funding.sources", "risks.register", "options.chosen"]) {
      expect(kinds(k), k).toBe(old.itemByKey.get(k)?.item.kind);
    }
  });

  it("links CSG resources in a resource library", () => {
    const lib = itemsOf("resource_links").find((i) => i.key === "resources.csg");
    expect(lib?.links.length).toBeGreaterThanOrEqual(5);
    for (const l of lib!.links) expect(l.url).toMatch(/^https:\/\//);
  });
});

describe("template registry", () => {
  it("exposes the default template by key and exact version", () => {
    expect(DEFAULT_TEMPLATE_KEY).toBe("crisis-response");
    expect(TEMPLATES[DEFAULT_TEMPLATE_KEY]).toBe(t);
    expect(getTemplate("crisis-response", 1)).toBe(v1);
    expect(getTemplate("crisis-response", 2)).toBe(t);
    expect(getTemplate("crisis-response", 3)).toBeUndefined();
    expect(getTemplate("nope", 1)).toBeUndefined();
    expect(getTemplate("constructor", 1)).toBeUndefined();
  });

  it("memoizes the template index", () => {
    const a = templateIndex("crisis-response", 2);
    expect(a).toBeDefined();
    expect(templateIndex("crisis-response", 2)).toBe(a);
    expect(a!.worksheets).toHaveLength(worksheets.length);
    expect(templateIndex("crisis-response", 99)).toBeUndefined();
  });
});

describe("demo answers", () => {
  const idx = templateIndex(t.key, t.version)!;
  const answers = demoAnswers(MEMBERS);
  const byKey = new Map(answers.map((a) => [a.itemKey, a.value]));
  const isFilled = (item: Item, value: unknown) => JSON.stringify(value) !== JSON.stringify(emptyValue(item));

  it("refer to existing, answerable items, once each", () => {
    expect(byKey.size).toBe(answers.length);
    for (const a of answers) {
      const entry = idx.itemByKey.get(a.itemKey);
      expect(entry, a.itemKey).toBeDefined();
      expect(entry!.item.kind, a.itemKey).not.toBe("instructions");
    }
  });

  it("all pass validateAnswer", () => {
    for (const a of answers) {
      const { item } = idx.itemByKey.get(a.itemKey)!;
      const result = validateAnswer(item, a.value);
      expect(result.ok ? [] : result.issues, a.itemKey).toEqual([]);
      expect(isFilled(item, a.value), a.itemKey).toBe(true);
    }
  });

  it("fill roughly half of the workbook", () => {
    const filled = new Set(answers.map((a) => idx.itemByKey.get(a.itemKey)!.worksheetKey));
    expect(filled.size / worksheets.length).toBeGreaterThanOrEqual(0.35);
    expect(filled.size / worksheets.length).toBeLessThanOrEqual(0.7);
  });

  it("include 6–12 months of call data and an action plan owned by the given members", () => {
    const calls = byKey.get("calls.by-type") as { rows: unknown[] };
    expect(calls.rows.length).toBeGreaterThanOrEqual(6);
    expect(calls.rows.length).toBeLessThanOrEqual(12);

    const plan = byKey.get("implementation.action-plan") as { rows: Array<{ cells: Record<string, unknown> }> };
    expect(plan.rows.length).toBeGreaterThanOrEqual(3);
    const owners = new Set(plan.rows.map((r) => r.cells.owner));
    expect(owners).toEqual(new Set([MEMBERS.coordinator, MEMBERS.member]));
    const requiredCols = ACTION_PLAN_COLUMNS.filter((c) => c.required).map((c) => c.key);
    for (const r of plan.rows) for (const c of requiredCols) expect(r.cells[c], c).toBeTruthy();
  });

  it("use the member ids passed in for member cells", () => {
    const ids = new Set(Object.values(MEMBERS));
    for (const a of answers) {
      const { item } = idx.itemByKey.get(a.itemKey)!;
      const cols = item.kind === "table" ? item.columns : item.kind === "action_plan" ? ACTION_PLAN_COLUMNS : [];
      const memberCols = cols.filter((c) => c.type === "member").map((c) => c.key);
      if (!memberCols.length) continue;
      for (const row of (a.value as { rows: Array<{ cells: Record<string, unknown> }> }).rows) {
        for (const c of memberCols) if (row.cells[c] != null) expect(ids.has(row.cells[c] as string), a.itemKey).toBe(true);
      }
    }
  });

  it("have statuses for real worksheets that match how filled they are", () => {
    const statuses = Object.entries(demoStatuses);
    expect(new Set(statuses.map(([, s]) => s)).size).toBeGreaterThanOrEqual(3);
    for (const [wsKey, status] of statuses) {
      const ws = idx.worksheetByKey.get(wsKey);
      expect(ws, wsKey).toBeDefined();
      const answered = ws!.items.filter((i) => byKey.has(i.key));
      if (status !== "NOT_STARTED") expect(answered.length, wsKey).toBeGreaterThan(0);
      if (status === "COMPLETE" || status === "READY_FOR_REVIEW") {
        const missing = ws!.items.filter((i) => i.required && !byKey.has(i.key)).map((i) => i.key);
        expect(missing, wsKey).toEqual([]);
      }
    }
    // Every worksheet with answers has a status.
    const filled = new Set(answers.map((a) => idx.itemByKey.get(a.itemKey)!.worksheetKey));
    for (const wsKey of filled) expect(demoStatuses[wsKey], wsKey).toBeDefined();
  });
});
