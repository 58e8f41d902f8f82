import { describe, expect, it } from "vitest";
import { estimateTextWidth } from "@/lib/charts/geometry";
import { fitLongWords } from "./components";
import { BASE_FAMILY, hasFontForScript, planFonts, UNSUPPORTED_CHARACTER, UNSUPPORTED_SCRIPT } from "./fonts";

describe("planFonts", () => {
  it("needs only Noto Sans for Latin (with Vietnamese), Greek and Cyrillic", async () => {
    const plan = await planFonts(["Niños — atención 24/7", "Đội phản ứng khủng hoảng", "Ελληνικά", "Русский"]);
    expect(plan.fontFamily).toEqual([BASE_FAMILY]);
    expect(plan.unsupported.size).toBe(0);
    expect(plan.sanitize("Đội phản ứng")).toBe("Đội phản ứng");
    expect(plan.sanitize("tab\there\u0007")).toBe("tab    here");
  });

  it.skipIf(!hasFontForScript("CJK"))("adds a CJK face for Chinese", async () => {
    const plan = await planFonts(["社区危机应对计划"]);
    expect(plan.fontFamily[0]).toBe(BASE_FAMILY);
    expect(plan.fontFamily.some((f) => f.startsWith("Fallback-CJK"))).toBe(true);
    expect(plan.sanitize("社区")).toBe("社区");
  });

  it("replaces runs no font covers with one visible marker each", async () => {
    const plan = await planFonts(["Linear A 𐘀𐘁 𐘂 then ok", "smile \u{1FAE0}"]);
    expect(plan.sanitize("Linear A 𐘀𐘁 𐘂 then ok")).toBe(`Linear A ${UNSUPPORTED_SCRIPT} then ok`);
    expect(plan.sanitize("smile \u{1FAE0}")).toBe(`smile ${UNSUPPORTED_CHARACTER}`);
    expect([...plan.unsupported]).toContain("other script");
  });
});

describe("fitLongWords", () => {
  it("breaks only words wider than the box, preferably after punctuation", () => {
    const url = "https://jmhcp.org/resources/police-mental-health-collaborations-a-framework-for-implementing-effective-responses";
    const out = fitLongWords(`See ${url} now`, 200, 8);
    expect(out.replace(/\n/g, "")).toBe(`See ${url} now`);
    const lines = out.split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateTextWidth(line.replace(/^See /, ""), 8)).toBeLessThanOrEqual(200);
    expect(lines.slice(0, -1).every((l) => /[/\-.]$/.test(l))).toBe(true);
    expect(fitLongWords("short words stay as they are", 50, 8)).toBe("short words stay as they are");
  });
});
