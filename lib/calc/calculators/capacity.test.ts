import { describe, expect, it } from "vitest";
import { runCalculator } from "../calculator";
import { crisisCapacity, type CapacitySlot } from "./capacity";

/** The Crisis Resource Need Calculator's defaults plus the workbook's starting points. */
const DEFAULTS: Record<CapacitySlot, number> = {
  population: 250_000,
  episodeRate: 230,
  shareMobile: 32,
  shareReceiving: 54,
  shareEd: 14,
  mobileToReceiving: 30,
  receivingToBeds: 35,
  bedsToInpatient: 25,
  edToInpatient: 100,
  hoursPerIntervention: 3,
  shareDay: 40,
  shareEvening: 40,
  shareOvernight: 20,
  teamSize: 2,
  zoneUrban: 60,
  zoneSuburban: 30,
  zoneRural: 10,
  travelUrban: 0,
  travelSuburban: 15,
  travelRural: 60,
  utilisation: 60,
  bedStayDays: 3,
};
const run = (over: Partial<Record<CapacitySlot, number | null>> = {}) => runCalculator(crisisCapacity, { ...DEFAULTS, ...over });
const table = (res: ReturnType<typeof run>, key: string) => res.tables.find((t) => t.key === key)!;
const row = (res: ReturnType<typeof run>, t: string, r: string) => table(res, t).rows.find((x) => x.key === r)!;

