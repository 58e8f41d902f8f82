import { describe, expect, it } from "vitest";
import { checkCalculations } from "./graph";
import { dependentsOf, inputKeysOf, Resolver, type CalcItem } from "./inputs";
import { SOURCES } from "./sources";

const item = (key: string, kind: string, extra: Partial<CalcItem> = {}): CalcItem => ({
  key,
  kind,
  label: key,
  worksheetKey: key.split(".")[0],
  worksheetTitle: key.startsWith("profile") ? "Community profile" : "Capacity estimate",
  ...extra,
});
const map = (...items: CalcItem[]) => new Map(items.map((i) => [i.key, i]));

const items = map(
  item("profile.population", "number"),
  item("capacity.population", "number", { from: "profile.population" }),
  item("capacity.rate", "number", { default: { value: 230, source: SOURCES.crisisResourceNeed } }),
  item("capacity.estimate", "calculated", {
    calculator: "formula",
    inputs: { pop: "capacity.population", rate: "capacity.rate" },
    config: {
      inputs: { pop: { label: "Population", needs: "the population" }, rate: { label: "Rate", needs: "the rate" } },
      lines: [{ key: "episodes", label: "Episodes", expression: "pop / 100000 * rate", words: "" }],
    },
  }),
);

describe("inputs: defaults, local figures and references", () => {
  it("an empty input takes its default and is marked default", () => {
    const r = new Resolver(items, () => undefined);
    expect(r.input("capacity.rate")).toMatchObject({ value: 230, origin: "default" });
  });
  it("saving another value makes it a local figure; saving the default's value keeps it a default", () => {
    expect(new Resolver(items, (k) => (k === "capacity.rate" ? 250 : null)).input("capacity.rate").origin).toBe("local");
    expect(new Resolver(items, (k) => (k === "capacity.rate" ? 230 : null)).input("capacity.rate").origin).toBe("default");
  });
  it("takes the value from the referenced item until overridden", () => {
    const answers: Record<string, unknown> = { "profile.population": 250_000 };
    const r = new Resolver(items, (k) => answers[k]);
    expect(r.input("capacity.population")).toMatchObject({
      value: 250_000,
      origin: "reference",
      fromKey: "profile.population",
      fromWorksheet: "Community profile",
    });
    expect(r.result("capacity.estimate").values.episodes).toBe(575);
    answers["capacity.population"] = 100_000;
    const r2 = new Resolver(items, (k) => answers[k]);
    expect(r2.input("capacity.population").origin).toBe("local");
    expect(r2.result("capacity.estimate").values.episodes).toBe(230);
  });
  it("knows which results depend on an item, also through references", () => {
    expect(inputKeysOf(items, "capacity.estimate").sort()).toEqual(["capacity.population", "capacity.rate", "profile.population"]);
    expect(dependentsOf(items, "profile.population")).toEqual(["capacity.estimate"]);
    expect(dependentsOf(items, "capacity.rate")).toEqual(["capacity.estimate"]);
  });
});

describe("template checks", () => {
  const cols = () => [];
  it("accepts a sound template", () => {
    expect(checkCalculations(items, cols)).toEqual([]);
  });
  it("refuses a cycle of references", () => {
    const cyclic = map(item("a.x", "number", { from: "b.y" }), item("b.y", "number", { from: "c.z" }), item("c.z", "number", { from: "a.x" }));
    const problems = checkCalculations(cyclic, cols);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe("Circular reference: a.x → b.y → c.z → a.x");
  });
  it("refuses unknown calculators, missing items, wrong kinds and missing table columns", () => {
    const bad = map(
      item("n", "number"),
      item("t", "table"),
      item("c1", "calculated", { calculator: "nope", inputs: {} }),
      item("c2", "calculated", { calculator: "crisis-capacity", inputs: { population: "missing", episodeRate: "t" } }),
      item("c3", "calculated", { calculator: "risk-score", inputs: { register: "t" } }),
      item("d", "table", { default: { value: 1, source: { title: "x" } } }),
    );
    const messages = checkCalculations(bad, (k) => (k === "t" ? ["risk"] : undefined)).map((p) => p.message);
    expect(messages).toEqual([
      'Unknown calculator "nope"',
      'Input "population" reads "missing", which does not exist',
      'Input "episodeRate" needs a number item; "t" is a table',
      'Table "t" lacks columns: likelihood, impact',
      "Only number items can have a default",
    ]);
  });
});
