import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { emptyValue, validateAnswer } from "@/lib/workbook/answer-schemas";
import { saveAnswer, workbookFor } from "@/lib/workbook/service";
import { isAnswerable, type Item } from "@/lib/workbook/template-schema";
import { DEFAULT_TEMPLATE_KEY, TEMPLATES, templateIndex } from "@/lib/workbook/templates";
import { PUT as putAnswer } from "@/app/api/v1/workspaces/[id]/answers/[itemKey]/route";
import { PATCH as patchWorksheet } from "@/app/api/v1/workspaces/[id]/worksheets/[worksheetKey]/route";
import { GET as getWorkbookRoute } from "@/app/api/v1/workspaces/[id]/workbook/route";
import { callRoute, signInAs } from "../support/session-mock";
import { dbFingerprint, newTeam, type Team } from "../support/teams";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);

/**
 * Saving answers against a real PostgreSQL: versions, conflicts, revisions,
 * and the HTTP surface (PUT answer, PATCH worksheet status, GET workbook).
 */

const index = templateIndex(DEFAULT_TEMPLATE_KEY, TEMPLATES[DEFAULT_TEMPLATE_KEY].version)!;
const answerable = [...index.itemByKey.values()].map((e) => e.item).filter(isAnswerable);

/** A valid, non-empty value for an item, different for each `n`. */
function sampleValue(item: Item, n: number): unknown {
  const pick = <T>(list: T[]) => list[n % list.length];
  switch (item.kind) {
    case "short_text":
    case "long_text":
      return `Answer ${n} for ${item.key}`.slice(0, item.maxLength);
    case "number": {
      const lo = Math.ceil(item.min ?? 0);
      const hi = Math.floor(item.max ?? lo + 1000);
      return lo + (n % (hi - lo + 1));
    }
    case "date":
      return `2026-01-${String(1 + (n % 28)).padStart(2, "0")}`;
    case "single_choice":
      return { choice: pick(item.options).value };
    case "multiple_choice":
      return { choices: [pick(item.options).value] };
    case "checklist":
      return { checked: [pick(item.options).value] };
    case "rating":
      return item.min + (n % (item.max - item.min + 1));
    case "table":
      return { rows: [{ id: `r${n}`, cells: {} }] };
    case "data_series":
      return { rows: [{ id: `r${n}`, label: `Row ${n}`, values: {} }] };
    case "action_plan":
      return { rows: [{ id: `a${n}`, cells: { action: `Step ${n}` } }] };
    case "resource_links":
      return { links: [{ id: `l${n}`, title: `Link ${n}`, url: `https://example.org/${n}` }] };
    case "instructions":
      throw new Error("instructions take no answer");
  }
}

let team: Team;
let W: string;
let workbookId: string;

async function answerRow(itemKey: string) {
  return getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId, itemKey } } });
}
async function revisionsOf(itemKey: string) {
  return getDb().answerRevision.findMany({ where: { workbookId, itemKey }, orderBy: { version: "asc" } });
}

beforeAll(async () => {
  team = await newTeam("Riverside");
  W = team.workspaceId;
  workbookId = (await workbookFor(W)).id;
});

