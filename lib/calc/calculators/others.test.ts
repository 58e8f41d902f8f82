import { describe, expect, it } from "vitest";
import { runCalculator } from "../calculator";
import { budgetAndGap } from "./budget";
import { decisionMatrix } from "./decision-matrix";
import { formula } from "./formula";
import { officerTime } from "./officer-time";
import { riskScore } from "./risk";

const rows = (...r: Array<Record<string, unknown>>) => ({ rows: r.map((cells, i) => ({ id: `r${i + 1}`, cells })) });

describe("budget and funding gap", () => {
  // Salaries 6 × 70,000 + 4 × 50,000 + 95,000 + 85,000 + 80,000 = 880,000.
  const staff = rows(
    { role: "Crisis clinician", fte: 6, salary: 70_000 },
    { role: "Peer specialist", fte: 4, salary: 50_000 },
    { role: "Clinical supervisor", fte: 1, salary: 95_000 },
    { role: "Program manager", fte: 1, salary: 85_000 },
    { role: "Data coordinator", fte: 1, salary: 80_000 },
  );
  const base = {
    staff,
    fringeRate: 25,
    vehicles: 114_000,
    training: 50_000,
    overheadRate: 25,
    funding: rows(
      { source: "County general fund", amount: 600_000, status: "secured" },
      { source: "State grant", amount: 750_000, ends: "2028-06-30", status: "applied" },
    ),
    start: "2027-07-01",
  };

  it("cost = staff × (1 + fringe) + vehicles + training + overhead; gap = cost − secured", () => {
    const r = runCalculator(budgetAndGap, base);
    // 880,000 × 1.25 = 1,100,000; + 114,000 + 50,000 = 1,264,000; × 1.25 = 1,580,000
    expect(r.values.staffCost).toBe(1_100_000);
    expect(r.values.yearlyCost).toBe(1_580_000);
    expect(r.values["secured.year1"]).toBe(600_000);
    expect(r.values["gap.year1"]).toBe(980_000);
    expect(r.values["gap.year5"]).toBe(980_000);
    expect(r.warnings.some((w) => w.includes("Not counted as secured: 1 source") && w.includes("$750,000"))).toBe(true);
    expect(r.chart?.kind).toBe("bars");
  });

  it("a secured grant that ends shows a funding cliff", () => {
    const r = runCalculator(budgetAndGap, {
      ...base,
      funding: rows(
        { source: "County", amount: 600_000, status: "secured" },
        { source: "Grant", amount: 400_000, ends: "2028-06-30", status: "secured" },
      ),
    });
    expect(r.values["secured.year1"]).toBe(1_000_000);
    expect(r.values["gap.year1"]).toBe(580_000);
    expect(r.values["secured.year2"]).toBe(600_000);
    expect(r.values["gap.year2"]).toBe(980_000);
    expect(r.warnings).toContain("Funding cliff: secured funding falls from $1,000,000 in year 1 to $600,000 in year 2.");
  });

  it("a grant ending mid-year counts for the part of the year before its end", () => {
    const r = runCalculator(budgetAndGap, {
      ...base,
      funding: rows({ source: "Grant", amount: 366_000, ends: "2027-12-31", status: "secured" }),
    });
    // 1 Jul 2027 – 1 Jan 2028 is 184 of the 366 days to 1 Jul 2028.
    expect(r.values["secured.year1"]).toBe(184_000);
    expect(r.values["secured.year2"]).toBe(0);
  });

  it("needs staff rows and the fringe rate; ignores rows without FTE or salary, and says so", () => {
    const none = runCalculator(budgetAndGap, { ...base, staff: rows({ role: "Clinician" }) });
    expect(none.values.yearlyCost).toBeNull();
    expect(none.needs).toContain("at least one staff row with FTE and salary");
    expect(none.warnings[0]).toBe("1 staff row has no FTE or salary and is left out of the cost.");
    const noFringe = runCalculator(budgetAndGap, { ...base, fringeRate: null });
    expect(noFringe.values.yearlyCost).toBeNull();
    expect(noFringe.needs).toEqual(["the fringe benefits rate"]);
  });

  it("needs the start date only when a secured source has an end date", () => {
    expect(runCalculator(budgetAndGap, { ...base, start: null }).values["gap.year1"]).toBe(980_000);
    const r = runCalculator(budgetAndGap, {
      ...base,
      start: null,
      funding: rows({ source: "Grant", amount: 1, ends: "2028-06-30", status: "secured" }),
    });
    expect(r.values["gap.year1"]).toBeNull();
    expect(r.needs).toContain("the date year 1 starts");
  });
});

