import { SOURCES } from "@/lib/calc/sources";
import { templateSchema, type Template } from "../template-schema";
import { crisisResponseTemplate as v1, FW } from "./crisis-response";

/**
 * Version 2 of the built-in workbook: the workbook does the arithmetic.
 *
 * Built from version 1 (which stays installed for workbooks created from it):
 * the capacity estimate, a new budget worksheet, the options comparison, the
 * risk register and a new officer-time worksheet get calculated results, and
 * number inputs carry published defaults with their sources. Keys whose
 * meaning is unchanged are kept; items whose meaning changed get new keys:
 * `capacity.results` (a table typed by hand) → `capacity.estimate`
 * (calculated), `funding.gap` (typed) → `budget.gap` (calculated, per year),
 * `options.table` (with a typed fit rating) → `options.compared` (scores per
 * criterion) and `options.ranking` (calculated).
 */

type Json = Record<string, unknown>;

const FW_ROADMAP = {
  name: "Roadmap to the Ideal Crisis System (2021): crisis-centre staffing example",
  publisher: "Group for the Advancement of Psychiatry / National Council for Mental Wellbeing",
  url: "https://crisisroadmap.com/roadmap/report-card/report-card",
};

const crn = (value: number, note?: string) => ({ value, source: SOURCES.crisisResourceNeed, ...(note ? { note } : {}) });
const planning = (value: number, note: string) => ({ value, source: SOURCES.planning, note });
const share = (key: string, label: string, def: object | undefined, help: string) => ({
  key,
  kind: "number",
  label,
  help,
  min: 0,
  max: 100,
  unit: "%",
  ...(def ? { default: def } : {}),
});

const CAPACITY_HOW_TO =
  "Every input below starts from a published or planning default, marked “default”, with its source. Replace any of them with your own figures; a changed value is marked “local figure”, and “Reset to default” puts the published one back. The results at the bottom are worked out as you type; nobody needs to enter them.\n\n" +
  "The starting values for episodes, first triage and onward referrals are the defaults of the Crisis Resource Need Calculator (McKinsey Health Institute and RI International, 2022), which reflect Arizona's crisis system. Public guidance reports the 230 episodes per 100,000 people as a monthly figure; the calculator's published summary gives no time period, so check it against your own data. The calculator's own formulas are not published; this worksheet uses its own, shown under “How this is worked out”.\n\n" +
  "Mobile teams are sized for each 8-hour block of the day, not for the day's average: busy hours, travel, two-person teams and a target utilisation below 100 % all add teams, especially in rural areas.\n\n" +
  "A labelled example, not a calculator default: the Roadmap to the Ideal Crisis System (Group for the Advancement of Psychiatry and National Council for Mental Wellbeing, 2021) sizes a crisis centre — not mobile teams — for 250,000 people at roughly 500 presentations a month, about 17 a day, and at about 3 hours each, at least 3 staff on every shift.";