describe("concurrent writers", () => {
  it("50 writers on 50 different items all succeed, each with exactly one revision", async () => {
    // The practice worksheet is left for the tests below.
    const items = answerable.filter((i) => !i.key.startsWith("practice.")).slice(0, 50);
    expect(items).toHaveLength(50);
    const values = items.map((item, n) => sampleValue(item, n));
    items.forEach((item, n) => expect(validateAnswer(item, values[n]).ok, item.key).toBe(true));
    const writers = [team.coordinator, team.member];

    const results = await Promise.allSettled(
      items.map((item, n) => saveAnswer(writers[n % 2], W, item.key, { value: values[n], baseVersion: 0 })),
    );
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    for (const r of results) expect((r as PromiseFulfilledResult<{ version: number }>).value.version).toBe(1);

    const db = getDb();
    const keys = items.map((i) => i.key);
    const answers = await db.answer.findMany({ where: { workbookId, itemKey: { in: keys } } });
    expect(answers).toHaveLength(50);
    const revisions = await db.answerRevision.findMany({ where: { workbookId, itemKey: { in: keys } } });
    expect(revisions).toHaveLength(50);
    items.forEach((item, n) => {
      const a = answers.find((x) => x.itemKey === item.key)!;
      expect(a.value, item.key).toEqual(values[n]);
      expect(a.version).toBe(1);
      expect(a.updatedById).toBe(writers[n % 2].userId);
      const revs = revisions.filter((r) => r.itemKey === item.key);
      expect(revs, item.key).toHaveLength(1);
      expect(revs[0].version).toBe(1);
      expect(revs[0].oldValue).toBeNull();
      expect(revs[0].newValue).toEqual(values[n]);
      expect(revs[0].actorId).toBe(writers[n % 2].userId);
    });
  });

  it("50 writers on the same item from version 0: one wins, 49 get a 409 showing the winner", async () => {
    const itemKey = "practice.long";
    const writers = [team.coordinator, team.member];
    const value = (n: number) => `Writer ${n} says hello`;

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, n) => saveAnswer(writers[n % 2], W, itemKey, { value: value(n), baseVersion: 0 })),
    );
    const won = results.flatMap((r, n) => (r.status === "fulfilled" ? [n] : []));
    expect(won).toHaveLength(1);
    const winner = won[0];
    const winnerActor = writers[winner % 2];

    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost).toHaveLength(49);
    for (const r of lost) {
      expect(r.reason, String(r.reason)).toBeInstanceOf(AppError);
      const err = r.reason as AppError;
      expect(err.code).toBe("conflict");
      expect(err.status).toBe(409);
      expect(err.message).toContain(winnerActor.name);
      expect(err.extra?.current).toMatchObject({
        value: value(winner),
        version: 1,
        updatedBy: { id: winnerActor.userId, name: winnerActor.name },
      });
    }

    const row = await answerRow(itemKey);
    expect(row?.value).toBe(value(winner));
    expect(row?.version).toBe(1);
    expect(await revisionsOf(itemKey)).toHaveLength(1);

    // A chain of writes, some based on stale versions: every stale one is refused with the latest value.
    const accepted: unknown[] = [value(winner)];
    const attempts: Array<{ who: Actor; base: number; value: string; ok: boolean }> = [
      { who: team.member, base: 1, value: "Second accepted", ok: true },
      { who: team.coordinator, base: 1, value: "Stale: based on v1", ok: false },
      { who: team.coordinator, base: 0, value: "Stale: based on nothing", ok: false },
      { who: team.member, base: 7, value: "From the future", ok: false },
      { who: team.coordinator, base: 2, value: "Third accepted", ok: true },
      { who: team.member, base: 2, value: "Stale again", ok: false },
      { who: team.member, base: 3, value: "Fourth accepted", ok: true },
    ];
    let last = { who: winnerActor, version: 1 };
    for (const a of attempts) {
      const p = saveAnswer(a.who, W, itemKey, { value: a.value, baseVersion: a.base });
      if (a.ok) {
        const saved = await p;
        expect(saved.version).toBe(a.base + 1);
        accepted.push(a.value);
        last = { who: a.who, version: saved.version };
      } else {
        const err = await p.then(
          () => null,
          (e: unknown) => e as AppError,
        );
        expect(err?.code, a.value).toBe("conflict");
        expect(err?.extra?.current).toMatchObject({
          value: accepted[accepted.length - 1],
          version: last.version,
          updatedBy: { id: last.who.userId, name: last.who.name },
        });
      }
    }

    const revisions = await revisionsOf(itemKey);
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3, 4]);
    expect(revisions.map((r) => r.newValue)).toEqual(accepted);
    expect(revisions.map((r) => r.oldValue)).toEqual([null, ...accepted.slice(0, -1)]);
    const final = await answerRow(itemKey);
    expect(final?.value).toBe(accepted[accepted.length - 1]);
    expect(final?.version).toBe(4);
  });

  it("writers that retry on conflict never lose an accepted value", async () => {
    const itemKey = "practice.short";
    const writers = 12;
    const saved: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, n) => {
        const who = n % 2 ? team.member : team.coordinator;
        const value = `Retrying writer ${n}`;
        let base = 0;
        for (let attempt = 0; attempt < writers * 3; attempt++) {
          try {
            await saveAnswer(who, W, itemKey, { value, baseVersion: base });
            saved.push(value);
            return;
          } catch (err) {
            if (!(err instanceof AppError) || err.code !== "conflict") throw err;
            base = (err.extra?.current as { version: number }).version;
          }
        }
        throw new Error(`writer ${n} never got its turn`);
      }),
    );
    expect(saved).toHaveLength(writers);
    const revisions = await revisionsOf(itemKey);
    expect(revisions.map((r) => r.version)).toEqual(Array.from({ length: writers }, (_, n) => n + 1));
    // Each revision starts from the one before it: no write was based on a value that had been overwritten.
    revisions.forEach((r, n) => expect(r.oldValue).toEqual(n === 0 ? null : revisions[n - 1].newValue));
    expect(new Set(revisions.map((r) => r.newValue))).toEqual(new Set(saved));
    const final = await answerRow(itemKey);
    expect(final?.version).toBe(writers);
    expect(final?.value).toEqual(revisions[writers - 1].newValue);
  });
});

