import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateCadCsv, fakeAddress } from "@/lib/calldata/generate";
import { getDb } from "@/lib/db/client";
import { workbookFor } from "@/lib/workbook/service";
import { GET as listRoute, POST as importRoute } from "@/app/api/v1/workspaces/[id]/call-imports/route";
import { POST as uploadRoute } from "@/app/api/v1/workspaces/[id]/call-imports/uploads/route";
import { POST as callTypesRoute } from "@/app/api/v1/workspaces/[id]/call-imports/uploads/[uploadId]/call-types/route";
import { GET as callDataRoute } from "@/app/api/v1/workspaces/[id]/call-data/route";
import { PUT as mappingRoute } from "@/app/api/v1/workspaces/[id]/call-types/route";
import { signInAs } from "../support/session-mock";
import { newTeam, newUser, type Team } from "../support/teams";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);

/**
 * Importing a CAD export end to end against PostgreSQL: the counts match what
 * the generator made, no personal data is stored or returned, and a failed
 * import changes nothing.
 */

const SEED = 14;
const ROWS = 10_000;
const generated = generateCadCsv({ seed: SEED, rows: ROWS, multilineShare: 0.05 });
const ADDRESS = fakeAddress(SEED, 4321);
const responses: string[] = [];

let team: Team;
let W: string;

