import { describe, expect, it } from "vitest";
import { indexTemplate, itemSchema, templateSchema, type Item } from "@/lib/workbook/template-schema";
import { emptyValue } from "@/lib/workbook/answer-schemas";
import {
  addDays,
  answeredRequiredByDay,
  completedByDay,
  contributions,
  dayKey,
  dayRange,
  groupCompletion,
  isAnswered,
  isOverdue,
  overdueAssignments,
  startOfDay,
  statusCounts,
  valuesBefore,
  workbookCompletion,
  worksheetCompletion,
  type WorksheetStatus,
} from "./model";

const item = (input: Record<string, unknown>): Item => itemSchema.parse({ label: "Question", ...input });

const options = [
  { value: "a", label: "A" },
  { value: "b", label: "B" },
];

const items = {
  short: item({ kind: "short_text", key: "short", maxLength: 10 }),
  long: item({ kind: "long_text", key: "long" }),
  number: item({ kind: "number", key: "number", min: 0, max: 100 }),
  date: item({ kind: "date", key: "date" }),
  rating: item({ kind: "rating", key: "rating", min: 1, max: 3, pointLabels: ["Low", "Mid", "High"] }),
  single: item({ kind: "single_choice", key: "single", options, allowOther: true }),
  multiple: item({ kind: "multiple_choice", key: "multiple", options, allowOther: true }),
  checklist: item({ kind: "checklist", key: "checklist", options }),
  table: item({
    kind: "table",
    key: "table",
    columns: [
      { key: "name", label: "Name", type: "text", required: true },
      { key: "phone", label: "Phone", type: "text" },
      { key: "count", label: "Count", type: "number", required: true },
    ],
  }),
  looseTable: item({
    kind: "table",
    key: "loose",
    columns: [
      { key: "name", label: "Name", type: "text" },
      { key: "count", label: "Count", type: "number" },
    ],
  }),
  plan: item({ kind: "action_plan", key: "plan" }),
  series: item({ kind: "data_series", key: "series", rowLabel: "Month", columns: [{ key: "calls", label: "Calls" }] }),
  links: item({ kind: "resource_links", key: "links" }),
  matrix: item({ kind: "decision_matrix", key: "matrix", options, criteria: [{ key: "reach", label: "Reach" }, { key: "cost", label: "Cost" }] }),
  instructions: item({ kind: "instructions", key: "intro", body: "Read this first." }),
  calculated: item({ kind: "calculated", key: "result", calculator: "risk-score", inputs: {} }),
};

const planRow = (cells: Record<string, string | null>) => ({
  id: "r1",
  cells: { objective: null, action: "Train dispatchers", owner: "u1", due: "2026-05-01", status: "in_progress", ...cells },
});

