import { describe, expect, it } from "vitest";
import { CallAggregator, callDataSummary, deriveCallData, histogramPercentile } from "./aggregate";
import { detectColumns, mappingProblems, personalKind } from "./columns";
import { CallDataError } from "./errors";
import { generateCadCsv } from "./generate";
import { aggregate, analyze } from "./pipeline";
import type { TableInfo, TableRow } from "./read";
import { decodeText, sniffDelimiter, sniffEncoding, sniffFormat } from "./sniff";
import { suggestClassification } from "./suggest";
import { detectTimeFormat, parseTime, timeParts, unreadableExamples } from "./time";
import { parse } from "csv-parse/sync";

const enc = (s: string) => new TextEncoder().encode(s);

describe("file format and encoding", () => {
  it("reads UTF-8 with and without a BOM, and falls back to Windows-1252", () => {
    const plain = enc("Call Type,Notes\nWELCK,Café\n");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    const cp1252 = new Uint8Array([...enc("Call Type,Notes\nWELCK,Caf"), 0xe9, ...enc(" \u0000".slice(0, 1)), 0x93, ...enc("x"), 0x94, 0x0a]);
    expect(sniffEncoding(plain)).toBe("utf-8");
    expect(sniffEncoding(bom)).toBe("utf-8");
    expect(decodeText(bom, "utf-8")).toBe("Call Type,Notes\nWELCK,Café\n");
    expect(sniffEncoding(cp1252)).toBe("windows-1252");
    expect(decodeText(cp1252, "windows-1252")).toBe("Call Type,Notes\nWELCK,Café “x”\n");
  });

  it("refuses an empty file and binary data renamed .csv, with a reason", () => {
    expect(() => sniffFormat(new Uint8Array())).toThrow(/empty/);
    expect(() => sniffFormat(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toThrow(/PDF/);
    expect(() => sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toThrow(/PNG/);
    const noise = new Uint8Array(2000).map((_, i) => (i * 7919) % 256);
    expect(() => sniffFormat(noise)).toThrow(CallDataError);
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe("xlsx");
    expect(sniffFormat(enc("a,b\n1,2\n"))).toBe("csv");
  });
});

describe("delimiter detection", () => {
  it.each([
    [",", "Call Type,Received,Disposition\nWELCK,2025-01-01 10:00,ADVISED\nDIST,2025-01-02 11:00,\"GONE, ON ARRIVAL\"\n"],
    [";", "Call Type;Received;Disposition\nWELCK;01.02.2025 10:00;ADVISED, NO REPORT\nDIST;02.02.2025 11:00;ARREST\n"],
    ["\t", "Call Type\tReceived\tNotes\nWELCK\t2025-01-01 10:00\ta, b; c\nDIST\t2025-01-02 11:00\td|e\n"],
    ["|", "Call Type|Received|Notes\nWELCK|2025-01-01 10:00|a, b\nDIST|2025-01-02 11:00|c; d\n"],
  ])("detects %j", (d, text) => {
    expect(sniffDelimiter(text)).toBe(d);
  });

  it("is not fooled by delimiters inside quoted fields with line breaks", () => {
    const text = 'Type;Time;Narrative\nA;2025-01-01 10:00;"one, two, three,\nfour, five"\nB;2025-01-01 11:00;"six, seven"\n';
    expect(sniffDelimiter(text)).toBe(";");
  });
});

describe("header detection", () => {
  it("maps common CAD header names to roles", () => {
    expect(detectColumns(["Incident Number", "Call Received", "First Unit Arrived", "Call Cleared", "Call Type", "Call Type Description", "Priority", "Disposition", "Units Assigned", "Self Initiated", "Incident Address", "Caller Name"])).toEqual({
      received: "Call Received",
      arrived: "First Unit Arrived",
      cleared: "Call Cleared",
      callCode: "Call Type",
      callDescription: "Call Type Description",
      priority: "Priority",
      disposition: "Disposition",
      units: "Units Assigned",
      selfInitiated: "Self Initiated",
    });
    expect(detectColumns(["nature_code", "CreateDateTime", "OnSceneTime", "ClosedTime", "DISPO"])).toEqual({
      callCode: "nature_code",
      received: "CreateDateTime",
      arrived: "OnSceneTime",
      cleared: "ClosedTime",
      disposition: "DISPO",
    });
    // Only a description: it becomes the call type.
    expect(detectColumns(["Nature of Call", "Time Received"])).toEqual({ callCode: "Nature of Call", received: "Time Received" });
  });

  it("marks personal-data columns and never maps them", () => {
    expect(personalKind("Incident Address")).toBe("address");
    expect(personalKind("Caller Name")).toBe("name");
    expect(personalKind("Caller Phone")).toBe("phone");
    expect(personalKind("DOB")).toBe("birth");
    expect(personalKind("Narrative")).toBe("narrative");
    expect(personalKind("Call Type Description")).toBeNull();
    expect(personalKind("Units Assigned")).toBeNull();
    expect(detectColumns(["Location", "Call Type", "Received"]).callCode).toBe("Call Type");
    expect(mappingProblems({ callCode: "Caller Name", received: "Received" }, ["Caller Name", "Received"])[0]).toMatch(/personal data/);
  });

  it("says what is missing from a mapping", () => {
    expect(mappingProblems({}, ["A"])).toEqual([
      "Choose the column that holds the call type.",
      "Choose the column that holds the time the call was received.",
    ]);
  });
});

describe("time parsing", () => {
  const wall = (s: number) => new Date(s * 1000).toISOString().slice(0, 19);
  it("reads ISO, US and day-first dates, 12- and 24-hour clocks", () => {
    expect(wall(parseTime("2025-03-14 08:05", "iso")!)).toBe("2025-03-14T08:05:00");
    expect(wall(parseTime("2025-03-14T20:05:09.123Z", "iso")!)).toBe("2025-03-14T20:05:09");
    expect(wall(parseTime("3/14/2025 8:05 PM", "mdy")!)).toBe("2025-03-14T20:05:00");
    expect(wall(parseTime("12/01/2025 12:30:00 AM", "mdy")!)).toBe("2025-12-01T00:30:00");
    expect(wall(parseTime("14/03/2025 08:05", "dmy")!)).toBe("2025-03-14T08:05:00");
    expect(wall(parseTime("14.03.2025 08:05", "dmy")!)).toBe("2025-03-14T08:05:00");
    expect(wall(parseTime(45730.5, "excel-serial")!)).toBe("2025-03-14T12:00:00");
    expect(parseTime("2/30/2025 10:00", "mdy")).toBeNull();
    expect(parseTime("13/14/2025 10:00", "mdy")).toBeNull();
    expect(parseTime("yesterday", "iso")).toBeNull();
  });

  it("detects month-first unless a day above 12 shows day-first", () => {
    expect(detectTimeFormat(["03/04/2025 10:00", "05/06/2025 11:00"])).toBe("mdy");
    expect(detectTimeFormat(["03/04/2025 10:00", "25/06/2025 11:00"])).toBe("dmy");
    expect(detectTimeFormat(["2025-01-02 10:00", ""])).toBe("iso");
    expect(detectTimeFormat(["abc", "def", "2025-01-01"])).toBeNull();
  });

  it("gives three example values that do not read", () => {
    expect(unreadableExamples(["soon", "2025-01-01 10:00", "later", "soon", "n/a", "never"], "iso")).toEqual(["soon", "later", "n/a"]);
  });

  it("takes hour and weekday as written (Monday = 0)", () => {
    expect(timeParts(parseTime("2025-03-16 23:59", "iso")!)).toEqual({ month: "2025-03", hour: 23, weekday: 6 });
  });
});

describe("starting mapping", () => {
  it("suggests categories and tiers for common descriptions", () => {
    expect(suggestClassification("10-96", "MENTAL SUBJECT")).toEqual({ category: "mental-health", tier: "civilian" });
    expect(suggestClassification("WELCK", "WELFARE CHECK")).toEqual({ category: "welfare-check", tier: "civilian" });
    expect(suggestClassification("SUIC", "SUICIDE THREAT")).toEqual({ category: "suicide", tier: "co-response" });
    expect(suggestClassification("X", "PERSON WITH A GUN, MENTAL")).toEqual({ category: "other", tier: "police" });
    expect(suggestClassification("ZZ9", "PLURAL Z ALPHA")).toBeNull();
  });
});

function table(csv: string): { info: TableInfo; rows: AsyncGenerator<TableRow> } {
  const records = parse(csv, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const headers = records[0].record;
  async function* rows() {
    for (const r of records.slice(1)) yield { line: r.info.lines, cells: r.record };
  }
  return { info: { format: "csv", encoding: "utf-8", delimiter: ",", sheets: [], sheet: null, headers }, rows: rows() };
}

describe("aggregation against hand-counted files", () => {
  const csv = [
    "Type,Desc,Received,Arrived,Cleared,Dispo,Units,Address",
    "WELCK,WELFARE CHECK,2025-01-06 08:10,2025-01-06 08:20,2025-01-06 08:30,ADVISED,2,1 Fake St", // Mon 8h, 10 min, 20 min × 2
    "WELCK,WELFARE CHECK,2025-01-07 09:00,2025-01-07 09:10,2025-01-07 09:40,ADVISED,1,2 Fake St", // Tue, 30 min
    "10-96,MENTAL SUBJECT,2025-02-01 23:30,2025-02-01 23:40,2025-02-02 00:40,TRANSPORTED,1,3 Fake St", // Sat 23h, 60 min
    "TA,TRAFFIC ACCIDENT,2025-02-03 17:00,,2025-02-03 18:00,REPORT,3,4 Fake St", // no arrival: officer 60 min × 3
    "WELCK,WELFARE CHECK,2025-02-10 08:45,2025-02-10 08:50,2025-02-10 09:40,GONE,1,5 Fake St", // 50 min
  ].join("\n");
  const mapping = { callCode: "Type", callDescription: "Desc", received: "Received", arrived: "Arrived", cleared: "Cleared", disposition: "Dispo", units: "Units" };

  it("counts months, categories, tiers, hours, dispositions and time on scene", async () => {
    const t = table(csv);
    const r = await aggregate(t.info, t.rows, mapping);
    expect(r.rowsRead).toBe(5);
    expect(r.rowsUsed).toBe(5);
    const data = deriveCallData(r.raw, { TA: { category: "other", tier: "police" } });
    expect(data.months).toEqual(["2025-01", "2025-02"]);
    expect(data.monthly).toEqual([
      { month: "2025-01", category: "welfare-check", tier: "civilian", calls: 2 },
      { month: "2025-02", category: "mental-health", tier: "civilian", calls: 1 },
      { month: "2025-02", category: "welfare-check", tier: "civilian", calls: 1 },
      { month: "2025-02", category: "other", tier: "police", calls: 1 },
    ]);
    expect(data.hourWeekday[0][8]).toBe(2); // two Monday 8 o'clock calls
    expect(data.hourWeekday[5][23]).toBe(1);
    expect(data.hourWeekday.flat().reduce((a, b) => a + b)).toBe(5);
    expect(data.diversion.share).toBeCloseTo(4 / 5);
    expect(data.diversion.trend.map((t) => t.share)).toEqual([1, 2 / 3]);
    expect(data.onScene.find((o) => o.category === "welfare-check")).toEqual({ category: "welfare-check", calls: 3, medianMinutes: 30, p90Minutes: 50 });
    // Officer-hours: welfare 10 min × 2 units + 30 + 50 = 100 min; mental health 60 min; other 60 min × 3 units.
    expect(data.officerHours).toEqual([
      { category: "mental-health", calls: 1, hours: 1 },
      { category: "welfare-check", calls: 3, hours: 1.7 },
      { category: "other", calls: 1, hours: 3 },
    ]);
    expect(data.dispositions.filter((d) => d.category === "welfare-check")).toEqual([
      { category: "welfare-check", disposition: "ADVISED", calls: 2 },
      { category: "welfare-check", disposition: "GONE", calls: 1 },
    ]);
    expect(data.callTypes.find((c) => c.code === "TA")).toMatchObject({ isNew: false, calls: 1 });
    expect(data.callTypes.find((c) => c.code === "WELCK")).toMatchObject({ isNew: true, suggested: true, calls: 3 });
    const summary = callDataSummary(data);
    expect(summary.counts["welfare-check"].civilian).toBe(3);
    expect(summary.perMonth["welfare-check"].civilian).toBe(1.5);
    expect(summary.officerHours!.other).toBe(3);
    // Nothing from the address column survives.
    expect(JSON.stringify(r.raw)).not.toContain("Fake St");
  });

  it("computes nearest-rank percentiles", () => {
    const h = new Map([[10, 1], [20, 1], [30, 1], [40, 1], [50, 1], [60, 1], [70, 1], [80, 1], [90, 1], [100, 1]]);
    expect(histogramPercentile(h, 10, 0.5)).toBe(50);
    expect(histogramPercentile(h, 10, 0.9)).toBe(90);
  });

  it("refuses a time column that will not parse, with three examples", async () => {
    const t = table("Type,Received\nA,soon\nB,later\nC,tomorrow\nD,never\n");
    await expect(aggregate(t.info, t.rows, { callCode: "Type", received: "Received" })).rejects.toThrow(/“soon”, “later”, “tomorrow”/);
  });

  it("refuses more than 1 % malformed rows and names the first ten lines", async () => {
    const lines = ["Type,Received"];
    for (let i = 0; i < 200; i++) lines.push(i % 10 === 3 ? `A,2025-01-01 10:00,extra` : `A,2025-01-01 10:00`);
    const t = table(lines.join("\n"));
    const err = await aggregate(t.info, t.rows, { callCode: "Type", received: "Received" }).catch((e) => e);
    expect(err).toBeInstanceOf(CallDataError);
    expect(err.message).toMatch(/First problem lines: 5, 15, 25, 35, 45, 55, 65, 75, 85, 95\./);
  });

  it("skips up to 1 % malformed rows and says why", async () => {
    const lines = ["Type,Received"];
    for (let i = 0; i < 200; i++) lines.push(i === 50 ? `A,not a time` : i === 60 ? `,2025-01-01 10:00` : `A,2025-01-01 10:00`);
    const t = table(lines.join("\n"));
    const r = await aggregate(t.info, t.rows, { callCode: "Type", received: "Received" });
    expect(r).toMatchObject({ rowsRead: 200, rowsUsed: 198, rowsSkipped: 2, skipped: { unreadable_time: 1, no_call_type: 1 } });
  });

  it("refuses a file with no rows, and a mapping without call type or time", async () => {
    const t = table("Type,Received\n");
    await expect(aggregate(t.info, t.rows, { callCode: "Type", received: "Received" })).rejects.toThrow(/no calls/);
    const t2 = table("Type,Received\nA,2025-01-01\n");
    await expect(aggregate(t2.info, t2.rows, { callCode: "Type" })).rejects.toThrow(/time the call was received/);
  });

  it("masks personal columns in the preview", async () => {
    const t = table(csv);
    const a = await analyze(t.info, t.rows);
    expect(a.preview).toHaveLength(5);
    expect(a.columns.find((c) => c.name === "Address")).toMatchObject({ personal: "address", role: null });
    expect(JSON.stringify(a)).not.toContain("Fake St");
  });

  it("counts a generated export exactly as the generator reports", async () => {
    const { csv: text, counts } = generateCadCsv({ seed: 11, rows: 2000, multilineShare: 0.1 });
    const t = table(text);
    const r = await aggregate(t.info, t.rows, detectColumns(t.info.headers));
    expect(r.rowsRead).toBe(2000);
    expect(r.rowsUsed).toBe(2000);
    expect(Object.fromEntries(r.raw.codes.map((c) => [c.code, c.calls]))).toEqual(counts.byCode);
    expect(r.raw.hourWeekday).toEqual(counts.hourWeekday);
    expect(Object.fromEntries(r.raw.codes.map((c) => [c.code, c.dispositions]))).toEqual(counts.dispositionsByCode);
    expect(r.raw.codes.reduce((s, c) => s + c.selfInitiated, 0)).toBe(counts.selfInitiated);
  });
});

describe("aggregator", () => {
  it("keeps labels bounded", () => {
    const a = new CallAggregator({ arrived: false, cleared: false, units: false, disposition: true, priority: false, selfInitiated: false });
    for (let i = 0; i < 80; i++) a.add({ code: "A", received: 1_740_000_000, disposition: `D${i}` });
    expect(Object.keys(a.result().codes[0].dispositions)).toHaveLength(51);
  });
});