describe("PUT /api/v1/workspaces/{id}/answers/{itemKey}", () => {
  const put = (itemKey: string, body: unknown) =>
    callRoute(putAnswer, {
      method: "PUT",
      path: `/api/v1/workspaces/${W}/answers/${encodeURIComponent(itemKey)}`,
      params: { id: W, itemKey: encodeURIComponent(itemKey) },
      body,
    });
  type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> }; current?: unknown };

  /** Expects the call to be refused with `status` and to leave the database exactly as it was. */
  async function refusedUnchanged(itemKey: string, body: unknown, status: number, code: string, path?: string) {
    const before = await dbFingerprint();
    const res = await put(itemKey, body);
    expect(res.status, res.text).toBe(status);
    const b = res.body as ErrorBody;
    expect(b.error.code).toBe(code);
    expect(b.error.message.length).toBeGreaterThan(5);
    if (path) expect(b.error.issues?.map((i) => i.path), res.text).toContain(path);
    expect(await dbFingerprint()).toEqual(before);
    return b;
  }

  beforeAll(() => signInAs(team.member));

  it("saves a valid answer and returns the new version", async () => {
    signInAs(team.member);
    const res = await put("practice.date", { value: "2026-04-01", baseVersion: 0 });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: 1 });
    expect(typeof (res.body as { updatedAt: string }).updatedAt).toBe("string");
    expect((await answerRow("practice.date"))?.value).toBe("2026-04-01");
  });

  it("answers a stale write with 409 and the current value", async () => {
    signInAs(team.coordinator);
    const before = await dbFingerprint();
    const res = await put("practice.date", { value: "2026-05-01", baseVersion: 0 });
    expect(res.status).toBe(409);
    const b = res.body as ErrorBody;
    expect(b.error.code).toBe("conflict");
    expect(b.current).toMatchObject({ value: "2026-04-01", version: 1, updatedBy: { id: team.member.userId, name: team.member.name } });
    expect(await dbFingerprint()).toEqual(before);
  });

  it("refuses a value of the wrong type with 422 naming the path", async () => {
    signInAs(team.member);
    await refusedUnchanged("practice.number", { value: "five", baseVersion: 0 }, 422, "validation_failed", "value");
    await refusedUnchanged("practice.number", { value: 4.5, baseVersion: 0 }, 422, "validation_failed", "value");
    await refusedUnchanged(
      "practice.table",
      { value: { rows: [{ id: "r1", cells: { name: "Ana", size: "three" } }] }, baseVersion: 0 },
      422,
      "validation_failed",
      "value.rows.0.cells.size",
    );
    await refusedUnchanged("practice.single", { value: { choice: "nowhere" }, baseVersion: 0 }, 422, "validation_failed", "value.choice");
    await refusedUnchanged("practice.links", { value: { links: [{ id: "x", title: "Bad", url: "javascript:alert(1)" }] }, baseVersion: 0 }, 422, "validation_failed", "value.links.0.url");
  });

  it("refuses text with a NUL character with 422, not a false conflict", async () => {
    const b = await refusedUnchanged("practice.long", { value: "Pasted\u0000text", baseVersion: 1 }, 422, "validation_failed", "value");
    expect(b.error.message).toMatch(/invisible character/);
  });

  it("refuses over-long text with 422", async () => {
    const b = await refusedUnchanged("practice.short", { value: "x".repeat(201), baseVersion: 1 }, 422, "validation_failed", "value");
    expect(b.error.message).toMatch(/200/);
  });

  it("refuses too many rows with 422", async () => {
    const rows = Array.from({ length: 11 }, (_, n) => ({ id: `r${n}`, cells: { name: `Person ${n}` } }));
    const b = await refusedUnchanged("practice.table", { value: { rows }, baseVersion: 0 }, 422, "validation_failed", "value.rows");
    expect(b.error.message).toMatch(/At most 10 rows/);
  });

  it("answers 404 for an unknown item, and for an item that takes no answer", async () => {
    await refusedUnchanged("practice.nope", { value: "x", baseVersion: 0 }, 404, "not_found");
    await refusedUnchanged("practice.about", { value: null, baseVersion: 0 }, 404, "not_found");
  });

  it("answers 400 for malformed JSON and for an empty body's missing fields 422", async () => {
    await refusedUnchanged("practice.short", '{"value": "half', 400, "bad_request");
    await refusedUnchanged("practice.short", "", 422, "validation_failed");
  });

  it("refuses unknown body fields and a missing or bad baseVersion with 422", async () => {
    const unknown = await refusedUnchanged("practice.short", { value: "ok", baseVersion: 1, force: true }, 422, "validation_failed");
    expect(unknown.error.message).toMatch(/force/);
    await refusedUnchanged("practice.short", { value: "ok" }, 422, "validation_failed", "baseVersion");
    await refusedUnchanged("practice.short", { value: "ok", baseVersion: "1" }, 422, "validation_failed", "baseVersion");
    await refusedUnchanged("practice.short", { value: "ok", baseVersion: -1 }, 422, "validation_failed", "baseVersion");
    await refusedUnchanged("practice.short", { value: "ok", baseVersion: 1.5 }, 422, "validation_failed", "baseVersion");
    await refusedUnchanged("practice.short", { baseVersion: 1 }, 422, "validation_failed", "value");
    await refusedUnchanged("practice.short", [1, 2], 422, "validation_failed");
  });

  it("refuses a viewer with 403 and changes nothing", async () => {
    signInAs(team.viewer);
    await refusedUnchanged("practice.short", { value: "viewer text", baseVersion: 12 }, 403, "forbidden");
    signInAs(null);
    await refusedUnchanged("practice.short", { value: "anonymous", baseVersion: 12 }, 401, "unauthenticated");
  });
});

