import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { forgetWorkbook, saveAnswer, workbookFor } from "@/lib/workbook/service";
import { templateSchema, type Template } from "@/lib/workbook/template-schema";
import { DEFAULT_TEMPLATE_KEY, getTemplate, TEMPLATES } from "@/lib/workbook/templates";
import { applyUpgrade, archivedAnswers, upgradePreview, upgradeWorkbook } from "@/lib/workbook/upgrade";
import { expectAppError, newTeam, type Team } from "../support/teams";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);

/**
 * Upgrading a plan from one template version to the next: kept answers keep
 * their values and history, removed questions' answers move to the archive,
 * and a failure half-way leaves the plan on its old version untouched.
 */

const v1 = getTemplate(DEFAULT_TEMPLATE_KEY, 1)!;

/** Version 2 of the built-in template as a fixture: one worksheet removed, one question moved, one changed kind, one worksheet added. */
function fixtureV2(): Template {
  const t = structuredClone(v1) as Template & { version: number };
  t.version = 2;
  const gettingStarted = t.sections[0];
  // Remove "Who is not yet at the table".
  gettingStarted.worksheets = gettingStarted.worksheets.filter((w) => w.key !== "stakeholders-missing");
  // Move the community name question into a new worksheet.
  const welcome = gettingStarted.worksheets.find((w) => w.key === "welcome")!;
  const moved = welcome.items.find((i) => i.key === "welcome.community-name")!;
  welcome.items = welcome.items.filter((i) => i.key !== "welcome.community-name");
  // The kick-off date becomes free text: same key, other kind, so its answer is archived.
  welcome.items = welcome.items.map((i) => (i.key === "welcome.kickoff-date" ? { key: i.key, kind: "short_text", label: "When did the team first meet?", required: false, maxLength: 200 } : i)) as typeof welcome.items;
  gettingStarted.worksheets.push({
    key: "follow-up",
    title: "Follow-up after a crisis",
    intro: "Who checks in with a person after a crisis, and when.",
    frameworks: v1.sections[0].worksheets[0].frameworks,
    items: [moved, { key: "follow-up.who", kind: "long_text", label: "Who follows up, and within how many hours?", required: true, maxLength: 5000 }],
  } as (typeof gettingStarted.worksheets)[number]);
  return templateSchema.parse(t);
}

let team: Team;
const answers: Record<string, unknown> = {
  "welcome.community-name": "Lake County",
  "welcome.kickoff-date": "2026-03-02",
  "charter.purpose": "To build a crisis system that sends the right help.",
  "stakeholders.missing": { rows: [{ id: "r1", cells: { who: "Schools" } }] },
};

/** Puts a new plan on version 1, as plans made before version 2 are. */
async function onVersion1(t: Team) {
  await getDb().workbook.update({ where: { workspaceId: t.workspaceId }, data: { templateVersion: 1 } });
  forgetWorkbook(t.workspaceId);
}

async function answerEverything(t: Team) {
  await onVersion1(t);
  for (const [key, value] of Object.entries(answers)) await saveAnswer(t.coordinator, t.workspaceId, key, { value, baseVersion: 0 });
  // A second edit so the kept answer has history.
  await saveAnswer(t.coordinator, t.workspaceId, "welcome.community-name", { value: "Lake County and Easton", baseVersion: 1 });
}

beforeAll(async () => {
  team = await newTeam("Upgrade");
  await answerEverything(team);
});

