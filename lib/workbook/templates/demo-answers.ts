import type {
  ChecklistValue,
  DataSeriesValue,
  MultipleChoiceValue,
  SingleChoiceValue,
  TableValue,
} from "../answer-schemas";

/**
 * Demo answers for the built-in "crisis-response" template: a made-up place,
 * "Demo County", with fictional agencies and people. About half the workbook
 * is filled in, at different stages, so a demo shows every kind of answer and
 * a realistic mix of worksheet statuses.
 */

export type DemoMembers = { coordinator: string; member: string; viewer: string };
export type DemoAnswer = { itemKey: string; value: unknown };
export type DemoWorksheetStatus = "NOT_STARTED" | "IN_PROGRESS" | "READY_FOR_REVIEW" | "COMPLETE";

type Cells = TableValue["rows"][number]["cells"];
const table = (rows: Array<[id: string, cells: Cells]>): TableValue => ({
  rows: rows.map(([id, cells]) => ({ id, cells })),
});
const single = (choice: string, other?: string): SingleChoiceValue => (other ? { choice, other } : { choice });
const multi = (choices: string[], other?: string): MultipleChoiceValue => (other ? { choices, other } : { choices });
const checklist = (checked: string[]): ChecklistValue => ({ checked });

// -- Demo County's numbers, shared by several worksheets ---------------------

const POPULATION = 248_600;

/**
 * The capacity estimate keeps the Crisis Resource Need Calculator's published
 * defaults (left unsaved, so they show as defaults) and enters local figures
 * only where the demo team knows better: drive times in the rural east county
 * and the average stay at the crisis beds.
 */
const CAPACITY_LOCAL_FIGURES = {
  "capacity.zone-urban": 55,
  "capacity.zone-suburban": 20,
  "capacity.zone-rural": 25,
  "capacity.travel-rural": 75,
  "capacity.bed-stay-days": 3,
};

/** Twelve months of 911 calls by type, November 2025 to October 2026. */
const CALL_MONTHS: Array<[label: string, values: [number, number, number, number, number, number]]> = [
  ["Nov 2025", [172, 41, 298, 84, 241, 77]],
  ["Dec 2025", [185, 47, 322, 97, 236, 91]],
  ["Jan 2026", [191, 44, 335, 88, 228, 96]],
  ["Feb 2026", [168, 39, 301, 79, 219, 88]],
  ["Mar 2026", [179, 43, 310, 86, 252, 74]],
  ["Apr 2026", [183, 46, 306, 91, 264, 69]],
  ["May 2026", [194, 52, 318, 99, 281, 63]],
  ["Jun 2026", [201, 49, 327, 104, 297, 58]],
  ["Jul 2026", [208, 55, 341, 112, 309, 61]],
  ["Aug 2026", [199, 51, 333, 107, 301, 64]],
  ["Sep 2026", [187, 48, 315, 95, 276, 70]],
  ["Oct 2026", [181, 45, 309, 90, 259, 75]],
];
const CALL_COLUMNS = ["mental-health", "suicide", "welfare-check", "substance-use", "disturbance", "homelessness"] as const;

function callSeries(): DataSeriesValue {
  return {
    rows: CALL_MONTHS.map(([label, values], i) => ({
      id: `m${i + 1}`,
      label,
      values: Object.fromEntries(CALL_COLUMNS.map((c, j) => [c, values[j]])),
    })),
  };
}

function crisisLineSeries(): DataSeriesValue {
  const months: Array<[string, number, number, number, number | null]> = [
    ["May 2026", 204, 58, 31, 7],
    ["Jun 2026", 216, 61, 34, 5],
    ["Jul 2026", 229, 66, 38, 6],
    ["Aug 2026", 221, 70, 36, null],
    ["Sep 2026", 233, 74, 41, 4],
    ["Oct 2026", 240, 79, 43, 5],
  ];
  return {
    rows: months.map(([label, calls, texts, mobile, transferred], i) => ({
      id: `l${i + 1}`,
      label,
      values: { calls, "texts-chats": texts, "mobile-dispatched": mobile, "transferred-911": transferred },
    })),
  };
}

