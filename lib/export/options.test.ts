import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { indexTemplate, templateSchema } from "@/lib/workbook/template-schema";
import { parseExportQuery, selectWorksheets } from "./options";

const template = templateSchema.parse({
  key: "t",
  version: 1,
  title: "T",
  description: "D",
  attribution: "A",
  sections: ["a", "b"].map((s) => ({
    key: s,
    title: s.toUpperCase(),
    intro: "i",
    discussionQuestions: ["q"],
    worksheets: [1, 2].map((n) => ({
      key: `${s}${n}`,
      title: `${s}${n}`,
      intro: "i",
      frameworks: [{ name: "F" }],
      items: [{ key: `${s}${n}.x`, kind: "short_text", label: "X" }],
    })),
  })),
});
const index = indexTemplate(template);

function error(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("parseExportQuery", () => {
  it("applies defaults", () => {
    expect(parseExportQuery({})).toEqual({
      kind: "workbook",
      sections: undefined,
      worksheets: undefined,
      includeUnanswered: true,
      includeComments: false,
      includeProgress: false,
      stage: "draft",
      packet: undefined,
    });
    const packet = parseExportQuery({ kind: "packet", worksheets: "b1, a2", title: " Meeting ", date: "2026-11-30" });
    expect(packet.includeComments).toBe(true);
    expect(packet.packet).toEqual({ title: "Meeting", date: "2026-11-30" });
    expect(parseExportQuery({ kind: "packet", worksheets: "a1", title: "M", date: "2026-11-30", includeComments: "no" }).includeComments).toBe(false);
    expect(parseExportQuery({ includeUnanswered: "0", includeProgress: "YES" })).toMatchObject({ includeUnanswered: false, includeProgress: true });
  });

  it("names the parameter in each error", () => {
    expect(error(() => parseExportQuery({ foo: "1", bar: "2" })).message).toBe(
      "Unknown query parameters: “foo”, “bar”. Allowed: kind, sections, worksheets, includeUnanswered, includeComments, includeProgress, stage, title, date.",
    );
    expect(error(() => parseExportQuery({ kind: "x" })).message).toMatch(/^kind: /);
    expect(error(() => parseExportQuery({ kind: "selection", worksheets: " , " })).message).toMatch(/^worksheets: List at least one worksheet key/);
    expect(error(() => parseExportQuery({ kind: "selection", sections: "Bad Key" })).message).toBe("sections: Not a valid section key: “Bad Key”");
    expect(error(() => parseExportQuery({ kind: "packet", worksheets: "a1", title: "M" })).message).toMatch(/^date: A meeting packet needs the meeting date/);
    expect(error(() => parseExportQuery({ date: "2026-11-30" })).code).toBe("bad_request");
  });
});

describe("selectWorksheets", () => {
  it("keeps template order for selections and query order for packets", () => {
    expect(selectWorksheets(parseExportQuery({}), index)).toEqual(["a1", "a2", "b1", "b2"]);
    expect(selectWorksheets(parseExportQuery({ kind: "selection", worksheets: "b2,a1", sections: "b" }), index)).toEqual(["a1", "b1", "b2"]);
    expect(selectWorksheets(parseExportQuery({ kind: "packet", worksheets: "b2,a1,b2", title: "M", date: "2026-01-01" }), index)).toEqual(["b2", "a1"]);
    expect(selectWorksheets(parseExportQuery({ kind: "blank" }), index)).toEqual(["a1", "a2", "b1", "b2"]);
  });

  it("rejects unknown keys with a 400 naming them", () => {
    const e = error(() => selectWorksheets(parseExportQuery({ kind: "selection", worksheets: "a1,zz" }), index));
    expect(e.code).toBe("bad_request");
    expect(e.message).toBe("This workbook has unknown worksheet key “zz”.");
  });
});