describe("template upgrade", () => {
  it("keeps answers whose question remains, with their history, and archives the rest", async () => {
    const db = getDb();
    const wb = await workbookFor(team.workspaceId);
    const notAtTable = (await db.answer.count({ where: { workbookId: wb.id, worksheetKey: "stakeholders-missing" } }));
    const before = await db.answer.findMany({ where: { workbookId: wb.id } });
    const revisionsBefore = await db.answerRevision.count({ where: { workbookId: wb.id, itemKey: "welcome.community-name" } });
    expect(revisionsBefore).toBe(2);

    const result = await db.$transaction((tx) =>
      applyUpgrade(tx, { workbookId: wb.id, workspaceId: team.workspaceId, from: v1, to: fixtureV2(), actorId: team.coordinator.userId }),
    );
    expect(notAtTable).toBe(1);
    expect(result.archived).toBe(2);

    const after = await db.answer.findMany({ where: { workbookId: wb.id } });
    const name = after.find((a) => a.itemKey === "welcome.community-name")!;
    expect(name.value).toBe("Lake County and Easton");
    expect(name.version).toBe(2);
    expect(name.worksheetKey).toBe("follow-up");
    expect(await db.answerRevision.count({ where: { workbookId: wb.id, itemKey: "welcome.community-name", worksheetKey: "follow-up" } })).toBe(2);
    expect(after.find((a) => a.itemKey === "charter.purpose")?.value).toBe(answers["charter.purpose"]);
    expect(after.find((a) => a.itemKey === "welcome.kickoff-date")).toBeUndefined();
    expect(after.length).toBe(before.length - result.archived);

    const archived = await db.archivedAnswer.findMany({ where: { workbookId: wb.id } });
    const kickoff = archived.find((a) => a.itemKey === "welcome.kickoff-date")!;
    expect(kickoff.value).toBe("2026-03-02");
    expect(kickoff.templateVersion).toBe(1);
    expect((await db.workbook.findUniqueOrThrow({ where: { id: wb.id } })).templateVersion).toBe(2);
    const log = await db.auditLog.findFirst({ where: { workspaceId: team.workspaceId, action: "workbook.upgraded" } });
    expect(log?.data).toMatchObject({ fromVersion: 1, toVersion: 2, archived: result.archived });
  });

  it("shows archived answers with their question's wording from the old version", async () => {
    // The fixture's version 2 is not the installed one; put the plan back on version 1 so it can be read.
    await onVersion1(team);
    const list = await archivedAnswers(team.member, team.workspaceId);
    const kickoff = list.find((a) => a.itemKey === "welcome.kickoff-date")!;
    expect(kickoff.label).toBe("Date of the team's first meeting");
    expect(kickoff.worksheetTitle).toBe("About this workbook and our community");
    expect(kickoff.summary).toContain("2026");
  });

  it("leaves the plan on its old version, untouched, when the upgrade fails half-way", async () => {
    const other = await newTeam("Upgrade failure");
    await answerEverything(other);
    const db = getDb();
    const wb = await workbookFor(other.workspaceId);
    const before = await db.answer.findMany({ where: { workbookId: wb.id }, orderBy: { itemKey: "asc" } });
    // The last step (recording the new version) fails after answers were archived and moved.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fail_upgrade() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_upgrade BEFORE UPDATE OF "templateVersion" ON "Workbook" FOR EACH ROW WHEN (NEW.id = '${wb.id}') EXECUTE FUNCTION fail_upgrade()`);
    try {
      await expect(
        db.$transaction((tx) => applyUpgrade(tx, { workbookId: wb.id, workspaceId: other.workspaceId, from: v1, to: fixtureV2(), actorId: other.coordinator.userId })),
      ).rejects.toThrow(/disk full/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_upgrade ON "Workbook"`);
    }
    const after = await db.answer.findMany({ where: { workbookId: wb.id }, orderBy: { itemKey: "asc" } });
    expect(after).toEqual(before);
    expect(await db.archivedAnswer.count({ where: { workbookId: wb.id } })).toBe(0);
    expect((await db.workbook.findUniqueOrThrow({ where: { id: wb.id } })).templateVersion).toBe(1);
  });

  it("refuses an upgrade from a version the plan is no longer on", async () => {
    const wb = await getDb().workbook.update({ where: { workspaceId: team.workspaceId }, data: { templateVersion: 2 } });
    await expectAppError(
      getDb().$transaction((tx) => applyUpgrade(tx, { workbookId: wb.id, workspaceId: team.workspaceId, from: v1, to: fixtureV2(), actorId: null })),
      "conflict",
    );
  });

  it("lets only coordinators preview or upgrade", async () => {
    const other = await newTeam("Upgrade access");
    await expectAppError(upgradePreview(other.member, other.workspaceId), "forbidden");
    await expectAppError(upgradeWorkbook(other.member, other.workspaceId, { fromVersion: 1, toVersion: 2 }), "forbidden");
    await expectAppError(upgradeWorkbook(other.coordinator, other.workspaceId, { fromVersion: 1, toVersion: 1 }), "validation_failed");
  });

  it("moves a version 1 plan to the installed version 2, keeping every answer whose question remains", async () => {
    const plan = await newTeam("Upgrade real");
    await answerEverything(plan);
    const preview = await upgradePreview(plan.coordinator, plan.workspaceId);
    expect(preview).toMatchObject({ currentVersion: 1, latestVersion: TEMPLATES[DEFAULT_TEMPLATE_KEY].version, available: true });
    expect(preview.worksheets.length).toBeGreaterThan(0);
    const result = await upgradeWorkbook(plan.coordinator, plan.workspaceId, { fromVersion: 1, toVersion: preview.latestVersion });
    expect(result.version).toBe(preview.latestVersion);
    const wb = await workbookFor(plan.workspaceId);
    expect(wb.templateVersion).toBe(preview.latestVersion);
    const kept = await getDb().answer.findMany({ where: { workbookId: wb.id } });
    expect(kept.find((a) => a.itemKey === "charter.purpose")?.value).toBe(answers["charter.purpose"]);
    expect(kept.find((a) => a.itemKey === "welcome.community-name")?.value).toBe("Lake County and Easton");
    expect((await upgradePreview(plan.coordinator, plan.workspaceId)).available).toBe(false);
  });
});