async function send(
  handler: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  opts: { method?: string; path?: string; body?: BodyInit; type?: string; query?: Record<string, string>; params?: Record<string, string> },
) {
  const url = new URL(`http://localhost${opts.path ?? `/api/v1/workspaces/${W}/call-imports`}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (opts.type) headers["content-type"] = opts.type;
  const req = new NextRequest(url, { method: opts.method ?? "POST", body: opts.body, headers, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await handler(req, { params: Promise.resolve({ id: W, ...opts.params }) });
  const text = await res.text();
  responses.push(text);
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

const importCsv = (csv: string | Uint8Array, query: Record<string, string> = {}) =>
  send(importRoute as never, { body: typeof csv === "string" ? csv : (csv as BodyInit), type: "text/csv", query: { fileName: "calls.csv", ...query } });
const callData = () => send(callDataRoute as never, { method: "GET", path: `/api/v1/workspaces/${W}/call-data` });

async function uploadsLeft() {
  const dir = path.join(os.tmpdir(), "crisis-plan-call-uploads");
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(W));
}

/** Every row of every table as text: pg_dump where its version fits the server, otherwise the same through SQL. */
async function databaseDump(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)("pg_dump", ["--data-only", process.env.DATABASE_URL!], { maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch {
    const db = getDb();
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let out = "";
    for (const t of tables) {
      const rows = await db.$queryRawUnsafe<{ x: string }[]>(`SELECT x::text AS x FROM "${t.name}" x`);
      out += rows.map((r) => r.x).join("\n");
    }
    return out;
  }
}

beforeAll(async () => {
  team = await newTeam("Calltown");
  W = team.workspaceId;
});

describe("importing a generated CAD export", () => {
  it("counts what the generator reports, and fills the worksheet's monthly table", async () => {
    signInAs(team.member);
    const res = await importCsv(generated.csv);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ rowsRead: ROWS, rowsUsed: ROWS, rowsSkipped: 0, worksheetFilled: true, import: { fileName: "calls.csv" } });
    expect(res.body.columns).toMatchObject({ callCode: "Call Type", received: "Call Received", cleared: "Call Cleared" });

    signInAs(team.viewer);
    const data = await callData();
    expect(data.status).toBe(200);
    const byCode = Object.fromEntries(data.body.data.callTypes.map((c: { code: string; calls: number }) => [c.code, c.calls]));
    expect(byCode).toEqual(generated.counts.byCode);
    const byMonth: Record<string, number> = {};
    for (const r of data.body.data.monthly) byMonth[r.month] = (byMonth[r.month] ?? 0) + r.calls;
    expect(byMonth).toEqual(generated.counts.byMonth);
    expect(data.body.data.hourWeekday).toEqual(generated.counts.hourWeekday);
    expect(data.body.summary.totalCalls).toBe(ROWS);
    expect(data.body.data.onScene.length).toBeGreaterThan(0);
    expect(data.body.data.officerHours.length).toBeGreaterThan(0);

    const wb = await workbookFor(W);
    const answer = await getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId: wb.id, itemKey: "calls.by-type" } } });
    const rows = (answer!.value as { rows: { label: string; values: Record<string, number> }[] }).rows;
    expect(rows.map((r) => r.label)).toEqual(Object.keys(generated.counts.byMonth).sort());
    const welfare = (month: string) => generated.counts.byCodeMonth.WELCK?.[month] ?? 0;
    expect(rows.map((r) => r.values["welfare-check"])).toEqual(rows.map((r) => welfare(r.label)));
    expect(await uploadsLeft()).toEqual([]);
  });

  it("stores no address, name, phone or narrative, and returns none", async () => {
    expect(generated.csv).toContain(ADDRESS);
    signInAs(team.coordinator);
    await send(listRoute as never, { method: "GET" });
    await callData();
    const dump = await databaseDump();
    expect(dump).toContain("WELCK"); // the dump does hold the import
    for (const secret of [ADDRESS, "Imaginary Test Lane", "Test Person 4321", "Synthetic narrative", "555-01"]) {
      expect(dump, secret).not.toContain(secret);
      for (const r of responses) expect(r, secret).not.toContain(secret);
    }
  });

  it("walks upload → call types → import with a confirmed mapping, and flags new codes next time", async () => {
    signInAs(team.coordinator);
    const small = generateCadCsv({ seed: 2, rows: 300 });
    const up = await send(uploadRoute as never, { body: small.csv, type: "text/csv", path: `/api/v1/workspaces/${W}/call-imports/uploads` });
    expect(up.status, up.text).toBe(201);
    const a = up.body.analysis;
    expect(a.preview).toHaveLength(20);
    expect(a.columns.find((c: { name: string }) => c.name === "Incident Address")).toMatchObject({ personal: "address" });
    expect(a.detected).toMatchObject({ callCode: "Call Type", callDescription: "Call Type Description", received: "Call Received" });
    expect(await uploadsLeft()).toHaveLength(1);

    const types = await send(callTypesRoute as never, {
      body: JSON.stringify({ columns: a.detected }),
      type: "application/json",
      path: `/api/v1/workspaces/${W}/call-imports/uploads/${up.body.uploadId}/call-types`,
      params: { uploadId: up.body.uploadId },
    });
    expect(types.status, types.text).toBe(200);
    const welck = types.body.callTypes.find((c: { code: string }) => c.code === "WELCK");
    expect(welck).toMatchObject({ category: "welfare-check", tier: "civilian", isNew: true, calls: small.counts.byCode.WELCK });

    const imp = await send(importRoute as never, {
      body: JSON.stringify({ uploadId: up.body.uploadId, fileName: "october.csv", columns: a.detected, callTypes: [{ code: "WELCK", category: "welfare-check", tier: "co-response" }, { code: "NOISE", category: "disturbance", tier: "civilian" }] }),
      type: "application/json",
    });
    expect(imp.status, imp.text).toBe(201);
    expect(imp.body.newCallTypes).not.toContain("WELCK");
    expect(imp.body.newCallTypes).toContain("DIST");
    expect(await uploadsLeft()).toEqual([]);

    const data = await callData();
    expect(data.body.data.callTypes.find((c: { code: string }) => c.code === "WELCK")).toMatchObject({ tier: "co-response", isNew: false });
    const list = await send(listRoute as never, { method: "GET" });
    expect(list.body.imports.map((i: { fileName: string; current: boolean }) => [i.fileName, i.current])).toEqual([
      ["october.csv", true],
      ["calls.csv", false],
    ]);
  });

  it("accepts multipart with a JSON mapping", async () => {
    signInAs(team.member);
    const small = generateCadCsv({ seed: 5, rows: 200, delimiter: ";", timeFormat: "iso" });
    const form = new FormData();
    form.set("mapping", JSON.stringify({ columns: { callCode: "Call Type", received: "Call Received" }, fillWorksheet: false }));
    form.set("file", new Blob([small.csv], { type: "text/csv" }), "semicolons.csv");
    const body = new Response(form);
    const res = await send(importRoute as never, { body: new Uint8Array(await body.arrayBuffer()), type: body.headers.get("content-type")! });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ rowsUsed: 200, worksheetFilled: false, import: { fileName: "semicolons.csv" }, columns: { callCode: "Call Type", received: "Call Received" } });
    const data = await callData();
    expect(data.body.data.columns.cleared).toBe(false);
  });

  it("saving the mapping re-derives the figures without the file", async () => {
    signInAs(team.coordinator);
    const before = (await callData()).body.data;
    const res = await send(mappingRoute as never, {
      method: "PUT",
      path: `/api/v1/workspaces/${W}/call-types`,
      type: "application/json",
      body: JSON.stringify([{ code: "TSTOP", category: "other", tier: "na" }]),
    });
    expect(res.status, res.text).toBe(200);
    const na = res.body.data.byTier.find((t: { tier: string }) => t.tier === "na").calls;
    expect(na).toBe(before.byTier.find((t: { tier: string }) => t.tier === "na").calls + before.callTypes.find((c: { code: string }) => c.code === "TSTOP").calls);
  });
});

describe("bad input changes nothing", () => {
  const cases: [string, string | Uint8Array, RegExp, string][] = [
    ["an empty file", "", /empty/, "empty_file"],
    ["a header without rows", "Call Type,Call Received\n", /no calls/, "no_rows"],
    ["a binary file renamed .csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/, "not_text"],
    ["a time column that will not parse", "Call Type,Call Received\nA,soon\nB,later\nC,whenever\n", /“soon”, “later”, “whenever”/, "bad_time"],
    ["a mapping without the time", "Call Type,Something\nA,1\n", /time the call was received/, "mapping"],
  ];
  it.each(cases)("refuses %s with a specific message", async (_name, body, message, reason) => {
    signInAs(team.member);
    const before = await callData();
    const imports = await getDb().callImport.count({ where: { workspaceId: W } });
    const res = await importCsv(body);
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.reason).toBe(reason);
    expect((await callData()).text).toBe(before.text);
    expect(await getDb().callImport.count({ where: { workspaceId: W } })).toBe(imports);
    expect(await uploadsLeft()).toEqual([]);
  });

  it("a file with more than 1 % malformed rows leaves the previous aggregates untouched", async () => {
    signInAs(team.member);
    const before = await callData();
    const lines = generateCadCsv({ seed: 9, rows: 500, multilineShare: 0 }).csv.split("\r\n");
    for (let i = 10; i < lines.length; i += 40) lines[i] = lines[i] + ",one,field,too,many";
    const res = await importCsv(lines.join("\r\n"));
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe("malformed_rows");
    expect(res.body.details.lines).toHaveLength(10);
    expect(res.body.error.message).toMatch(/First problem lines: 11, 51, 91/);
    expect((await callData()).text).toBe(before.text);
  });

  it("refuses viewers and strangers", async () => {
    signInAs(team.viewer);
    expect((await importCsv(generated.csv.slice(0, 2000))).status).toBe(403);
    signInAs(await newUser("Stranger"));
    expect((await importCsv(generated.csv.slice(0, 2000))).status).toBe(404);
    expect((await callData()).status).toBe(404);
    expect(await uploadsLeft()).toEqual([]);
  });
});