describe("crisis capacity", () => {
  it("250,000 people at the default rate: 575 episodes a month, 184 first triaged to mobile crisis", () => {
    const r = run();
    expect(r.values.episodesPerMonth).toBe(575);
    expect(r.values.mobilePerMonth).toBe(184);
    // 575 × 54 % + 184 × 30 % = 310.5 + 55.2
    expect(r.values.receivingPerMonth).toBeCloseTo(365.7, 6);
    expect(r.values.edPerMonth).toBeCloseTo(80.5, 6);
    // 365.7 × 35 %
    expect(r.values.bedAdmissionsPerMonth).toBeCloseTo(127.995, 6);
    // 127.995 × 25 % + 80.5 × 100 %
    expect(r.values.inpatientPerMonth).toBeCloseTo(112.49875, 6);
    // 184 per month ÷ (365 ÷ 12) days
    expect(r.values.mobilePerDay).toBeCloseTo(6.0493, 3);
    expect(r.needs).toEqual([]);
  });

  it("sizes mobile teams per time block with busy hours, travel, team size and utilisation", () => {
    const r = run();
    // 3 h + (60 % × 0 + 30 % × 15 + 10 % × 60) min = 3 h + 10.5 min = 3.175 h
    expect(r.values.busyHoursPerEpisode).toBeCloseTo(3.175, 6);
    // Day: 6.049 × 40 % = 2.42 episodes × 3.175 h ÷ 8 h = 0.96 busy ÷ 60 % = 1.6 → 2 teams of 2
    expect(row(r, "mobile-teams", "day").cells.averageBusy).toBeCloseTo(0.9603, 3);
    expect(r.values["teams.day"]).toBe(2);
    expect(r.values["staff.day"]).toBe(4);
    expect(r.values["teams.evening"]).toBe(2);
    // Overnight: 1.21 × 3.175 ÷ 8 = 0.48 ÷ 60 % = 0.8 → 1 team of 2
    expect(r.values["teams.overnight"]).toBe(1);
    expect(r.values["staff.overnight"]).toBe(2);
    expect(r.values.peakStaff).toBe(4);
    // One-person teams halve the staff, not the teams.
    expect(run({ teamSize: 1 }).values["staff.day"]).toBe(2);
    // Higher utilisation needs fewer teams: 0.96 ÷ 100 % → 1
    expect(run({ utilisation: 100 }).values["teams.day"]).toBe(1);
  });

  it("the old average-only formula under-sizes: all-rural travel adds teams", () => {
    const rural = run({ zoneUrban: 0, zoneSuburban: 0, zoneRural: 100, travelRural: 90 });
    // 3 h + 1.5 h = 4.5 h; day: 2.42 × 4.5 ÷ 8 = 1.36 ÷ 60 % = 2.27 → 3 teams
    expect(rural.values.busyHoursPerEpisode).toBe(4.5);
    expect(rural.values["teams.day"]).toBe(3);
    expect(rural.values["staff.day"]).toBe(6);
  });

  it("short-term beds from admissions per day × average stay, rounded up", () => {
    // 127.995 ÷ 30.42 = 4.208 a day × 3 days = 12.6 → 13
    expect(run().values.shortTermBeds).toBe(13);
    expect(run({ bedStayDays: 5 }).values.shortTermBeds).toBe(22);
  });

  it("shows the results at −20 % and +20 % of the episode rate", () => {
    const s = table(run(), "sensitivity");
    expect(s.rows.map((x) => x.cells.episodes)).toEqual([460, 575, 690]);
    expect(s.rows.map((x) => x.cells.mobile)).toEqual([147.2, 184, 220.8]);
    expect(s.rows.map((x) => x.cells.rate)).toEqual([184, 230, 276]);
    expect(s.rows.map((x) => x.cells.beds)).toEqual([11, 13, 16]);
    expect(s.rows.map((x) => x.cells.staff)).toEqual([4, 4, 4]);
  });

  it("says what it needs when an input is missing, instead of 0", () => {
    const r = run({ population: null });
    expect(r.values.episodesPerMonth).toBeNull();
    expect(r.values.mobilePerMonth).toBeNull();
    expect(row(r, "episodes", "all").needs).toBe("needs the population");
    expect(r.needs).toContain("the population");
    // Beds need their own input; the rest still works.
    const noStay = run({ bedStayDays: null });
    expect(noStay.values.episodesPerMonth).toBe(575);
    expect(noStay.values.shortTermBeds).toBeNull();
    expect(row(noStay, "beds", "beds").needs).toBe("needs the average stay in a short-term bed");
  });

  it("a share over 100 % gives a message and no result", () => {
    const r = run({ shareMobile: 120 });
    expect(r.values.mobilePerMonth).toBeNull();
    expect(r.values.peakTeams).toBeNull();
    expect(row(r, "episodes", "mobile").needs).toBe(
      "needs the share first triaged to mobile crisis between 0 and 100 % (it is 120 %)",
    );
    expect(r.needs[0]).toMatch(/between 0 and 100 %/);
    // Episodes that do not depend on it are still shown.
    expect(r.values.episodesPerMonth).toBe(575);
  });

  it("warns when the first-triage shares do not add up to 100 %", () => {
    const r = run({ shareReceiving: 66 });
    expect(r.warnings).toContain("The three first-triage shares add up to 112 %, not 100 %.");
    expect(run().warnings.some((w) => w.includes("first-triage"))).toBe(false);
    expect(run({ shareDay: 50 }).warnings).toContain("The three time-block shares add up to 110 %, not 100 %.");
  });

  it("cautions about the 100 % emergency-department-to-inpatient default", () => {
    expect(run().warnings.some((w) => w.includes("100 %") && w.includes("hospitals"))).toBe(true);
    expect(run({ edToInpatient: 40 }).warnings.some((w) => w.includes("hospitals"))).toBe(false);
  });

  it("zero population gives zero episodes, no teams and no beds", () => {
    const r = run({ population: 0 });
    expect(r.values.episodesPerMonth).toBe(0);
    expect(r.values["teams.day"]).toBe(0);
    expect(r.values.shortTermBeds).toBe(0);
    expect(r.needs).toEqual([]);
  });

  it("team size must be 1 or 2", () => {
    const r = run({ teamSize: 3 });
    expect(r.values.peakStaff).toBeNull();
    expect(r.needs).toContain("the team size (1 or 2) between 1 and 2 (it is 3)");
  });

  it("writes every formula in words", () => {
    const words = run().formulas.map((f) => f.words).join("\n");
    expect(words).toContain("population ÷ 100,000 × episodes per 100,000 per month");
    expect(words).toContain("target utilisation");
  });
});