const capacityItems: Json[] = [
  { key: "capacity.how-to", kind: "instructions", label: "How the estimate works", body: CAPACITY_HOW_TO },
  {
    key: "capacity.population",
    kind: "number",
    label: "Population served",
    help: "Taken from the community profile. Enter a different number only if this estimate covers a different area.",
    required: true,
    min: 0,
    integer: true,
    unit: "people",
    from: "profile.population",
  },
  {
    key: "capacity.episodes-per-100k",
    kind: "number",
    label: "Crisis episodes needing an in-person response, per 100,000 people per month",
    min: 0,
    unit: "per 100,000 / month",
    default: crn(230, "Reported as per month in public guidance; the calculator's summary gives no period."),
  },
  share("capacity.share-mobile", "Share first triaged to mobile crisis", crn(32), "The three first-triage shares should add up to 100 %."),
  share("capacity.share-receiving", "Share first triaged to crisis receiving facilities", crn(54), "The three first-triage shares should add up to 100 %."),
  share("capacity.share-ed", "Share first triaged to emergency departments", crn(14), "The three first-triage shares should add up to 100 %."),
  share("capacity.mobile-to-receiving", "Share of mobile crisis episodes referred on to a receiving facility", crn(30), "Of the episodes mobile teams see."),
  share("capacity.receiving-to-beds", "Share of receiving facility episodes referred to short-term crisis beds", crn(35), "Of the episodes at receiving facilities."),
  share("capacity.beds-to-inpatient", "Share of short-term bed stays referred to inpatient care", crn(25), "Of the short-term bed admissions."),
  share(
    "capacity.ed-to-inpatient",
    "Share of emergency department crisis episodes referred to inpatient care",
    crn(100, "A high default: it assumes every ED crisis episode ends in an admission. Check it with your hospitals."),
    "Of the crisis episodes first seen in emergency departments.",
  ),
  {
    key: "capacity.hours-per-intervention",
    kind: "number",
    label: "Hours per mobile crisis intervention, including typical travel and paperwork",
    help: "Ask existing teams how long a typical call takes them. Longer trips in outlying areas are added below.",
    min: 0,
    max: 24,
    unit: "hours",
    default: crn(3, "About 3 hours, as reported for the calculator."),
  },
  share("capacity.share-day", "Share of mobile episodes in the day block (8 am – 4 pm)", planning(40, "Look at your 911 and 988 calls by hour to set this."), "The three time blocks should add up to 100 %."),
  share("capacity.share-evening", "Share of mobile episodes in the evening block (4 pm – midnight)", planning(40, "Many communities see the most crisis calls in the afternoon and evening."), "The three time blocks should add up to 100 %."),
  share("capacity.share-overnight", "Share of mobile episodes in the overnight block (midnight – 8 am)", planning(20, "Fewer calls, but a team must still be on duty."), "The three time blocks should add up to 100 %."),
  {
    key: "capacity.team-size",
    kind: "number",
    label: "Responders per mobile team",
    help: "1 or 2. Many programmes send two responders, for example a clinician and a peer.",
    min: 1,
    max: 2,
    integer: true,
    unit: "responders",
    default: planning(2, "Two-person teams are common practice; SAMHSA's guidelines describe teams that include a clinician and peers."),
  },
  share("capacity.zone-urban", "Share of mobile episodes in urban areas", planning(60, "Use the share of calls, not of land area."), "Urban, suburban and rural should add up to 100 %."),
  share("capacity.zone-suburban", "Share of mobile episodes in suburban areas", planning(30, "Use the share of calls, not of land area."), "Urban, suburban and rural should add up to 100 %."),
  share("capacity.zone-rural", "Share of mobile episodes in rural areas", planning(10, "Use the share of calls, not of land area."), "Urban, suburban and rural should add up to 100 %."),
  ...[
    ["urban", 0],
    ["suburban", 15],
    ["rural", 60],
  ].map(([zone, minutes]) => ({
    key: `capacity.travel-${zone}`,
    kind: "number",
    label: `Extra travel time per episode in ${zone} areas`,
    help: "Minutes there and back beyond the typical travel already in the hours per intervention.",
    min: 0,
    max: 600,
    unit: "minutes",
    default: planning(minutes as number, "Measure it from existing response times where you can."),
  })),
  {
    key: "capacity.utilisation",
    kind: "number",
    label: "Target utilisation of mobile teams",
    help: "The share of on-duty time a team should be busy. A team that is always busy cannot answer the next call quickly.",
    min: 1,
    max: 100,
    unit: "%",
    default: planning(60, "A planning target that leaves teams free for most new calls."),
  },
  {
    key: "capacity.bed-stay-days",
    kind: "number",
    label: "Average stay in a short-term crisis bed",
    help: "No published default; ask local providers what a typical stay is.",
    min: 0,
    max: 365,
    unit: "days",
  },
  {
    key: "capacity.estimate",
    kind: "calculated",
    label: "Our capacity estimate",
    help: "Worked out from the inputs above as you type.",
    calculator: "crisis-capacity",
    inputs: {
      population: "capacity.population",
      episodeRate: "capacity.episodes-per-100k",
      shareMobile: "capacity.share-mobile",
      shareReceiving: "capacity.share-receiving",
      shareEd: "capacity.share-ed",
      mobileToReceiving: "capacity.mobile-to-receiving",
      receivingToBeds: "capacity.receiving-to-beds",
      bedsToInpatient: "capacity.beds-to-inpatient",
      edToInpatient: "capacity.ed-to-inpatient",
      hoursPerIntervention: "capacity.hours-per-intervention",
      shareDay: "capacity.share-day",
      shareEvening: "capacity.share-evening",
      shareOvernight: "capacity.share-overnight",
      teamSize: "capacity.team-size",
      zoneUrban: "capacity.zone-urban",
      zoneSuburban: "capacity.zone-suburban",
      zoneRural: "capacity.zone-rural",
      travelUrban: "capacity.travel-urban",
      travelSuburban: "capacity.travel-suburban",
      travelRural: "capacity.travel-rural",
      utilisation: "capacity.utilisation",
      bedStayDays: "capacity.bed-stay-days",
    },
  },
  {
    key: "capacity.notes",
    kind: "long_text",
    label: "What the team makes of the estimate",
    help: "Note local adjustments, such as plans that go beyond the estimate because of drive times.",
    maxLength: 3000,
  },
];