describe("PATCH /api/v1/workspaces/{id}/worksheets/{worksheetKey}", () => {
  // The last worksheet: none of its items were answered above, so it is still "not started".
  const CHARTER = index.worksheets[index.worksheets.length - 1].key;
  const patch = (worksheetKey: string, body: unknown) =>
    callRoute(patchWorksheet, {
      method: "PATCH",
      path: `/api/v1/workspaces/${W}/worksheets/${worksheetKey}`,
      params: { id: W, worksheetKey },
      body,
    });
  const statusOf = async (worksheetKey: string) =>
    (await getDb().worksheetState.findUnique({ where: { workbookId_worksheetKey: { workbookId, worksheetKey } } }))?.status ?? "NOT_STARTED";

  it("lets a member mark a worksheet ready for review, but not complete", async () => {
    signInAs(team.member);
    const ready = await patch(CHARTER, { status: "READY_FOR_REVIEW" });
    expect(ready.status, ready.text).toBe(200);
    expect(await statusOf(CHARTER)).toBe("READY_FOR_REVIEW");

    const complete = await patch(CHARTER, { status: "COMPLETE" });
    expect(complete.status).toBe(403);
    expect((complete.body as { error: { code: string } }).error.code).toBe("forbidden");
    expect(await statusOf(CHARTER)).toBe("READY_FOR_REVIEW");
  });

  it("lets only a coordinator mark it complete, and keeps members from reopening it", async () => {
    signInAs(team.coordinator);
    const complete = await patch(CHARTER, { status: "COMPLETE" });
    expect(complete.status, complete.text).toBe(200);
    expect(await statusOf(CHARTER)).toBe("COMPLETE");
    const changes = await getDb().worksheetStatusChange.findMany({ where: { workbookId, worksheetKey: CHARTER }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.fromStatus, c.toStatus])).toEqual([
      ["NOT_STARTED", "READY_FOR_REVIEW"],
      ["READY_FOR_REVIEW", "COMPLETE"],
    ]);

    signInAs(team.member);
    const reopen = await patch(CHARTER, { status: "IN_PROGRESS" });
    expect(reopen.status).toBe(403);
    expect(await statusOf(CHARTER)).toBe("COMPLETE");

    signInAs(team.viewer);
    const viewer = await patch("practice", { status: "READY_FOR_REVIEW" });
    expect(viewer.status).toBe(403);
  });

  it("refuses an unknown status with 422 and an unknown worksheet with 404, changing nothing", async () => {
    signInAs(team.coordinator);
    const before = await dbFingerprint();
    const bad = await patch(CHARTER, { status: "DONE" });
    expect(bad.status).toBe(422);
    expect((bad.body as { error: { issues: Array<{ path: string }> } }).error.issues.map((i) => i.path)).toContain("status");
    const extra = await patch(CHARTER, { status: "COMPLETE", note: "x" });
    expect(extra.status).toBe(422);
    const missing = await patch("no-such-worksheet", { status: "IN_PROGRESS" });
    expect(missing.status).toBe(404);
    expect((missing.body as { error: { code: string } }).error.code).toBe("not_found");
    const malformed = await patch(CHARTER, "{status:");
    expect(malformed.status).toBe(400);
    expect(await dbFingerprint()).toEqual(before);
  });
});