/** Per kind: values that answer it, values that do not, values that are invalid. */
const cases: Array<{ item: Item; answered: unknown[]; blank: unknown[]; invalid: unknown[] }> = [
  { item: items.short, answered: ["Yes", " x "], blank: ["", "   \n", null], invalid: [42, "this is far too long", { text: "x" }] },
  { item: items.long, answered: ["A plan."], blank: ["", "\t"], invalid: [["a"], true] },
  { item: items.number, answered: [0, 12.5, 100], blank: [null], invalid: [-1, 101, "12", Number.NaN] },
  { item: items.date, answered: ["2026-03-31"], blank: [null], invalid: ["31/03/2026", "2026-02-30", ""] },
  { item: items.rating, answered: [1, 3], blank: [null], invalid: [0, 4, 2.5] },
  {
    item: items.single,
    answered: [{ choice: "a" }, { choice: "other", other: "Fire service" }],
    blank: [{ choice: null }, { choice: "other", other: "  " }, { choice: "other" }],
    invalid: [{ choice: "zzz" }, { choice: "a", extra: 1 }, "a"],
  },
  {
    item: items.multiple,
    answered: [{ choices: ["a"] }, { choices: ["a", "b"] }, { choices: ["other"], other: "Schools" }],
    blank: [{ choices: [] }, { choices: ["other"], other: " " }],
    invalid: [{ choices: ["a", "a"] }, { choices: ["nope"] }, { choices: "a" }],
  },
  {
    item: items.checklist,
    answered: [{ checked: ["a"] }, { checked: [], noneApply: true }],
    blank: [{ checked: [] }, { checked: [], noneApply: false }],
    invalid: [{ checked: ["a"], noneApply: true }, { checked: ["zzz"] }],
  },
  {
    item: items.table,
    answered: [
      { rows: [{ id: "1", cells: { name: "Clinic", count: 0 } }] },
      { rows: [{ id: "1", cells: { name: "Clinic" } }, { id: "2", cells: { name: "Shelter", phone: "", count: 3 } }] },
    ],
    blank: [
      { rows: [] },
      { rows: [{ id: "1", cells: { name: "Clinic", phone: "555" } }] },
      { rows: [{ id: "1", cells: { name: "  ", count: 2 } }] },
    ],
    invalid: [
      { rows: [{ id: "1", cells: { name: "Clinic", count: "2" } }] },
      { rows: [{ id: "1", cells: { name: "A", count: 1, other: 1 } }] },
      { rows: [{ id: "1", cells: { name: "A", count: 1 } }, { id: "1", cells: { name: "B", count: 2 } }] },
    ],
  },
  {
    item: items.looseTable,
    answered: [{ rows: [{ id: "1", cells: { count: 0 } }] }, { rows: [{ id: "1", cells: { name: "x" } }] }],
    blank: [{ rows: [] }, { rows: [{ id: "1", cells: { name: " ", count: null } }] }],
    invalid: [{ rows: [{ id: "1", cells: { name: 5 } }] }],
  },
  {
    item: items.plan,
    answered: [{ rows: [planRow({})] }, { rows: [planRow({ objective: "" })] }],
    blank: [{ rows: [] }, { rows: [planRow({ owner: null })] }, { rows: [planRow({ due: "" })] }, { rows: [planRow({ action: " " })] }],
    invalid: [{ rows: [planRow({ status: "finished" })] }, { rows: [planRow({ due: "soon" })] }],
  },
  {
    item: items.series,
    answered: [{ rows: [{ id: "1", label: "Jan", values: { calls: 0 } }] }],
    blank: [
      { rows: [] },
      { rows: [{ id: "1", label: "Jan", values: { calls: null } }] },
      { rows: [{ id: "1", label: " ", values: { calls: 4 } }] },
    ],
    invalid: [{ rows: [{ id: "1", label: "Jan", values: { calls: "4" } }] }, { rows: [{ id: "1", label: "Jan", values: { other: 1 } }] }],
  },
  {
    item: items.matrix,
    answered: [{ scores: { a: { reach: 1, cost: 5 }, b: { reach: 3, cost: 3 } } }, { scores: { a: { reach: 2, cost: 2 }, b: { reach: 2, cost: 2 } }, weights: { cost: 0 } }],
    blank: [{ scores: {} }, { scores: { a: { reach: 1, cost: 5 }, b: { reach: 3, cost: null } } }, { scores: { a: { reach: 1, cost: 5 } }, weights: { reach: 4 } }],
    invalid: [{ scores: { a: { reach: 1, cost: 6 }, b: { reach: 3, cost: 3 } } }, { scores: { a: { reach: 1, cost: 5 }, b: { reach: 3, cost: 3 }, c: { reach: 1 } } }],
  },
  {
    item: items.links,
    answered: [{ links: [{ id: "1", title: "Guide", url: "https://example.org/guide" }] }],
    blank: [{ links: [] }],
    invalid: [{ links: [{ id: "1", title: "Guide", url: "ftp://example.org" }] }, { links: [{ id: "1", title: "", url: "https://x.org" }] }],
  },
];

