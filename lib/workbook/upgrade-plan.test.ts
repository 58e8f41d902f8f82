import { describe, expect, it } from "vitest";
import { templateSchema, type Template, type TemplateInput } from "./template-schema";
import { planUpgrade } from "./upgrade-plan";

const fw = [{ name: "Sequential Intercept Model", url: "https://smc.prainc.com/" }];
function t(version: number, sections: TemplateInput["sections"]): Template {
  return templateSchema.parse({ key: "fixture", version, title: "Fixture", description: "A fixture.", attribution: "Informed by nothing.", sections });
}
const v1 = t(1, [
  {
    key: "s1",
    title: "One",
    intro: "Section one.",
    discussionQuestions: ["What should we ask ourselves here?"],
    worksheets: [
      { key: "w1", title: "First", intro: "First worksheet.", frameworks: fw, items: [
        { key: "a", kind: "short_text", label: "A" },
        { key: "b", kind: "long_text", label: "B" },
        { key: "c", kind: "number", label: "C" },
      ] },
      { key: "w2", title: "Second", intro: "Second worksheet.", frameworks: fw, items: [{ key: "d", kind: "date", label: "D" }] },
    ],
  },
]);
const v2 = t(2, [
  {
    key: "s1",
    title: "One",
    intro: "Section one.",
    discussionQuestions: ["What should we ask ourselves here?"],
    worksheets: [
      { key: "w1", title: "First", intro: "First worksheet.", frameworks: fw, items: [
        { key: "a", kind: "short_text", label: "A, reworded" },
        { key: "c", kind: "long_text", label: "C is now prose" },
      ] },
      { key: "w3", title: "Third", intro: "A new worksheet.", frameworks: fw, items: [
        { key: "b", kind: "long_text", label: "B" },
        { key: "e", kind: "short_text", label: "E" },
      ] },
    ],
  },
]);

describe("planUpgrade", () => {
  const plan = planUpgrade(v1, v2);

  it("keeps answers whose key and kind remain, following the worksheet they moved to", () => {
    expect(Object.fromEntries(plan.kept)).toEqual({ a: "w1", b: "w3" });
  });

  it("archives answers whose question is gone or changed kind", () => {
    expect([...plan.archived].sort()).toEqual(["c", "d"]);
  });

  it("lists added, removed and changed worksheets with their questions", () => {
    const byKey = Object.fromEntries(plan.worksheets.map((w) => [w.key, w]));
    expect(byKey.w3.change).toBe("added");
    expect(byKey.w2.change).toBe("removed");
    expect(byKey.w2.items).toEqual([{ key: "d", label: "D", change: "removed" }]);
    expect(byKey.w1.change).toBe("changed");
    expect(byKey.w1.items).toEqual([
      { key: "a", label: "A, reworded", change: "changed" },
      { key: "c", label: "C is now prose", change: "added" },
      { key: "c", label: "C", change: "removed" },
    ]);
    expect(byKey.w3.items).toEqual([]);
  });

  it("finds nothing to change between a version and itself", () => {
    const same = planUpgrade(v1, v1);
    expect(same.worksheets).toEqual([]);
    expect(same.archived.size).toBe(0);
  });

  it("refuses to move a workbook to another template", () => {
    expect(() => planUpgrade(v1, { ...v2, key: "other" })).toThrow(/different template/);
  });
});