describe("officer time on behavioral-health calls", () => {
  const calls = {
    rows: [
      { id: "m1", label: "Jan", values: { mh: 10, welfare: 20 } },
      { id: "m2", label: "Feb", values: { mh: 20, welfare: 10 } },
      { id: "m3", label: "Mar", values: { mh: null, welfare: null } },
    ],
  };
  it("calls × time on scene × officers per call, per month and per year", () => {
    const r = runCalculator(officerTime, { calls, minutesOnScene: 45, officersPerCall: 2, hourlyCost: 80 }, { columnLabels: { mh: "Mental health" } });
    // (30 + 30) ÷ 2 months = 30 calls × 0.75 h × 2 officers = 45 h; × 12 = 540 h; × $80 = $43,200
    expect(r.values.callsPerMonth).toBe(30);
    expect(r.values.officerHoursPerMonth).toBe(45);
    expect(r.values.officerHoursPerYear).toBe(540);
    expect(r.values.costPerYear).toBe(43_200);
    expect(r.tables[0].rows[0]).toMatchObject({ label: "Mental health", cells: { calls: 15, hoursMonth: 22.5 } });
    expect(r.warnings[0]).toMatch(/Only 2 months/);
  });
  it("needs call counts and the time on scene", () => {
    const r = runCalculator(officerTime, { calls: { rows: [] }, minutesOnScene: null, officersPerCall: 2 });
    expect(r.values.officerHoursPerYear).toBeNull();
    expect(r.needs).toEqual(["monthly call counts on the call data worksheet"]);
    const r2 = runCalculator(officerTime, { calls, officersPerCall: 2 });
    expect(r2.needs).toEqual(["the average time on scene"]);
  });
});

describe("response-option decision matrix", () => {
  const config = {
    criteria: [
      { key: "need", label: "Meets the need" },
      { key: "cost", label: "Affordable" },
    ],
    optionLabels: { a: "Option A", b: "Option B", c: "Option C" },
  };
  const scores = rows({ option: "a", need: 4, cost: 2 }, { option: "b", need: 3, cost: 5 }, { option: "c", need: 2, cost: 3 });
  it("weighted score = Σ score × weight; ranked, ties share a rank, weights shown", () => {
    const r = runCalculator(decisionMatrix, { scores, "weight.need": 3, "weight.cost": 1 }, config);
    // A: 4×3 + 2×1 = 14; B: 3×3 + 5×1 = 14; C: 2×3 + 3×1 = 9
    const t = r.tables[0];
    expect(t.rows.map((x) => [x.label, x.cells.total, x.cells.rank])).toEqual([
      ["Option A", 14, 1],
      ["Option B", 14, 1],
      ["Option C", 9, 3],
    ]);
    expect(t.columns[0].label).toBe("Meets the need (weight 3)");
    expect(r.values.maxScore).toBe(20);
  });
  it("needs every weight and a 1–5 score on every criterion", () => {
    const r = runCalculator(decisionMatrix, { scores, "weight.need": 3 }, config);
    expect(r.values.topScore).toBeNull();
    expect(r.needs).toEqual(["the weight of “Affordable”"]);
    const r2 = runCalculator(decisionMatrix, { scores: rows({ option: "a", need: 7, cost: 2 }), "weight.need": 1, "weight.cost": 1 }, config);
    expect(r2.tables[0].rows[0].needs).toBe("needs a 1–5 score for “Meets the need”");
    expect(r2.warnings).toContain("1 score is outside 1–5 and left out.");
  });
});