describe("isAnswered", () => {
  for (const c of cases) {
    describe(`${c.item.kind} (${c.item.key})`, () => {
      it("counts valid, non-empty answers", () => {
        for (const v of c.answered) expect(isAnswered(c.item, v), JSON.stringify(v)).toBe(true);
      });
      it("does not count blank answers or the empty value", () => {
        for (const v of [...c.blank, emptyValue(c.item), undefined]) expect(isAnswered(c.item, v), JSON.stringify(v)).toBe(false);
      });
      it("does not count invalid answers", () => {
        for (const v of c.invalid) expect(isAnswered(c.item, v), JSON.stringify(v)).toBe(false);
      });
    });
  }

  it("never counts instructions", () => {
    expect(isAnswered(items.instructions, null)).toBe(false);
    expect(isAnswered(items.instructions, "anything")).toBe(false);
  });

  it("never counts calculated results: nobody types them", () => {
    expect(isAnswered(items.calculated, null)).toBe(false);
    expect(isAnswered(items.calculated, { needs: [], tables: [] })).toBe(false);
  });

  it("covers every item kind", () => {
    const kinds = new Set([...cases.map((c) => c.item.kind), "instructions", "calculated"]);
    expect([...kinds].sort()).toEqual(itemSchema.options.map((o) => o.shape.kind.value).sort());
  });
});

// ---------------------------------------------------------------------------

const text = (key: string, required = true) => ({ kind: "short_text", key, label: key, required });
const worksheet = (key: string, its: unknown[]) => ({ key, title: `Worksheet ${key}`, intro: "Why.", frameworks: [{ name: "Guide" }], items: its });

function template(sections: Array<{ key: string; worksheets: unknown[] }>) {
  const input: unknown = {
    key: "test",
    version: 1,
    title: "Test",
    description: "Test",
    attribution: "Test",
    sections: sections.map((s) => ({ ...s, title: `Section ${s.key}`, intro: "Intro", discussionQuestions: ["Q?"] })),
  };
  return indexTemplate(templateSchema.parse(input));
}

// s1: w1 (3 required + 1 optional + instructions), w2 (1 required); s2: w3 (no required items), w4 (2 required)
const index = template([
  {
    key: "s1",
    worksheets: [
      worksheet("w1", [
        { kind: "instructions", key: "w1-intro", label: "Intro", body: "Read" },
        text("w1-a"),
        text("w1-b"),
        text("w1-c"),
        text("w1-opt", false),
      ]),
      worksheet("w2", [text("w2-a")]),
    ],
  },
  {
    key: "s2",
    worksheets: [worksheet("w3", [text("w3-opt", false), text("w3-opt2", false)]), worksheet("w4", [text("w4-a"), text("w4-b")])],
  },
]);

