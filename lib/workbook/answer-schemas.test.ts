import { afterAll, describe, expect, it } from "vitest";
import { answerSchema, emptyValue, MAX_ANSWER_BYTES, validateAnswer } from "./answer-schemas";
import { ACTION_PLAN_COLUMNS, ITEM_KINDS, itemSchema, type Item, type ItemKind, type ItemOf } from "./template-schema";

/**
 * The answer schema of every item kind: what a person may save, what is
 * refused (and where the refusal points), and the limits exactly at and one
 * past their edge. Fixtures are small items parsed with `itemSchema`, so the
 * template defaults apply just as they do for the built-in template.
 */

const covered = new Set<ItemKind>();

function item<K extends ItemKind>(kind: K, extra: Record<string, unknown> = {}): ItemOf<K> {
  covered.add(kind);
  return itemSchema.parse({ key: `t.${kind}`, label: `A ${kind} question`, kind, ...extra }) as ItemOf<K>;
}

function accepts(it: Item, value: unknown) {
  const r = validateAnswer(it, value);
  expect(r.ok, `expected ${JSON.stringify(value)?.slice(0, 200)} to be accepted: ${JSON.stringify(r)}`).toBe(true);
  return r.ok ? r.value : undefined;
}

/** Refused, with an issue at `path` (full path from `value`), optionally with a message. */
function refuses(it: Item, value: unknown, path?: string, message?: RegExp) {
  const r = validateAnswer(it, value);
  expect(r.ok, `expected ${JSON.stringify(value)?.slice(0, 200)} to be refused`).toBe(false);
  if (r.ok) return [];
  for (const issue of r.issues) {
    expect(issue.path === "value" || issue.path.startsWith("value.")).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  if (path !== undefined) expect(r.issues.map((i) => i.path)).toContain(path);
  if (message) expect(r.issues.map((i) => i.message).join(" | ")).toMatch(message);
  return r.issues;
}

const WRONG_TYPES: unknown[] = ["text", 42, true, [], {}, null];
const without = (list: unknown[], ...skip: unknown[]) => list.filter((v) => !skip.some((s) => JSON.stringify(s) === JSON.stringify(v)));

afterAll(() => {
  // Every kind the template knows has its own block of cases above.
  expect([...covered].sort()).toEqual([...ITEM_KINDS].sort());
});

describe("instructions", () => {
  const i = item("instructions", { body: "Read this first." });
  it("takes no answer: only null", () => {
    accepts(i, null);
    for (const v of without(WRONG_TYPES, null)) refuses(i, v, "value");
    refuses(i, "");
  });
});

describe("calculated", () => {
  const i = item("calculated", { calculator: "formula", inputs: {}, config: { inputs: {}, lines: [{ key: "x", label: "X", expression: "1 + 1", words: "one plus one" }] } });
  it("takes no answer: only null, and says why", () => {
    accepts(i, null);
    for (const v of without(WRONG_TYPES, null)) refuses(i, v, "value", /calculated from other answers/);
  });
});

describe("short_text", () => {
  const i = item("short_text", { maxLength: 10 });
  it("accepts text up to its max length, including the empty string", () => {
    expect(accepts(i, "")).toBe("");
    expect(accepts(i, "Lake Co")).toBe("Lake Co");
    expect(accepts(i, "x".repeat(10))).toBe("x".repeat(10));
    accepts(i, "ÅÉÎØÜ ñ 中文");
  });
  it("refuses one character over the max, with the limit in the message", () => {
    refuses(i, "x".repeat(11), "value", /At most 10 characters/);
  });
  it("refuses anything that is not a string, including null", () => {
    for (const v of without(WRONG_TYPES, "text")) refuses(i, v, "value");
  });
  it("uses the template default of 200 characters when no max is given", () => {
    const d = item("short_text");
    accepts(d, "y".repeat(200));
    refuses(d, "y".repeat(201), "value", /At most 200/);
  });
});

describe("long_text", () => {
  const i = item("long_text", { maxLength: 2000 });
  it("accepts empty, multi-line and exactly-max text", () => {
    accepts(i, "");
    accepts(i, "Line one\nLine two\n\n— and a third");
    accepts(i, "z".repeat(2000));
  });
  it("refuses one over the max and non-strings", () => {
    refuses(i, "z".repeat(2001), "value", /At most 2000 characters/);
    for (const v of without(WRONG_TYPES, "text")) refuses(i, v, "value");
  });
  it("defaults to 5000 characters", () => {
    const d = item("long_text");
    accepts(d, "a".repeat(5000));
    refuses(d, "a".repeat(5001), "value");
  });
});

describe("number", () => {
  const i = item("number", { min: 0, max: 80, integer: true });
  it("accepts whole numbers in range, both bounds included, and null for a cleared answer", () => {
    for (const v of [0, 1, 42, 80]) expect(accepts(i, v)).toBe(v);
    expect(accepts(i, null)).toBeNull();
  });
  it("refuses numbers out of range, with the bound in the message", () => {
    refuses(i, -1, "value", /At least 0/);
    refuses(i, 81, "value", /At most 80/);
    refuses(i, 80.0001, "value");
  });
  it("refuses non-integers where a whole number is required", () => {
    refuses(i, 2.5, "value", /whole number/);
  });
  it("refuses numbers written as text, and other types", () => {
    refuses(i, "5", "value", /Enter a number/);
    refuses(i, "", "value");
    for (const v of [true, [], {}]) refuses(i, v, "value");
  });
  it("refuses non-finite numbers", () => {
    refuses(i, Number.POSITIVE_INFINITY, "value");
    refuses(i, Number.NaN, "value");
    const open = item("number");
    refuses(open, Number.NEGATIVE_INFINITY, "value");
  });
  it("allows decimals and any magnitude when the item sets no limits", () => {
    const open = item("number");
    for (const v of [-1e9, -0.5, 0, 3.14159, 1e12]) accepts(open, v);
  });
});

describe("date", () => {
  const i = item("date");
  it("accepts real calendar dates in YYYY-MM-DD form, and null", () => {
    accepts(i, "2026-03-31");
    accepts(i, "2024-02-29");
    accepts(i, "1999-12-31");
    accepts(i, null);
  });
  it("refuses impossible or badly formatted dates with a hint", () => {
    for (const bad of ["2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "2026-3-5", "31/03/2026", "2026-03-31T10:00:00Z", "tomorrow"]) {
      refuses(i, bad, "value", /Use a date like 2026-03-31/);
    }
  });
  it("refuses the empty string and non-strings", () => {
    refuses(i, "", "value");
    for (const v of [20260331, true, [], {}]) refuses(i, v, "value");
  });
});

describe("single_choice", () => {
  const options = [
    { value: "contact", label: "Someone to contact" },
    { value: "respond", label: "Someone to respond" },
  ];
  const closed = item("single_choice", { options });
  const open = item("single_choice", { options, allowOther: true });
  it("accepts a listed option or no choice", () => {
    accepts(closed, { choice: "contact" });
    accepts(closed, { choice: null });
  });
  it("refuses an option that is not in the list", () => {
    refuses(closed, { choice: "place" }, "value.choice", /Choose one of the listed options/);
    refuses(closed, { choice: "" }, "value.choice");
    refuses(closed, { choice: "Contact" }, "value.choice");
  });
  it("accepts “other” with its text only when the item offers it", () => {
    accepts(open, { choice: "other", other: "Faith leaders" });
    refuses(closed, { choice: "other", other: "Faith leaders" }, "value.choice");
  });
  it("caps the “other” text at 500 characters", () => {
    accepts(open, { choice: "other", other: "o".repeat(500) });
    refuses(open, { choice: "other", other: "o".repeat(501) }, "value.other");
  });
  it("refuses unknown fields and wrong shapes", () => {
    refuses(closed, { choice: "contact", extra: 1 }, "value", /Unrecognized key|extra/);
    refuses(closed, { choice: ["contact"] }, "value.choice");
    refuses(closed, { choice: 1 }, "value.choice");
    refuses(closed, {}, "value.choice");
    for (const v of without(WRONG_TYPES, {})) refuses(closed, v, "value");
    refuses(closed, "contact", "value");
  });
});

describe("multiple_choice", () => {
  const options = [
    { value: "morning", label: "Mornings" },
    { value: "afternoon", label: "Afternoons" },
    { value: "evening", label: "Evenings" },
  ];
  const closed = item("multiple_choice", { options });
  const open = item("multiple_choice", { options, allowOther: true });
  it("accepts none, some or all of the listed options", () => {
    accepts(closed, { choices: [] });
    accepts(closed, { choices: ["evening", "morning"] });
    accepts(closed, { choices: ["morning", "afternoon", "evening"] });
  });
  it("refuses options not in the list", () => {
    refuses(closed, { choices: ["morning", "night"] }, "value.choices", /Choose from the listed options/);
  });
  it("refuses a choice listed twice", () => {
    refuses(closed, { choices: ["morning", "morning"] }, "value.choices", /listed twice/);
  });
  it("accepts every option plus “other” when offered, and no more", () => {
    accepts(open, { choices: ["morning", "afternoon", "evening", "other"], other: "Weekends" });
    refuses(closed, { choices: ["other"] }, "value.choices");
    refuses(open, { choices: ["morning", "afternoon", "evening", "other", "other"] }, "value.choices");
    refuses(open, { choices: ["morning"], other: "x".repeat(501) }, "value.other");
  });
  it("refuses unknown fields and wrong types", () => {
    refuses(closed, { choices: [], note: "hi" }, "value");
    refuses(closed, { choices: "morning" }, "value.choices");
    refuses(closed, { choices: [1] }, "value.choices.0");
    refuses(closed, { choice: "morning" }, "value");
    for (const v of without(WRONG_TYPES, {})) refuses(closed, v, "value");
  });
});

describe("checklist", () => {
  const options = [
    { value: "guidelines", label: "National guidelines" },
    { value: "sim", label: "Sequential Intercept Model" },
    { value: "pmhc", label: "PMHC framework" },
  ];
  const i = item("checklist", { options });
  const noNone = item("checklist", { options, allowNoneApply: false });
  it("accepts ticked entries from the list, nothing ticked, or “none apply” alone", () => {
    accepts(i, { checked: [] });
    accepts(i, { checked: ["sim", "guidelines"] });
    accepts(i, { checked: ["guidelines", "sim", "pmhc"] });
    accepts(i, { checked: [], noneApply: true });
    accepts(i, { checked: ["sim"], noneApply: false });
  });
  it("refuses “none apply” combined with ticked entries", () => {
    refuses(i, { checked: ["sim"], noneApply: true }, "value.noneApply", /cannot be combined/);
  });
  it("refuses “none apply” where the item does not offer it", () => {
    refuses(noNone, { checked: [], noneApply: true }, "value.noneApply", /not offered/);
    accepts(noNone, { checked: ["pmhc"] });
  });
  it("refuses entries not in the list and duplicates", () => {
    refuses(i, { checked: ["sim", "dsm"] }, "value.checked", /Unknown checklist entry/);
    refuses(i, { checked: ["sim", "sim"] }, "value.checked", /listed twice/);
  });
  it("refuses unknown fields and wrong types", () => {
    refuses(i, { checked: [], other: "x" }, "value");
    refuses(i, { checked: [], noneApply: "yes" }, "value.noneApply");
    refuses(i, { checked: "sim" }, "value.checked");
    for (const v of without(WRONG_TYPES, {})) refuses(i, v, "value");
  });
});

describe("rating", () => {
  const i = item("rating", { min: 1, max: 5, pointLabels: ["1", "2", "3", "4", "5"] });
  it("accepts every point from min to max, and null", () => {
    for (const v of [1, 2, 3, 4, 5]) expect(accepts(i, v)).toBe(v);
    accepts(i, null);
  });
  it("refuses out-of-range ratings with the range in the message", () => {
    refuses(i, 0, "value", /Between 1 and 5/);
    refuses(i, 6, "value", /Between 1 and 5/);
  });
  it("refuses fractional ratings and ratings sent as text", () => {
    refuses(i, 3.5, "value");
    refuses(i, "3", "value");
    for (const v of [true, [], {}]) refuses(i, v, "value");
  });
  it("follows a non-default scale", () => {
    const zeroToTen = item("rating", { min: 0, max: 10, pointLabels: Array.from({ length: 11 }, (_, n) => String(n)) });
    accepts(zeroToTen, 0);
    accepts(zeroToTen, 10);
    refuses(zeroToTen, 11, "value");
    refuses(zeroToTen, -1, "value");
  });
});

describe("table", () => {
  const i = item("table", {
    columns: [
      { key: "name", label: "Name", type: "text", required: true, maxLength: 20 },
      { key: "since", label: "Since", type: "date" },
      { key: "size", label: "Team size", type: "number" },
      {
        key: "contact",
        label: "Contacted?",
        type: "choice",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      },
      { key: "who", label: "Who", type: "member" },
    ],
    maxRows: 3,
  });
  const row = (id: string, cells: Record<string, unknown> = { name: "Ana" }) => ({ id, cells });
  it("accepts rows with any subset of known columns, and cleared cells", () => {
    accepts(i, { rows: [] });
    accepts(i, { rows: [row("r1", { name: "Ana", since: "2025-01-15", size: 4, contact: "yes", who: "user_123" })] });
    accepts(i, { rows: [row("r1", {}), row("r2", { name: null, since: "", size: null, contact: "", who: null })] });
  });
  it("accepts exactly max rows and refuses one more", () => {
    accepts(i, { rows: [row("a"), row("b"), row("c")] });
    refuses(i, { rows: [row("a"), row("b"), row("c"), row("d")] }, "value.rows", /At most 3 rows/);
  });
  it("refuses duplicate row ids", () => {
    refuses(i, { rows: [row("a"), row("a")] }, "value.rows", /unique/);
  });
  it("refuses empty and over-long row ids", () => {
    refuses(i, { rows: [row("")] }, "value.rows.0.id");
    accepts(i, { rows: [row("r".repeat(40))] });
    refuses(i, { rows: [row("r".repeat(41))] }, "value.rows.0.id");
  });
  it("points at the offending cell for a wrong type", () => {
    refuses(i, { rows: [row("r1", { name: 5 })] }, "value.rows.0.cells.name");
    refuses(i, { rows: [row("r1"), row("r2", { size: "four" })] }, "value.rows.1.cells.size", /Enter a number/);
    refuses(i, { rows: [row("r1", { since: "2026-02-30" })] }, "value.rows.0.cells.since");
    refuses(i, { rows: [row("r1", { contact: "maybe" })] }, "value.rows.0.cells.contact", /Choose one of: yes, no/);
    refuses(i, { rows: [row("r1", { who: "u".repeat(41) })] }, "value.rows.0.cells.who");
  });
  it("caps a text cell at its column's max length", () => {
    accepts(i, { rows: [row("r1", { name: "n".repeat(20) })] });
    refuses(i, { rows: [row("r1", { name: "n".repeat(21) })] }, "value.rows.0.cells.name", /At most 20 characters/);
  });
  it("refuses unknown columns and unknown row fields", () => {
    refuses(i, { rows: [row("r1", { name: "Ana", phone: "555" })] }, "value.rows.0.cells", /phone/);
    refuses(i, { rows: [{ id: "r1", cells: {}, colour: "red" }] }, "value.rows.0", /colour/);
    refuses(i, { rows: [], total: 1 }, "value");
  });
  it("refuses wrong shapes", () => {
    refuses(i, { rows: {} }, "value.rows");
    refuses(i, { rows: [{ cells: {} }] }, "value.rows.0.id");
    refuses(i, { rows: [{ id: "r1" }] }, "value.rows.0.cells");
    for (const v of without(WRONG_TYPES, {})) refuses(i, v, "value");
  });
});

describe("data_series", () => {
  const i = item("data_series", {
    rowLabel: "Week",
    columns: [
      { key: "phone", label: "Phone" },
      { key: "walkin", label: "Walk-in" },
    ],
    maxRows: 2,
  });
  it("accepts rows of numbers (or gaps) per series", () => {
    accepts(i, { rows: [] });
    accepts(i, {
      rows: [
        { id: "w1", label: "Week 1", values: { phone: 12, walkin: 0 } },
        { id: "w2", label: "", values: { phone: null } },
      ],
    });
  });
  it("accepts exactly max rows and refuses one more", () => {
    const r = (id: string) => ({ id, label: id, values: {} });
    accepts(i, { rows: [r("a"), r("b")] });
    refuses(i, { rows: [r("a"), r("b"), r("c")] }, "value.rows", /At most 2 rows/);
  });
  it("refuses duplicate row ids", () => {
    refuses(i, { rows: [{ id: "a", label: "A", values: {} }, { id: "a", label: "B", values: {} }] }, "value.rows", /unique/);
  });
  it("caps a row label at 60 characters", () => {
    accepts(i, { rows: [{ id: "a", label: "l".repeat(60), values: {} }] });
    refuses(i, { rows: [{ id: "a", label: "l".repeat(61), values: {} }] }, "value.rows.0.label", /At most 60/);
  });
  it("refuses values that are not numbers, and unknown series", () => {
    refuses(i, { rows: [{ id: "a", label: "A", values: { phone: "12" } }] }, "value.rows.0.values.phone", /Enter a number/);
    refuses(i, { rows: [{ id: "a", label: "A", values: { text: 3 } }] }, "value.rows.0.values", /text/);
    refuses(i, { rows: [{ id: "a", label: "A", values: {}, note: "x" }] }, "value.rows.0");
    refuses(i, { rows: [{ id: "a", values: {} }] }, "value.rows.0.label");
    for (const v of without(WRONG_TYPES, {})) refuses(i, v, "value");
  });
});

describe("action_plan", () => {
  const i = item("action_plan", { maxRows: 2 });
  const step = (id: string, cells: Record<string, unknown> = {}) => ({
    id,
    cells: { objective: "Launch", action: "Hire two clinicians", owner: "user_1", due: "2026-05-01", status: "in_progress", ...cells },
  });
  it("has the fixed action-plan columns", () => {
    expect(ACTION_PLAN_COLUMNS.map((c) => c.key)).toEqual(["objective", "action", "owner", "due", "status"]);
  });
  it("accepts complete and partly filled steps", () => {
    accepts(i, { rows: [step("s1")] });
    accepts(i, { rows: [{ id: "s1", cells: { action: "Draft MOU" } }] });
  });
  it("accepts exactly max rows and refuses one more", () => {
    accepts(i, { rows: [step("a"), step("b")] });
    refuses(i, { rows: [step("a"), step("b"), step("c")] }, "value.rows", /At most 2 rows/);
  });
  it("refuses duplicate ids, unknown statuses, bad due dates and unknown columns", () => {
    refuses(i, { rows: [step("a"), step("a")] }, "value.rows", /unique/);
    refuses(i, { rows: [step("a", { status: "finished" })] }, "value.rows.0.cells.status");
    refuses(i, { rows: [step("a", { due: "next week" })] }, "value.rows.0.cells.due");
    refuses(i, { rows: [step("a", { budget: 1000 })] }, "value.rows.0.cells");
  });
  it("caps the action text at 1000 characters", () => {
    accepts(i, { rows: [step("a", { action: "x".repeat(1000) })] });
    refuses(i, { rows: [step("a", { action: "x".repeat(1001) })] }, "value.rows.0.cells.action");
  });
  it("uses a default of 200 rows", () => {
    const d = item("action_plan");
    accepts(d, { rows: Array.from({ length: 200 }, (_, n) => step(`s${n}`)) });
    refuses(d, { rows: Array.from({ length: 201 }, (_, n) => step(`s${n}`)) }, "value.rows");
  });
});

describe("resource_links", () => {
  const i = item("resource_links", { maxLinks: 2 });
  const link = (id: string, url = "https://example.org/guide", title = "Guide") => ({ id, title, url });
  it("accepts http and https links with titles", () => {
    accepts(i, { links: [] });
    accepts(i, { links: [link("a"), link("b", "http://county.example.gov/plan?x=1#top")] });
  });
  it("refuses addresses that are not http(s) web addresses", () => {
    for (const url of ["javascript:alert(1)", "ftp://files.example.org/a", "mailto:a@example.org", "file:///etc/passwd", "example.org", "not a url", ""]) {
      refuses(i, { links: [link("a", url)] }, "value.links.0.url");
    }
    refuses(i, { links: [link("a", "javascript:alert(1)")] }, "value.links.0.url", /http:\/\/ or https:\/\//);
  });
  it("needs a title, at most 300 characters", () => {
    refuses(i, { links: [link("a", undefined, "")] }, "value.links.0.title", /title/);
    accepts(i, { links: [link("a", undefined, "t".repeat(300))] });
    refuses(i, { links: [link("a", undefined, "t".repeat(301))] }, "value.links.0.title");
  });
  it("caps the address at 2000 characters", () => {
    const base = "https://example.org/";
    accepts(i, { links: [link("a", base + "p".repeat(2000 - base.length))] });
    refuses(i, { links: [link("a", base + "p".repeat(2001 - base.length))] }, "value.links.0.url");
  });
  it("accepts exactly max links and refuses one more", () => {
    accepts(i, { links: [link("a"), link("b")] });
    refuses(i, { links: [link("a"), link("b"), link("c")] }, "value.links", /At most 2 links/);
  });
  it("refuses duplicate link ids", () => {
    refuses(i, { links: [link("a"), link("a", "https://example.org/other")] }, "value.links", /unique/);
  });
  it("refuses unknown fields and wrong types", () => {
    refuses(i, { links: [{ ...link("a"), publisher: "X" }] }, "value.links.0", /publisher/);
    refuses(i, { links: [link("a")], extra: true }, "value");
    refuses(i, { links: "https://example.org" }, "value.links");
    for (const v of without(WRONG_TYPES, {})) refuses(i, v, "value");
  });
});

describe("decision_matrix", () => {
  const i = item("decision_matrix", {
    options: [
      { value: "mobile", label: "Mobile crisis team" },
      { value: "co-response", label: "Co-responder unit" },
    ],
    criteria: [
      { key: "reach", label: "Reach", weight: 3 },
      { key: "cost", label: "Cost" },
    ],
  });
  it("accepts whole scores from 1 to 5 per option and criterion, blanks included", () => {
    accepts(i, { scores: {} });
    accepts(i, { scores: { mobile: { reach: 1, cost: 5 }, "co-response": { reach: null } } });
  });
  it("refuses scores outside 1–5, fractions and text, at the cell", () => {
    for (const bad of [0, 6, 3.5, "3", true]) refuses(i, { scores: { mobile: { reach: bad } } }, "value.scores.mobile.reach");
    refuses(i, { scores: { mobile: { cost: 9 } } }, "value.scores.mobile.cost", /1 to 5/);
  });
  it("accepts whole weights from 0 to 10 and refuses others", () => {
    accepts(i, { scores: {}, weights: { reach: 0, cost: 10 } });
    for (const bad of [-1, 11, 2.5, "2"]) refuses(i, { scores: {}, weights: { reach: bad } }, "value.weights.reach");
  });
  it("refuses unknown options, criteria and fields", () => {
    refuses(i, { scores: { hospital: { reach: 1 } } }, "value.scores");
    refuses(i, { scores: { mobile: { speed: 1 } } }, "value.scores.mobile");
    refuses(i, { scores: {}, weights: { speed: 1 } }, "value.weights");
    refuses(i, { scores: {}, total: 12 }, "value");
    for (const v of without(WRONG_TYPES, {})) refuses(i, v, "value");
    refuses(i, {}, "value.scores");
  });
});

describe("every kind", () => {
  const samples: Item[] = [
    item("instructions", { body: "x" }),
    item("short_text"),
    item("long_text"),
    item("number", { min: 1, max: 10 }),
    item("date"),
    item("single_choice", { options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] }),
    item("multiple_choice", { options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] }),
    item("checklist", { options: [{ value: "a", label: "A" }], allowNoneApply: false }),
    item("rating", { pointLabels: ["1", "2", "3", "4", "5"] }),
    item("table", { columns: [{ key: "c", label: "C", type: "text" }] }),
    item("data_series", { rowLabel: "Month", columns: [{ key: "c", label: "C" }] }),
    item("action_plan"),
    item("resource_links"),
    item("decision_matrix", { options: [{ value: "a", label: "A" }, { value: "b", label: "B" }], criteria: [{ key: "c", label: "C" }] }),
    item("calculated", { calculator: "risk-score", inputs: {} }),
  ];
  it("has a sample of each kind", () => {
    expect(samples.map((s) => s.kind).sort()).toEqual([...ITEM_KINDS].sort());
  });
  it("accepts the empty value shown for a never-answered item", () => {
    for (const s of samples) accepts(s, emptyValue(s));
  });
  it("answerSchema and validateAnswer agree", () => {
    for (const s of samples) {
      expect(answerSchema(s).safeParse(emptyValue(s)).success).toBe(true);
      expect(answerSchema(s).safeParse(Symbol.for("nope")).success).toBe(false);
    }
  });
  it("refuses undefined (a missing value) for every kind", () => {
    for (const s of samples) expect(validateAnswer(s, undefined).ok, s.kind).toBe(false);
  });
});

describe("characters that cannot be stored", () => {
  it("refuses a NUL character anywhere in an answer, with a message saying so", () => {
    refuses(item("short_text"), "Lake\u0000County", "value", /invisible character/);
    refuses(item("long_text"), "ok\n\u0000", "value", /invisible character/);
    const table = item("table", { columns: [{ key: "c", label: "C", type: "text" }] });
    refuses(table, { rows: [{ id: "r1", cells: { c: "a\u0000" } }] }, "value", /invisible character/);
    refuses(item("single_choice", { options: [{ value: "a", label: "A" }, { value: "b", label: "B" }], allowOther: true }), { choice: "other", other: "\u0000" }, "value");
  });
  it("accepts other control characters people type or paste: tabs and newlines", () => {
    accepts(item("long_text"), "Line one\r\n\tindented");
  });
});

describe("the total size cap", () => {
  // A roomy table, so only the total cap can refuse the value.
  const big = item("table", { columns: [{ key: "notes", label: "Notes", type: "text", maxLength: 5000 }], maxRows: 500 });
  /** A table value whose JSON is exactly `bytes` long, using `ch` (1–3 bytes in UTF-8) as filler. */
  function valueOfSize(bytes: number, ch = "x") {
    const chBytes = new TextEncoder().encode(ch).length;
    const rows: Array<{ id: string; cells: { notes: string } }> = [];
    const size = () => new TextEncoder().encode(JSON.stringify({ rows })).length;
    for (let n = 0; size() < bytes - 6000; n++) rows.push({ id: `r${n}`, cells: { notes: ch.repeat(Math.floor(4000 / chBytes)) } });
    rows.push({ id: "last", cells: { notes: "" } });
    let rest = bytes - size();
    let filler = ch.repeat(Math.floor(rest / chBytes));
    rest -= filler.length * chBytes;
    filler += "y".repeat(rest);
    rows[rows.length - 1].cells.notes = filler;
    expect(size()).toBe(bytes);
    return { rows };
  }
  it("is 256 KiB", () => {
    expect(MAX_ANSWER_BYTES).toBe(256 * 1024);
  });
  it("accepts an answer of exactly 256 KiB and refuses one byte more", () => {
    accepts(big, valueOfSize(MAX_ANSWER_BYTES));
    refuses(big, valueOfSize(MAX_ANSWER_BYTES + 1), "value", /too large/);
  });
  it("counts bytes, not characters, for non-Latin text", () => {
    accepts(big, valueOfSize(MAX_ANSWER_BYTES, "中"));
    const over = valueOfSize(MAX_ANSWER_BYTES + 1, "中");
    // Well under the cap in characters, over it in bytes.
    expect(JSON.stringify(over).length).toBeLessThan(MAX_ANSWER_BYTES / 2);
    refuses(big, over, "value", /too large/);
  });
});