describe("risk score", () => {
  it("likelihood × impact per risk, sorted, with a heat map", () => {
    const r = runCalculator(riskScore, {
      register: rows(
        { risk: "Staff turnover", likelihood: "low", impact: "medium" },
        { risk: "Grant not renewed", likelihood: "high", impact: "high" },
        { risk: "Dispatch protocol not followed", likelihood: "medium", impact: "medium" },
        { risk: "Unrated", likelihood: "" },
      ),
    });
    const t = r.tables[0];
    expect(t.rows.map((x) => [x.label, x.cells.score, x.cells.level])).toEqual([
      ["Grant not renewed", 9, "High"],
      ["Dispatch protocol not followed", 4, "Medium"],
      ["Staff turnover", 2, "Low"],
      ["Unrated", null, null],
    ]);
    expect(t.rows[3].needs).toBe("needs its likelihood and impact");
    const map = r.chart!;
    expect(map.kind).toBe("heatmap");
    if (map.kind === "heatmap") {
      expect(map.counts[2][2]).toBe(1); // high likelihood, high impact
      expect(map.entries[0][1]).toEqual(["Staff turnover"]);
    }
    expect(r.values.highRisks).toBe(1);
  });
  it("an empty register says what it needs", () => {
    expect(runCalculator(riskScore, { register: { rows: [] } }).needs).toEqual([
      "at least one risk with its likelihood and impact",
    ]);
  });
});

describe("template formulas", () => {
  const config = {
    inputs: { calls: { label: "Calls", needs: "the calls", min: 0 }, minutes: { label: "Minutes", needs: "the minutes", min: 0 } },
    lines: [
      { key: "hours", label: "Hours", expression: "calls * minutes / 60", words: "calls × minutes ÷ 60" },
      { key: "perDay", label: "Per day", expression: "round(hours / 30, 1)", words: "hours ÷ 30" },
    ],
  };
  it("evaluates lines in order, each able to use the ones above", () => {
    const r = runCalculator(formula, { calls: 120, minutes: 45 }, config);
    expect(r.values).toEqual({ hours: 90, perDay: 3 });
  });
  it("a missing input leaves its lines empty with what they need", () => {
    const r = runCalculator(formula, { calls: 120 }, config);
    expect(r.values).toEqual({ hours: null, perDay: null });
    expect(r.tables[0].rows[0].needs).toBe("needs the minutes");
    expect(r.tables[0].rows[1].needs).toBe("needs the minutes");
  });
  it("rejects anything but arithmetic on declared names when the template is checked", () => {
    const bad = (expression: string) =>
      formula.checkConfig!({ inputs: { a: { label: "A", needs: "a" } }, lines: [{ key: "x", label: "X", expression, words: "" }] });
    expect(bad("a * 2")).toEqual([]);
    expect(bad("import({}, {})")[0]).toMatch(/Unknown function "import"/);
    expect(bad("evaluate(\"1+1\")")[0]).toMatch(/Unknown function "evaluate"/);
    expect(bad("b + 1")[0]).toMatch(/Unknown name "b"/);
    expect(bad("f(x) = x")[0]).toMatch(/not allowed/);
    expect(bad("a.constructor")[0]).toMatch(/not allowed/);
    expect(bad("\"text\"")[0]).toMatch(/Only numbers/);
    expect(bad("[1, 2]")[0]).toMatch(/not allowed/);
    expect(bad("x = 1")[0]).toMatch(/not allowed/);
  });
});

describe("ranking over a decision-matrix item", () => {
  const matrix = {
    options: [
      { value: "a", label: "Option A" },
      { value: "b", label: "Option B" },
    ],
    criteria: [
      { key: "need", label: "Meets the need", weight: 1 },
      { key: "cost", label: "Affordable", weight: 1 },
    ],
    weightsEditable: true,
  };
  it("uses the team's weights where set, else the template's", async () => {
    const { decisionMatrixRanking } = await import("./decision-matrix");
    const r = runCalculator(decisionMatrixRanking, { matrix: { scores: { a: { need: 4, cost: 2 }, b: { need: 3, cost: 5 } }, weights: { need: 3 } } }, { matrix });
    // A: 4×3 + 2×1 = 14; B: 3×3 + 5×1 = 14
    expect(r.tables[0].rows.map((x) => [x.label, x.cells.total, x.cells.rank])).toEqual([
      ["Option A", 14, 1],
      ["Option B", 14, 1],
    ]);
    const partial = runCalculator(decisionMatrixRanking, { matrix: { scores: { a: { need: 4 } } } }, { matrix });
    expect(partial.tables[0].rows.find((x) => x.key === "a")?.needs).toBe("needs a 1–5 score for “Affordable”");
    expect(partial.values.topScore).toBeNull();
  });
});