describe("completion", () => {
  it("is zero everywhere for an empty workbook", () => {
    const c = workbookCompletion(index, new Map());
    expect(c.overall).toBe(0);
    expect(c.sections.map((s) => s.completion)).toEqual([0, 0]);
    expect([...c.worksheets.values()].map((w) => w.completion)).toEqual([0, 0, 0, 0]);
  });

  it("is one everywhere when every item is answered", () => {
    const all = new Map([...index.itemByKey.keys()].map((k) => [k, "done"]));
    const c = workbookCompletion(index, all);
    expect(c.overall).toBe(1);
    expect(c.sections.map((s) => s.completion)).toEqual([1, 1]);
    expect([...c.worksheets.values()].map((w) => w.completion)).toEqual([1, 1, 1, 1]);
  });

  it("counts required items only, and weighs sections and the workbook by required items", () => {
    const answers = new Map<string, unknown>([
      ["w1-a", "x"],
      ["w1-b", "  "], // blank
      ["w1-opt", "x"], // optional: does not move completion
      ["w2-a", "x"],
      ["w4-a", 7], // invalid for a text item
      ["w4-b", "x"],
      ["unknown-item", "x"],
    ]);
    const c = workbookCompletion(index, answers);
    expect(c.worksheets.get("w1")).toEqual({ required: 3, answeredRequired: 1, answered: 2, completion: 1 / 3 });
    expect(c.worksheets.get("w2")!.completion).toBe(1);
    expect(c.worksheets.get("w3")!.completion).toBe(0);
    expect(c.worksheets.get("w4")!.completion).toBe(1 / 2);
    // s1: (1 + 1) / (3 + 1) — not the mean of 1/3 and 1
    expect(c.sections[0]).toMatchObject({ key: "s1", title: "Section s1", completion: 2 / 4, required: 4, answeredRequired: 2 });
    // s2: w3 has no required items, so only w4 counts
    expect(c.sections[1].completion).toBe(1 / 2);
    expect(c.overall).toBe(3 / 6);
  });

  it("gives a worksheet without required items 1 once anything is answered", () => {
    const w3 = index.worksheetByKey.get("w3")!;
    expect(worksheetCompletion(w3, new Map()).completion).toBe(0);
    expect(worksheetCompletion(w3, new Map([["w3-opt2", "yes"]])).completion).toBe(1);
  });

  it("falls back to the mean of worksheets when a group has no required items", () => {
    const optional = (completion: number) => ({ required: 0, answeredRequired: 0, answered: completion, completion });
    expect(groupCompletion([optional(1), optional(0), optional(0), optional(1)])).toBe(0.5);
    expect(groupCompletion([])).toBe(0);
  });
});

describe("statusCounts", () => {
  it("treats a worksheet without a state as not started and ignores unknown worksheets", () => {
    const states = new Map<string, WorksheetStatus>([
      ["w1", "COMPLETE"],
      ["w2", "READY_FOR_REVIEW"],
      ["w4", "IN_PROGRESS"],
      ["gone", "COMPLETE"],
    ]);
    expect(statusCounts(["w1", "w2", "w3", "w4"], states)).toEqual({ NOT_STARTED: 1, IN_PROGRESS: 1, READY_FOR_REVIEW: 1, COMPLETE: 1 });
    expect(statusCounts([], states)).toEqual({ NOT_STARTED: 0, IN_PROGRESS: 0, READY_FOR_REVIEW: 0, COMPLETE: 0 });
  });
});

describe("overdue", () => {
  const today = "2026-04-10";
  it("is overdue only when the due date is before today and the worksheet is not complete", () => {
    expect(isOverdue(new Date("2026-04-09T00:00:00Z"), "IN_PROGRESS", today)).toBe(true);
    expect(isOverdue(new Date("2026-04-10T00:00:00Z"), "IN_PROGRESS", today)).toBe(false); // due today
    expect(isOverdue(new Date("2026-04-11T00:00:00Z"), "NOT_STARTED", today)).toBe(false);
    expect(isOverdue(new Date("2026-01-01T00:00:00Z"), "COMPLETE", today)).toBe(false);
    expect(isOverdue(new Date("2026-01-01T00:00:00Z"), "READY_FOR_REVIEW", today)).toBe(true);
    expect(isOverdue(null, "NOT_STARTED", today)).toBe(false);
  });

  it("lists overdue assignments, most overdue first", () => {
    const states = new Map<string, WorksheetStatus>([["w1", "COMPLETE"]]);
    const list = overdueAssignments(
      [
        { worksheetKey: "w1", userId: "u1", dueDate: new Date("2026-03-01T00:00:00Z") },
        { worksheetKey: "w2", userId: "u1", dueDate: new Date("2026-04-08T00:00:00Z") },
        { worksheetKey: "w3", userId: "u2", dueDate: new Date("2026-03-31T00:00:00Z") },
        { worksheetKey: "w4", userId: "u2", dueDate: null },
        { worksheetKey: "w4", userId: "u3", dueDate: new Date("2026-04-10T00:00:00Z") },
      ],
      states,
      today,
    );
    expect(list.map((a) => [a.worksheetKey, a.userId, a.daysOverdue])).toEqual([
      ["w3", "u2", 10],
      ["w2", "u1", 2],
    ]);
  });
});

