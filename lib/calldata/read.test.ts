import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectColumns } from "./columns";
import { aggregate, analyze } from "./pipeline";
import { openTable } from "./read";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "calldata-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(file: string, sheet?: string) {
  const t = await openTable(file, { sheet });
  const rows = [];
  for await (const r of t.rows) rows.push(r);
  return { info: t.info, rows };
}

describe("reading files", () => {
  it("streams a Windows-1252 CSV with a BOM-less header, semicolons and quoted line breaks", async () => {
    const file = path.join(dir, "cp1252.csv");
    const text = 'Call Type;Call Received;Narrative\r\nWELCK;03/01/2025 10:00;"Caf\xe9 owner said\r\n\x93help\x94; twice"\r\nDIST;03/02/2025 11:00;short\r\n';
    await writeFile(file, Buffer.from(text, "latin1"));
    const { info, rows } = await rowsOf(file);
    expect(info).toMatchObject({ format: "csv", encoding: "windows-1252", delimiter: ";", headers: ["Call Type", "Call Received", "Narrative"] });
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0].cells[2]).toBe("Café owner said\r\n“help”; twice");
  });

  it("drops a UTF-8 BOM from the first header", async () => {
    const file = path.join(dir, "bom.csv");
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Call Type,Call Received\nA,2025-01-01 10:00\n")]));
    const { info } = await rowsOf(file);
    expect(info.headers[0]).toBe("Call Type");
  });

  it("reads the chosen sheet of a workbook, with real dates", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["This sheet explains the export"]);
    const calls = wb.addWorksheet("Calls");
    calls.addRow(["Call Type", "Call Received", "Caller Name"]);
    calls.addRow(["WELCK", new Date(Date.UTC(2025, 2, 14, 8, 5)), "Test Person"]);
    calls.addRow(["10-96", new Date(Date.UTC(2025, 2, 15, 23, 30)), "Another Person"]);
    calls.getColumn(2).numFmt = "yyyy-mm-dd hh:mm";
    const file = path.join(dir, "calls.xlsx");
    await wb.xlsx.writeFile(file);

    const first = await openTable(file);
    expect(first.info).toMatchObject({ format: "xlsx", sheets: ["Notes", "Calls"], sheet: "Notes" });
    await first.close();

    const t = await openTable(file, { sheet: "Calls" });
    const a = await analyze(t.info, t.rows);
    expect(a.detected).toEqual({ callCode: "Call Type", received: "Call Received" });
    expect(a.preview[0].cells).toEqual(["WELCK", "2025-03-14 08:05:00", null]);

    const t2 = await openTable(file, { sheet: "Calls" });
    const r = await aggregate(t2.info, t2.rows, detectColumns(t2.info.headers));
    expect(r.rowsUsed).toBe(2);
    expect(r.raw.hourWeekday[4][8]).toBe(1); // Friday 08:00
    expect(r.raw.hourWeekday[5][23]).toBe(1); // Saturday 23:00
  });
});
