import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { workbookFor } from "@/lib/workbook/service";
import { PUT as putAnswer } from "@/app/api/v1/workspaces/[id]/answers/[itemKey]/route";
import { GET as getWorkbookRoute } from "@/app/api/v1/workspaces/[id]/workbook/route";
import { callRoute, signInAs } from "../support/session-mock";
import { newTeam, type Team } from "../support/teams";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);

/**
 * The workbook does the arithmetic: in a new plan, the population typed on
 * the community profile flows into the capacity estimate, the API shows the
 * results with their inputs, formulas and warnings, and nobody can write a
 * calculated result.
 */

type Item = {
  key: string;
  kind: string;
  value?: Record<string, number | null>;
  inputs?: string[];
  formulas?: Array<{ label: string; words: string }>;
  warnings?: string[];
  needs?: string[];
  assumption?: { value: unknown; origin: string; from?: string };
};
type WorkbookBody = { template: { version: number }; sections: Array<{ worksheets: Array<{ key: string; items: Item[] }> }> };

let team: Team;
let W: string;

async function workbookItems() {
  const res = await callRoute(getWorkbookRoute, { method: "GET", path: `/api/v1/workspaces/${W}/workbook`, params: { id: W } });
  expect(res.status, res.text).toBe(200);
  const body = res.body as WorkbookBody;
  return new Map(body.sections.flatMap((s) => s.worksheets.flatMap((w) => w.items)).map((i) => [i.key, i]));
}

async function put(itemKey: string, value: unknown, baseVersion = 0) {
  return callRoute(putAnswer, {
    method: "PUT",
    path: `/api/v1/workspaces/${W}/answers/${itemKey}`,
    params: { id: W, itemKey },
    body: { value, baseVersion },
  });
}

beforeAll(async () => {
  team = await newTeam("Calculations");
  W = team.workspaceId;
});

describe("calculated results in a new plan", () => {
  it("before the population is known, the estimate says what it needs instead of showing 0", async () => {
    signInAs(team.viewer);
    const items = await workbookItems();
    const estimate = items.get("capacity.estimate")!;
    expect(estimate.kind).toBe("calculated");
    expect(estimate.value?.episodesPerMonth).toBeNull();
    expect(estimate.needs).toContain("the population");
    // The published defaults are filled in and marked as such.
    expect(items.get("capacity.episodes-per-100k")?.assumption).toMatchObject({ value: 230, origin: "default" });
  });

  it("PUT profile.population = 250000 → the capacity results show 575 episodes a month, 184 to mobile crisis", async () => {
    signInAs(team.member);
    const res = await put("profile.population", 250_000);
    expect(res.status, res.text).toBe(200);

    signInAs(team.viewer);
    const items = await workbookItems();
    const estimate = items.get("capacity.estimate")!;
    expect(estimate.value).toMatchObject({ episodesPerMonth: 575, mobilePerMonth: 184 });
    expect(estimate.inputs).toEqual(expect.arrayContaining(["capacity.population", "profile.population", "capacity.share-mobile"]));
    expect(estimate.formulas?.map((f) => f.words)).toContain("population ÷ 100,000 × episodes per 100,000 per month");
    expect(estimate.warnings?.some((w) => w.includes("inpatient admission"))).toBe(true);
    expect(items.get("capacity.population")?.assumption).toMatchObject({ value: 250_000, origin: "reference", from: "profile.population" });
  });

  it("a PUT on a calculated item is refused with 422 and changes nothing", async () => {
    signInAs(team.coordinator);
    const workbookId = (await workbookFor(W)).id;
    const before = await getDb().answer.count({ where: { workbookId } });
    const res = await put("capacity.estimate", { episodesPerMonth: 1 });
    expect(res.status, res.text).toBe(422);
    expect(res.text).toMatch(/calculated/i);
    expect(await getDb().answer.count({ where: { workbookId } })).toBe(before);
    expect(await getDb().answer.findUnique({ where: { workbookId_itemKey: { workbookId, itemKey: "capacity.estimate" } } })).toBeNull();
    signInAs(team.viewer);
    expect((await workbookItems()).get("capacity.estimate")!.value?.episodesPerMonth).toBe(575);
  });

  it("a local figure overrides the reference; shares that do not add up give a warning", async () => {
    signInAs(team.member);
    expect((await put("capacity.population", 100_000)).status).toBe(200);
    expect((await put("capacity.share-receiving", 66)).status).toBe(200);
    signInAs(team.viewer);
    const items = await workbookItems();
    expect(items.get("capacity.population")?.assumption).toMatchObject({ value: 100_000, origin: "local" });
    expect(items.get("capacity.estimate")!.value?.episodesPerMonth).toBe(230);
    expect(items.get("capacity.estimate")!.warnings).toContain("The three first-triage shares add up to 112 %, not 100 %.");
  });
});