describe("contributions", () => {
  const from = new Date("2026-04-01T00:00:00Z");
  const to = new Date("2026-04-08T00:00:00Z");
  const at = (iso: string) => new Date(iso);

  it("counts activity in [from, to) per person and lists quiet members with zeros", () => {
    const result = contributions({
      members: [
        { userId: "u1", name: "Bea" },
        { userId: "u2", name: "Al" },
        { userId: "u3", name: "Cy" },
      ],
      revisions: [
        { actorId: "u1", createdAt: from }, // first instant: in
        { actorId: "u1", createdAt: at("2026-04-07T23:59:59.999Z") }, // last instant: in
        { actorId: "u1", createdAt: to }, // end: out
        { actorId: "u1", createdAt: at("2026-03-31T23:59:59.999Z") }, // before: out
        { actorId: "u2", createdAt: at("2026-04-03T10:00:00Z") },
        { actorId: null, createdAt: at("2026-04-03T10:00:00Z") },
        { actorId: "gone", createdAt: at("2026-04-03T10:00:00Z") },
      ],
      comments: [
        { authorId: "u2", createdAt: at("2026-04-02T00:00:00Z") },
        { authorId: "u2", createdAt: at("2026-04-09T00:00:00Z") },
      ],
      statusChanges: [
        { actorId: "u1", toStatus: "COMPLETE", createdAt: at("2026-04-05T00:00:00Z") },
        { actorId: "u1", toStatus: "READY_FOR_REVIEW", createdAt: at("2026-04-05T00:00:00Z") },
        { actorId: "u2", toStatus: "COMPLETE", createdAt: to },
      ],
      from,
      to,
      otherNames: new Map([["gone", "Dee"]]),
    });
    expect(result).toEqual([
      { userId: "u2", name: "Al", answersChanged: 1, comments: 1, worksheetsCompleted: 0 },
      { userId: "u1", name: "Bea", answersChanged: 2, comments: 0, worksheetsCompleted: 1 },
      { userId: "u3", name: "Cy", answersChanged: 0, comments: 0, worksheetsCompleted: 0 },
      { userId: "gone", name: "Dee", answersChanged: 1, comments: 0, worksheetsCompleted: 0 },
    ]);
  });
});

