import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

describe("csv", () => {
  it("quotes fields with commas, quotes and line breaks, and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
  });

  it("writes numbers, yes/no and blanks", () => {
    expect(csvField(42)).toBe("42");
    expect(csvField(-3.5)).toBe("-3.5");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(true)).toBe("Yes");
    expect(csvField(false)).toBe("No");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("keeps text that looks like a formula as text", () => {
    expect(csvField("=SUM(A1:A3)")).toBe("'=SUM(A1:A3)");
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("-minus")).toBe("'-minus");
    expect(csvField("@handle")).toBe("'@handle");
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it("writes a header row and CRLF line ends, with a byte order mark", () => {
    expect(toCsv(["A", "B"], [["x", 1], ["y, z", null]])).toBe('\uFEFFA,B\r\nx,1\r\n"y, z",\r\n');
    expect(toCsv(["Only"], [])).toBe("\uFEFFOnly\r\n");
  });
});