const budgetWorksheet: Json = {
  key: "budget",
  title: "Budget and funding gap",
  intro: "What the response will cost each year, how much of it is already paid for, and where the money runs out.",
  frameworks: [FW.samhsa, FW.crisisSystem],
  items: [
    {
      key: "budget.how-to",
      kind: "instructions",
      label: "How the budget works",
      body: "List the positions with their full-time equivalents (FTE) and yearly salary, then the other yearly costs. Secured funding comes from the funding sources worksheet: only sources marked “Secured” count, each until its end date. The gap per year is worked out below; a drop in secured funding from one year to the next is a funding cliff.",
    },
    {
      key: "budget.staff",
      kind: "table",
      label: "Positions and salaries",
      required: true,
      columns: [
        { key: "role", label: "Role", type: "text", required: true, maxLength: 200 },
        { key: "fte", label: "FTE", type: "number", required: true },
        { key: "salary", label: "Yearly salary ($)", type: "number", required: true },
      ],
      maxRows: 50,
    },
    { key: "budget.fringe-rate", kind: "number", label: "Fringe benefits rate", help: "Benefits and payroll taxes as a share of salary. Ask your finance office for your agency's rate.", min: 0, max: 100, unit: "%" },
    { key: "budget.vehicles", kind: "number", label: "Vehicles per year", help: "Lease or depreciation, fuel, insurance and upkeep.", min: 0, unit: "$ per year" },
    { key: "budget.training", kind: "number", label: "Training per year", min: 0, unit: "$ per year" },
    { key: "budget.overhead-rate", kind: "number", label: "Overhead rate", help: "Administration, space, IT and supervision not counted above, as a share of the costs above.", min: 0, max: 100, unit: "%" },
    { key: "budget.start", kind: "date", label: "Year 1 of the budget starts on", help: "Usually the launch date or the start of a fiscal year." },
    {
      key: "budget.gap",
      kind: "calculated",
      label: "Yearly cost and funding gap",
      calculator: "budget-gap",
      inputs: {
        staff: "budget.staff",
        fringeRate: "budget.fringe-rate",
        vehicles: "budget.vehicles",
        training: "budget.training",
        overheadRate: "budget.overhead-rate",
        funding: "funding.sources",
        start: "budget.start",
      },
    },
  ],
};

const officerWorksheet: Json = {
  key: "officer-time",
  title: "Officer time on behavioral-health calls",
  intro: "How many officer-hours behavioral-health calls take today: the usual local business case for a different response.",
  frameworks: [FW.pmhc, FW.expandingFirstResponse, FW.dispatchTips],
  items: [
    {
      key: "officer.how-to",
      kind: "instructions",
      label: "Where the numbers come from",
      body: "The call counts come from the crisis call data worksheet (all call types there, averaged over the months entered). Ask the police department for the average time officers spend on scene for these calls, including waiting at the hospital, and how many officers usually go.",
    },
    { key: "officer.minutes-on-scene", kind: "number", label: "Average time on scene per call", required: true, min: 0, max: 1440, unit: "minutes" },
    { key: "officer.officers-per-call", kind: "number", label: "Officers sent per call", required: true, min: 0, max: 20, unit: "officers" },
    { key: "officer.hourly-cost", kind: "number", label: "Cost of one officer-hour (optional)", help: "Salary, benefits and vehicle per hour, from the department's budget office.", min: 0, unit: "$ per hour" },
    {
      key: "officer.hours",
      kind: "calculated",
      label: "Officer time on behavioral-health calls",
      calculator: "officer-time",
      inputs: { calls: "calls.by-type", minutesOnScene: "officer.minutes-on-scene", officersPerCall: "officer.officers-per-call", hourlyCost: "officer.hourly-cost" },
    },
  ],
};