describe("days", () => {
  it("takes the calendar day in the chosen time zone", () => {
    const t = new Date("2026-04-10T02:30:00Z");
    expect(dayKey(t)).toBe("2026-04-10");
    expect(dayKey(t, "America/Chicago")).toBe("2026-04-09");
    expect(dayRange("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(dayRange("2026-03-02", "2026-03-01")).toEqual([]);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("completedByDay", () => {
  const keys = new Set(["w1", "w2", "w3"]);
  const change = (worksheetKey: string, toStatus: WorksheetStatus, iso: string) => ({ worksheetKey, toStatus, createdAt: new Date(iso) });

  it("replays the status log: reopened worksheets drop out, the latest change of a day wins", () => {
    const series = completedByDay(
      [
        change("w1", "COMPLETE", "2026-03-30T12:00:00Z"), // before the range
        change("w2", "IN_PROGRESS", "2026-04-01T09:00:00Z"),
        change("w2", "COMPLETE", "2026-04-01T10:00:00Z"),
        change("w1", "IN_PROGRESS", "2026-04-02T09:00:00Z"), // reopened
        change("w3", "COMPLETE", "2026-04-03T09:00:00Z"),
        change("w3", "IN_PROGRESS", "2026-04-03T10:00:00Z"), // same day: ends not complete
        change("gone", "COMPLETE", "2026-04-03T10:00:00Z"), // not in the template
        change("w1", "COMPLETE", "2026-04-04T09:00:00Z"),
      ].reverse(),
      keys,
      dayRange("2026-03-31", "2026-04-04"),
    );
    expect(series).toEqual([
      { date: "2026-03-31", completed: 1 },
      { date: "2026-04-01", completed: 2 },
      { date: "2026-04-02", completed: 1 },
      { date: "2026-04-03", completed: 1 },
      { date: "2026-04-04", completed: 2 },
    ]);
  });

  it("is empty for no days and flat for no changes", () => {
    expect(completedByDay([], keys, [])).toEqual([]);
    expect(completedByDay([], keys, ["2026-04-01", "2026-04-02"])).toEqual([
      { date: "2026-04-01", completed: 0 },
      { date: "2026-04-02", completed: 0 },
    ]);
  });
});

describe("answeredRequiredByDay", () => {
  const rev = (itemKey: string, oldValue: unknown, newValue: unknown, iso: string) => ({ itemKey, oldValue, newValue, createdAt: new Date(iso) });

  it("replays new values, so a revision that un-answers an item lowers the count", () => {
    const revisions = [
      rev("w1-a", null, "first", "2026-04-01T08:00:00Z"),
      rev("w1-b", null, "x", "2026-04-01T09:00:00Z"),
      rev("w1-opt", null, "x", "2026-04-01T09:00:00Z"), // optional: never counted
      rev("w1-a", "first", "", "2026-04-02T08:00:00Z"), // cleared
      rev("w2-a", null, 5, "2026-04-02T09:00:00Z"), // invalid value
      rev("w4-a", null, "x", "2026-04-03T09:00:00Z"),
      rev("w1-a", "", "again", "2026-04-03T10:00:00Z"),
    ];
    const series = answeredRequiredByDay(index, {
      initial: new Map([["w4-b", "already"]]),
      revisions,
      days: dayRange("2026-03-31", "2026-04-03"),
    });
    expect(series).toEqual([
      { date: "2026-03-31", answered: 1 },
      { date: "2026-04-01", answered: 3 },
      { date: "2026-04-02", answered: 2 },
      { date: "2026-04-03", answered: 4 },
    ]);
  });

  it("recovers the state at the start of a period from current answers and the period's revisions", () => {
    const current = new Map<string, unknown>([
      ["w1-a", "now"],
      ["w1-b", ""],
      ["w2-a", "kept"],
    ]);
    const revisions = [
      rev("w1-a", "before", "mid", "2026-04-02T08:00:00Z"),
      rev("w1-b", "was answered", "", "2026-04-02T09:00:00Z"),
      rev("w1-a", "mid", "now", "2026-04-03T08:00:00Z"),
    ];
    const initial = valuesBefore(current, revisions);
    expect(Object.fromEntries(initial)).toEqual({ "w1-a": "before", "w1-b": "was answered", "w2-a": "kept" });
    const series = answeredRequiredByDay(index, { initial, revisions, days: ["2026-04-01", "2026-04-02", "2026-04-03"] });
    expect(series.map((d) => d.answered)).toEqual([3, 2, 2]);
    // The last day matches the current answers.
    expect(series.at(-1)!.answered).toBe([...current].filter(([k, v]) => isAnswered(index.itemByKey.get(k)!.item, v)).length);
  });
});

describe("startOfDay", () => {
  it("finds midnight in the chosen time zone, also on daylight-saving days", () => {
    expect(startOfDay("2026-04-10").toISOString()).toBe("2026-04-10T00:00:00.000Z");
    expect(startOfDay("2026-04-10", "America/Chicago").toISOString()).toBe("2026-04-10T05:00:00.000Z");
    expect(startOfDay("2026-01-10", "America/Chicago").toISOString()).toBe("2026-01-10T06:00:00.000Z");
    expect(startOfDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z"); // clocks go forward at 2:00
    expect(startOfDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z"); // clocks go back at 2:00
    expect(dayKey(startOfDay("2026-07-01", "Pacific/Auckland"), "Pacific/Auckland")).toBe("2026-07-01");
  });
});
