import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { directDatabaseUrl, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { LiveListener, type LiveEvent } from "@/lib/live/listener";
import { saveAnswer, workbookFor } from "@/lib/workbook/service";
import { newTeam, type Team } from "../support/teams";

/**
 * The autosave's guarantees, which hold whether DATABASE_URL reaches
 * PostgreSQL directly or through PgBouncer in transaction mode (CI runs this
 * file both ways, see TEST_POOLER_URL in tests/support/setup-db.ts):
 * every accepted save writes exactly one revision and one live event in the
 * same transaction, and nothing at all is written for a refused one.
 */

let team: Team;
let W: string;
let workbookId: string;
let listener: LiveListener;
const heard: LiveEvent[] = [];

async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const answerEvents = (itemKey: string) =>
  getDb().liveEvent.findMany({ where: { workspaceId: W, type: "answer.saved", payload: { path: ["itemKey"], equals: itemKey } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  team = await newTeam("Autosave");
  W = team.workspaceId;
  workbookId = (await workbookFor(W)).id;
  listener = new LiveListener({ connectionString: directDatabaseUrl(), log: () => {} });
  await listener.start();
  listener.subscribe(W, { onEvents: (e) => heard.push(...e), onResync: () => {} });
});

afterAll(async () => {
  await listener.stop();
});

describe("autosave over one statement", () => {
  it("50 writers on the same version: one is accepted with one revision and one live event; 49 get a 409 with its value", async () => {
    const itemKey = "practice.short";
    const first = await saveAnswer(team.coordinator, W, itemKey, { value: "Start", baseVersion: 0 });
    expect(first.version).toBe(1);
    const writers = [team.coordinator, team.member];
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, n) => saveAnswer(writers[n % 2], W, itemKey, { value: `Writer ${n}`, baseVersion: 1 })),
    );
    const won = results.flatMap((r, n) => (r.status === "fulfilled" ? [n] : []));
    expect(won).toHaveLength(1);
    const winner = writers[won[0] % 2];
    for (const r of results) {
      if (r.status === "fulfilled") continue;
      const err = r.reason as AppError;
      expect(err).toBeInstanceOf(AppError);
      expect(err.status).toBe(409);
      expect(err.extra?.current).toMatchObject({ value: `Writer ${won[0]}`, version: 2, updatedBy: { id: winner.userId, name: winner.name } });
    }
    const revisions = await getDb().answerRevision.findMany({ where: { workbookId, itemKey }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.oldValue, r.newValue])).toEqual([
      [1, null, "Start"],
      [2, "Start", `Writer ${won[0]}`],
    ]);
    const events = await answerEvents(itemKey);
    expect(events.map((e) => (e.payload as { version: number; value: unknown }).version)).toEqual([1, 2]);
    expect((events[1].payload as { value: unknown }).value).toBe(`Writer ${won[0]}`);
    // The listener hears both (NOTIFY at commit), and nothing for the 49 refused saves.
    await waitFor(() => heard.filter((e) => e.payload.itemKey === itemKey).length >= 2, "two answer.saved events");
    expect(heard.filter((e) => e.payload.itemKey === itemKey).map((e) => e.payload.version)).toEqual([1, 2]);
  });

  it("50 writers on 50 items from their current versions: all accepted, each with one revision and one live event", async () => {
    const index = (await workbookFor(W)).index;
    const items = [...index.itemByKey.values()].filter((e) => e.item.kind === "short_text" || e.item.kind === "long_text").map((e) => e.item.key);
    const keys = items.filter((k) => !k.startsWith("practice.")).slice(0, 50);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    // Each item gets a first answer, then 50 saves spread over the items, each based on the version before it.
    for (const k of keys) await saveAnswer(team.member, W, k, { value: `First ${k}`, baseVersion: 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, n) => {
        const k = keys[n % keys.length];
        const round = Math.floor(n / keys.length);
        return (async () => {
          // Writers on the same item go one after another (each knows the previous version).
          for (;;) {
            const row = await getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId, itemKey: k } } });
            if (row!.version === round + 1) return saveAnswer(team.coordinator, W, k, { value: `Round ${round} ${k}`, baseVersion: round + 1 });
            await new Promise((r) => setTimeout(r, 5));
          }
        })();
      }),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    for (const k of keys) {
      const revisions = await getDb().answerRevision.findMany({ where: { workbookId, itemKey: k }, orderBy: { version: "asc" } });
      const events = await answerEvents(k);
      expect(revisions.map((r) => r.version), k).toEqual(events.map((e) => (e.payload as { version: number }).version));
      revisions.forEach((r, n) => expect(r.oldValue, k).toEqual(n === 0 ? null : revisions[n - 1].newValue));
      const row = await getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId, itemKey: k } } });
      expect(row!.version).toBe(revisions.length);
      expect(row!.value).toEqual(revisions[revisions.length - 1].newValue);
    }
  });

  it("writes the answer, its revision and the live event in one transaction: when the event cannot be written, nothing is", async () => {
    const itemKey = "practice.long";
    await saveAnswer(team.member, W, itemKey, { value: "Kept", baseVersion: 0 });
    const admin = new pg.Client({ connectionString: directDatabaseUrl() });
    await admin.connect();
    try {
      // Make every new answer.saved event fail, as a full disk or a bug would.
      await admin.query(`ALTER TABLE "LiveEvent" ADD CONSTRAINT test_no_answer_events CHECK (type <> 'answer.saved') NOT VALID`);
      await expect(saveAnswer(team.member, W, itemKey, { value: "Lost with its event", baseVersion: 1 })).rejects.toThrow();
    } finally {
      await admin.query(`ALTER TABLE "LiveEvent" DROP CONSTRAINT IF EXISTS test_no_answer_events`);
      await admin.end();
    }
    const row = await getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId, itemKey } } });
    expect(row).toMatchObject({ value: "Kept", version: 1 });
    expect(await getDb().answerRevision.count({ where: { workbookId, itemKey } })).toBe(1);
    // And the next save based on version 1 goes through.
    expect((await saveAnswer(team.member, W, itemKey, { value: "Saved", baseVersion: 1 })).version).toBe(2);
    expect((await answerEvents(itemKey)).map((e) => (e.payload as { version: number }).version)).toEqual([1, 2]);
  });
});