describe("GET /api/v1/workspaces/{id}/workbook", () => {
  type WorkbookBody = {
    workspace: { id: string; role: string };
    sections: Array<{ worksheets: Array<{ key: string; status: string; items: Array<{ key: string; kind: string; answer?: { value: unknown; version: number } }> }> }>;
  };

  it("returns every item with key and kind, and every answer with value and version", async () => {
    signInAs(team.viewer);
    const res = await callRoute(getWorkbookRoute, { method: "GET", path: `/api/v1/workspaces/${W}/workbook`, params: { id: W } });
    expect(res.status, res.text).toBe(200);
    const body = res.body as WorkbookBody;
    expect(body.workspace).toMatchObject({ id: W, role: "VIEWER" });
    const items = body.sections.flatMap((s) => s.worksheets.flatMap((w) => w.items));
    expect(items.map((i) => i.key).sort()).toEqual([...index.itemByKey.keys()].sort());

    const stored = new Map((await getDb().answer.findMany({ where: { workbookId } })).map((a) => [a.itemKey, a]));
    expect(stored.size).toBeGreaterThan(50);
    for (const item of items) {
      const templateItem = index.itemByKey.get(item.key)!.item;
      expect(item.kind).toBe(templateItem.kind);
      if (!isAnswerable(templateItem)) {
        expect(item.answer).toBeUndefined();
        continue;
      }
      const row = stored.get(item.key);
      expect(item.answer, item.key).toBeDefined();
      expect(item.answer!.version).toBe(row?.version ?? 0);
      expect(item.answer!.value).toEqual(row ? row.value : emptyValue(templateItem));
    }
    const statuses = Object.fromEntries(body.sections.flatMap((s) => s.worksheets.map((w) => [w.key, w.status])));
    expect(statuses[index.worksheets[index.worksheets.length - 1].key]).toBe("COMPLETE");
    expect(Object.keys(statuses)).toHaveLength(index.worksheets.length);
  });
});