export function demoAnswers(members: DemoMembers): DemoAnswer[] {
  const { coordinator, member, viewer } = members;

  const answers: Record<string, unknown> = {
    // --- 1. Getting started ------------------------------------------------
    "welcome.community-name": "Demo County, including the cities of Riverside and Millbrook (fictional)",
    "welcome.convener": single("county-bh"),
    "welcome.kickoff-date": "2026-03-12",

    "roster.members": table([
      ["r1", { name: "Dana Reyes", organization: "Demo County Behavioral Health", sector: "behavioral-health", role: "coordinator", account: coordinator, contact: "dana.reyes@example.org" }],
      ["r2", { name: "Sgt. Sam Okafor", organization: "Riverside Police Department", sector: "law-enforcement", role: "co-chair", account: member, contact: "sam.okafor@example.org" }],
      ["r3", { name: "Priya Natarajan", organization: "Demo County Emergency Communications (911)", sector: "dispatch", role: "member", contact: "priya.n@example.org" }],
      ["r4", { name: "Marcus Bell", organization: "Lakeshore 988 Crisis Center", sector: "crisis-line", role: "member", contact: "marcus.bell@example.org" }],
      ["r5", { name: "Teresa Alvarez, RN", organization: "Demo Valley Medical Center", sector: "hospital", role: "member" }],
      ["r6", { name: "Chris Handley", organization: "Harbor Street Housing Services", sector: "housing", role: "member" }],
      ["r7", { name: "Robin Gray", organization: "Demo County Peer Support Network", sector: "lived-experience", role: "member", contact: "robin.gray@example.org" }],
      ["r8", { name: "Capt. Dee Morrow", organization: "Demo County Fire & EMS", sector: "ems-fire", role: "member" }],
      ["r9", { name: "Supervisor Lee Whitfield", organization: "Demo County Board of Supervisors", sector: "local-government", role: "advisor", account: viewer }],
    ]),
    "roster.lived-experience":
      "Two seats are held by members of the Demo County Peer Support Network; both are paid a stipend for meetings and prep time. They co-lead the community listening sessions and review every worksheet before it is marked complete.",

    "charter.purpose":
      "We are the Demo County Crisis Response Planning Team. Over the next 12 months we will design a crisis response that sends the right help, at the right time, to anyone in the county experiencing a behavioral-health crisis, and a plan to launch it by mid-2027.",
    "charter.decision-making": single("consensus-then-vote"),
    "charter.cadence": single("monthly"),
    "charter.ground-rules":
      "Each agency may send one stand-in per meeting, briefed in advance. We never share identifying details about people served. We use person-first language. Disagreements are raised in the meeting, not after it.",
    "charter.adopted-on": "2026-04-09",

    "vision.statement":
      "Anyone in Demo County who is in a mental-health or substance-use crisis can reach someone who listens, get a calm and skilled response where they are, and find a safe place to recover — without a trip to jail or a long wait in an emergency room.",
    "vision.principles": checklist(["person-centered", "peer-support", "le-collaboration", "trauma-informed", "recovery", "safety", "equity"]),
    "vision.goals": table([
      ["g1", { goal: "Mobile crisis available 24/7 across the whole county", why: "Today there is no team after 10 p.m. or on weekends east of the river.", "by-when": "2027-07-01" }],
      ["g2", { goal: "Route eligible 911 calls to 988 or mobile crisis", why: "Officers handle most mental-health calls today, often with no other option.", "by-when": "2027-03-31" }],
      ["g3", { goal: "Cut emergency department boarding for people in crisis by a third", why: "People wait over six hours on average; officers wait with them.", "by-when": "2027-12-31" }],
    ]),

    "stakeholders.missing": table([
      ["s1", { who: "Demo County School District", sector: "community", why: "Youth crises at school often end with a police call.", inviter: coordinator, "by-when": "2026-12-15", status: "contacted" }],
      ["s2", { who: "Millbrook Police Department", sector: "law-enforcement", why: "Second-largest agency; its calls are not in our data yet.", inviter: member, "by-when": "2026-12-01", status: "joined" }],
      ["s3", { who: "Spanish-speaking families' advisory group", sector: "community", why: "About 18% of households speak Spanish at home.", inviter: coordinator, status: "not-contacted" }],
    ]),

    // --- 2. Understanding the need ------------------------------------------
    "profile.population": POPULATION,
    "profile.area": 1_142,
    "profile.setting": single("mixed"),
    "profile.le-agencies": 4,
    "profile.psaps": 2,
    "profile.notes":
      "The county seat, Riverside, holds about 60% of residents. The east county is rural, with long drive times and patchy cell coverage. A state university brings 14,000 students during term.",

    "data.sources-known": checklist(["cad", "988", "mobile-crisis", "ems", "ed", "jail"]),
    "data.inventory": table([
      ["d1", { source: "911 CAD call records", owner: "Demo County Emergency Communications", contents: "Call type, time, location, disposition", access: "have", contact: member }],
      ["d2", { source: "988 contact data", owner: "Lakeshore 988 Crisis Center", contents: "Monthly counts for Demo County area codes", access: "requested", contact: coordinator }],
      ["d3", { source: "Mobile crisis encounter log", owner: "Demo County Behavioral Health", contents: "Encounters, outcomes, referrals", access: "have", contact: coordinator }],
      ["d4", { source: "ED behavioral-health visits", owner: "Demo Valley Medical Center", contents: "Visits, length of stay, holds", access: "needs-agreement" }],
      ["d5", { source: "Jail bookings with mental-health flag", owner: "Demo County Sheriff's Office", contents: "Bookings, charges, screening results", access: "needs-agreement" }],
    ]),

    "calls.by-type": callSeries(),
    "calls.crisis-line": crisisLineSeries(),
    "officer.minutes-on-scene": 75,
    "officer.officers-per-call": 2,
    "officer.hourly-cost": 85,
    "calls.patterns":
      "Calls peak in summer and between 4 p.m. and midnight. Welfare checks are the largest group. About 40 people account for one in five mental-health calls.",

    // --- 3. Mapping today's crisis system -----------------------------------
    "contact.lines": table([
      ["l1", { name: "911", type: "911", operator: "Demo County Emergency Communications", hours: "24/7", "can-dispatch": "partly", links: "Police, fire, EMS; calls mobile crisis by phone on weekdays" }],
      ["l2", { name: "988 Suicide & Crisis Lifeline", type: "988", operator: "Lakeshore 988 Crisis Center", hours: "24/7", "can-dispatch": "yes", links: "Mobile crisis (weekdays), warm transfer to 911 for emergencies" }],
      ["l3", { name: "Demo County Peer Warmline", type: "warmline", operator: "Demo County Peer Support Network", hours: "Daily 4 p.m.–11 p.m.", "can-dispatch": "no", links: "988 when a caller is at risk" }],
      ["l4", { name: "211 Demo Region", type: "211", operator: "United Helpers of Demo Region", hours: "24/7", "can-dispatch": "no", links: "Housing and food referrals" }],
    ]),
    "contact.911-988-link":
      "There is no written transfer protocol. Call-takers can give callers the 988 number but rarely transfer. 988 transfers to 911 about five times a month when someone is at immediate risk.",
    "contact.988-awareness": single("some"),

    "respond.teams": table([
      ["t1", { name: "DCBH Mobile Crisis Team", type: "mobile-crisis", hours: "Mon–Fri 8 a.m.–10 p.m.", coverage: "Riverside and Millbrook", "dispatched-by": "988", "response-minutes": 55 }],
      ["t2", { name: "Riverside PD co-responder unit", type: "co-responder", hours: "Tue–Sat 12 p.m.–10 p.m.", coverage: "City of Riverside", "dispatched-by": "911", "response-minutes": 20 }],
      ["t3", { name: "Crisis-trained patrol officers", type: "cit-officers", hours: "24/7", coverage: "County-wide (about 30% of patrol trained)", "dispatched-by": "911" }],
    ]),
    "respond.gaps": "Nights and weekends everywhere, and at all times in the east county, only police and EMS respond.",

    "place.facilities": table([
      ["f1", { name: "Demo Valley Medical Center ED", type: "ed", capacity: 4, hours: "24/7", referrals: "Anyone", "police-drop-off": "all" }],
      ["f2", { name: "Harbor House Peer Respite", type: "peer-respite", capacity: 5, hours: "24/7, stays up to 7 days", referrals: "Self, mobile crisis", "police-drop-off": "no" }],
      ["f3", { name: "Riverside Withdrawal Management Center", type: "withdrawal", capacity: 12, hours: "24/7", referrals: "Self, EMS, hospitals", "police-drop-off": "criteria" }],
    ]),
    "place.officer-wait": 190,

    "rating.contact": 3,
    "rating.respond": 2,
    "rating.place": 1,
    "rating.coordination": 2,
    "rating.peers": 3,
    "rating.notes":
      "988 is answered locally around the clock, but 911 and 988 rarely connect. Mobile crisis exists only on weekdays. There is no crisis receiving center, so the ED is the default place to go.",

    // --- 4. Choosing the response model -------------------------------------
    "options.compared": table([
      ["o1", { option: "dispatch-diversion", pros: "Uses existing 988 center; low cost", cons: "Needs new protocol and training for call-takers", cost: 180_000 }],
      ["o2", { option: "mobile-crisis", pros: "Builds on current team; covers nights and weekends", cons: "Hiring clinicians is hard; long drives east", cost: 1_400_000 }],
      ["o3", { option: "co-responder", pros: "Officers like it; safe for higher-risk calls", cons: "Still a police response for most people", cost: 450_000 }],
      ["o4", { option: "csu", pros: "Would relieve the ED", cons: "Large capital and staffing cost" }],
    ]),
    // Weighted scores: mobile crisis 40, dispatch diversion 37, co-responder 27, stabilization unit 27.
    "options.matrix": {
      scores: {
        "dispatch-diversion": { need: 3, reach: 3, afford: 5, ready: 4, support: 4 },
        "mobile-crisis": { need: 5, reach: 4, afford: 2, ready: 3, support: 5 },
        "co-responder": { need: 3, reach: 2, afford: 3, ready: 4, support: 2 },
        csu: { need: 4, reach: 2, afford: 1, ready: 1, support: 4 },
      },
      weights: { need: 3, reach: 2, afford: 2, support: 2 },
    },
    "options.chosen": multi(["dispatch-diversion", "mobile-crisis"]),

    // --- 5. Capacity and resources ------------------------------------------
    ...CAPACITY_LOCAL_FIGURES,
    "capacity.notes":
      "The estimate's overnight block needs one team; we plan two two-person teams on every shift at first because of drive times in the east county, and will check the call data after six months.",

    "funding.sources": table([
      ["fs1", { source: "Demo County general fund", type: "local", amount: 600_000, status: "secured" }],
      ["fs2", { source: "State crisis services grant", type: "state", amount: 750_000, ends: "2028-06-30", status: "applied" }],
      ["fs3", { source: "Medicaid billing for mobile crisis", type: "medicaid", amount: 300_000, status: "planned" }],
      ["fs4", { source: "Opioid settlement funds", type: "settlement", status: "idea" }],
    ]),

    // Salaries 6 × 70,000 + 4 × 50,000 + 95,000 + 85,000 + 80,000 = 880,000;
    // with 25 % fringe 1,100,000; + vehicles and training = 1,264,000;
    // + 25 % overhead = 1,580,000 a year. Secured: 600,000. Gap: 980,000.
    "budget.staff": table([
      ["b1", { role: "Crisis clinician", fte: 6, salary: 70_000 }],
      ["b2", { role: "Peer specialist", fte: 4, salary: 50_000 }],
      ["b3", { role: "Clinical supervisor", fte: 1, salary: 95_000 }],
      ["b4", { role: "Program manager", fte: 1, salary: 85_000 }],
      ["b5", { role: "Data and quality coordinator", fte: 1, salary: 80_000 }],
    ]),
    "budget.fringe-rate": 25,
    "budget.vehicles": 114_000,
    "budget.training": 50_000,
    "budget.overhead-rate": 25,
    "budget.start": "2027-07-01",

    // --- 6. Implementation plan ---------------------------------------------
    "implementation.phase": single("readiness"),
    "implementation.action-plan": table([
      ["a1", { objective: "Route eligible 911 calls to 988", action: "Draft call-taker questions and decision tree with 911 shift supervisors", owner: member, due: "2026-12-15", status: "in_progress" }],
      ["a2", { objective: "Route eligible 911 calls to 988", action: "Sign the 911–988 call transfer agreement", owner: coordinator, due: "2027-02-01", status: "not_started" }],
      ["a3", { objective: "Mobile crisis around the clock", action: "Submit the state crisis services grant application", owner: coordinator, due: "2026-10-31", status: "done" }],
      ["a4", { objective: "Mobile crisis around the clock", action: "Post openings for 4 overnight clinicians and 2 peer specialists", owner: coordinator, due: "2027-01-15", status: "blocked" }],
      ["a5", { objective: "Better data", action: "Set up a monthly 911 extract of calls by type for the team", owner: member, due: "2026-12-01", status: "in_progress" }],
      ["a6", { objective: "Route eligible 911 calls to 988", action: "Schedule joint training for call-takers and mobile crisis staff", owner: member, due: "2027-03-01", status: "not_started" }],
    ]),
    "implementation.launch-date": "2027-07-01",
    "risks.register": table([
      ["k1", { risk: "The state grant is not awarded, leaving overnight shifts unfunded", likelihood: "medium", impact: "high", mitigation: "Ask the Board for a one-year bridge; apply for Medicaid mobile crisis billing", owner: coordinator }],
      ["k2", { risk: "Clinician vacancies stay open for months", likelihood: "high", impact: "high", mitigation: "Hire peers first; partner with the university for placements", owner: coordinator }],
      ["k3", { risk: "Call-takers keep sending police to eligible calls", likelihood: "medium", impact: "medium", mitigation: "Joint training and monthly review of a sample of calls", owner: member }],
      ["k4", { risk: "Staff are hurt on a call", likelihood: "low", impact: "high", mitigation: "Two-person teams, safety protocol, radio link to dispatch" }],
    ]),

    // --- 7. Measuring performance -------------------------------------------
    "pmhc.leadership": 4,
    "pmhc.policies": 2,
    "pmhc.training": 3,
    "pmhc.services": 2,
    "pmhc.data": 2,
    "pmhc.improvement": 1,
    "pmhc.goals": table([
      ["p1", { question: "policies", "goal-rating": 3, "next-step": "Adopt a written policy for transfers to 988 and mobile crisis." }],
      ["p2", { question: "data", "goal-rating": 3, "next-step": "Add a behavioral-health flag to CAD dispositions." }],
    ]),
  };

  return Object.entries(answers).map(([itemKey, value]) => ({ itemKey, value }));
}

/** Worksheet statuses that match how far the demo answers go. */
export const demoStatuses: Record<string, DemoWorksheetStatus> = {
  welcome: "COMPLETE",
  "team-roster": "COMPLETE",
  "team-charter": "COMPLETE",
  "community-profile": "COMPLETE",
  "vision-goals": "READY_FOR_REVIEW",
  "data-inventory": "READY_FOR_REVIEW",
  "someone-to-contact": "READY_FOR_REVIEW",
  "system-self-rating": "READY_FOR_REVIEW",
  "pmhc-self-assessment": "READY_FOR_REVIEW",
  "stakeholders-missing": "IN_PROGRESS",
  "crisis-call-data": "IN_PROGRESS",
  "someone-to-respond": "IN_PROGRESS",
  "place-to-go": "IN_PROGRESS",
  "options-compared": "IN_PROGRESS",
  "capacity-estimate": "IN_PROGRESS",
  funding: "IN_PROGRESS",
  budget: "IN_PROGRESS",
  "officer-time": "IN_PROGRESS",
  risks: "IN_PROGRESS",
  "implementation-action-plan": "IN_PROGRESS",
};