const OPTION_CHOICES = [
  { value: "dispatch-diversion", label: "911 dispatch diversion" },
  { value: "co-responder", label: "Co-responder team" },
  { value: "community-responder", label: "Community responder team" },
  { value: "mobile-crisis", label: "Mobile crisis team" },
  { value: "csu", label: "Crisis stabilization unit" },
  { value: "other", label: "Other" },
];
export const OPTION_CRITERIA = [
  { key: "need", label: "Meets the need in our data" },
  { key: "reach", label: "Reaches every part of the area, day and night" },
  { key: "afford", label: "Affordable and fundable for years" },
  { key: "ready", label: "Ready to start: partners, staff, rules" },
  { key: "support", label: "Support from the community and people with lived experience" },
];

const optionsItems: Json[] = [
  {
    key: "options.compared",
    kind: "table",
    label: "Options",
    help: "Note what each option would mean for your community. The scores go in the matrix below.",
    required: true,
    columns: [
      { key: "option", label: "Option", type: "choice", required: true, options: OPTION_CHOICES },
      { key: "pros", label: "Strengths for us", type: "text", maxLength: 1000 },
      { key: "cons", label: "Drawbacks for us", type: "text", maxLength: 1000 },
      { key: "cost", label: "Rough yearly cost ($)", type: "number" },
    ],
    maxRows: 20,
  },
  {
    key: "options.matrix",
    kind: "decision_matrix",
    label: "Score each option",
    help: "Agree the weights as a team first (0 to 10: how much each criterion counts), then score each option from 1 to 5. Base the scores on your data and mapping, not on what another city did.",
    required: true,
    options: OPTION_CHOICES.filter((o) => o.value !== "other"),
    criteria: OPTION_CRITERIA.map((c) => ({ ...c, weight: 1 })),
    scaleHint: "1 = poor fit for us, 5 = strong fit",
  },
  {
    key: "options.ranking",
    kind: "calculated",
    label: "Options ranked by weighted score",
    calculator: "decision-matrix-ranking",
    inputs: { matrix: "options.matrix" },
  },
];

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function build(): Template {
  const t = clone(v1) as unknown as Json & { sections: Array<Json & { key: string; worksheets: Array<Json & { key: string; items: Json[]; frameworks: Json[] }> }> };
  t.version = 2;
  const section = (key: string) => t.sections.find((s) => s.key === key)!;
  const worksheet = (s: string, w: string) => section(s).worksheets.find((x) => x.key === w)!;

  // Officer time, right after the call data it reads.
  const need = section("understanding-need");
  need.worksheets.splice(need.worksheets.findIndex((w) => w.key === "crisis-call-data") + 1, 0, officerWorksheet as never);

  // Options: criteria scores and a calculated ranking replace the typed fit.
  const options = worksheet("response-model", "options-compared");
  const at = options.items.findIndex((i) => i.key === "options.table");
  options.items.splice(at, 1, ...optionsItems);

  // Capacity: calculated results, defaults with sources, the population from the profile.
  const capacity = worksheet("capacity-resources", "capacity-estimate");
  capacity.intro =
    "How many crisis episodes to expect and how many mobile teams, staff on duty and short-term beds they call for. The results are worked out for you; every assumption is yours to change.";
  capacity.frameworks = [FW.crisisNow, FW_ROADMAP, FW.samhsa];
  capacity.items = capacityItems;

  // Budget, after the staffing plan; the funding worksheet loses its typed gap.
  const resources = section("capacity-resources");
  resources.worksheets.splice(resources.worksheets.findIndex((w) => w.key === "funding") + 1, 0, budgetWorksheet as never);
  const funding = worksheet("capacity-resources", "funding");
  funding.items = funding.items.filter((i) => i.key !== "funding.gap");

  // Risks: a score and a heat map over the register.
  const risks = t.sections.flatMap((s) => s.worksheets).find((w) => w.key === "risks")!;
  risks.items.push({
    key: "risks.scores",
    kind: "calculated",
    label: "Risk scores and heat map",
    calculator: "risk-score",
    inputs: { register: "risks.register" },
  });

  return templateSchema.parse(t);
}

export const crisisResponseTemplateV2: Template = build();
