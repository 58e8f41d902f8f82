import { pct, type Calculator, type CalcContext } from "../calculator";
import type { ResultRow } from "../types";

/**
 * Crisis capacity: how many crisis episodes to expect, where they are first
 * triaged and referred on, how many mobile teams and staff must be on duty in
 * each time block, and how many short-term crisis beds the admissions fill.
 */

export const DAYS_PER_MONTH = 365 / 12;
const BLOCK_HOURS = 8;
export const TIME_BLOCKS = [
  { key: "day", slot: "shareDay", label: "Day (8 am – 4 pm)" },
  { key: "evening", slot: "shareEvening", label: "Evening (4 pm – midnight)" },
  { key: "overnight", slot: "shareOvernight", label: "Overnight (midnight – 8 am)" },
] as const;
const ZONES = [
  { share: "zoneUrban", travel: "travelUrban", label: "urban" },
  { share: "zoneSuburban", travel: "travelSuburban", label: "suburban" },
  { share: "zoneRural", travel: "travelRural", label: "rural" },
] as const;

const share = (needs: string) => ({ kind: "number" as const, label: needs, needs, min: 0, max: 100, unit: "%" });

const slots = {
  population: { kind: "number", label: "Population served", needs: "the population", min: 0, integer: true },
  episodeRate: {
    kind: "number",
    label: "Crisis episodes per 100,000 people per month",
    needs: "the crisis episodes per 100,000 people per month",
    min: 0,
  },
  shareMobile: share("the share first triaged to mobile crisis"),
  shareReceiving: share("the share first triaged to receiving facilities"),
  shareEd: share("the share first triaged to emergency departments"),
  mobileToReceiving: share("the share referred on from mobile crisis to a receiving facility"),
  receivingToBeds: share("the share referred from receiving facilities to short-term beds"),
  bedsToInpatient: share("the share referred from short-term beds to inpatient care"),
  edToInpatient: share("the share referred from emergency departments to inpatient care"),
  hoursPerIntervention: {
    kind: "number",
    label: "Hours per mobile intervention",
    needs: "the hours per mobile intervention",
    min: 0,
    max: 24,
    unit: "hours",
  },
  shareDay: share("the share of mobile episodes in the day block"),
  shareEvening: share("the share of mobile episodes in the evening block"),
  shareOvernight: share("the share of mobile episodes in the overnight block"),
  teamSize: { kind: "number", label: "Responders per team", needs: "the team size (1 or 2)", min: 1, max: 2, integer: true },
  zoneUrban: share("the share of episodes in urban areas"),
  zoneSuburban: share("the share of episodes in suburban areas"),
  zoneRural: share("the share of episodes in rural areas"),
  travelUrban: { kind: "number", label: "Extra travel, urban", needs: "the extra travel time in urban areas", min: 0, max: 600, unit: "minutes" },
  travelSuburban: { kind: "number", label: "Extra travel, suburban", needs: "the extra travel time in suburban areas", min: 0, max: 600, unit: "minutes" },
  travelRural: { kind: "number", label: "Extra travel, rural", needs: "the extra travel time in rural areas", min: 0, max: 600, unit: "minutes" },
  utilisation: {
    kind: "number",
    label: "Target utilisation",
    needs: "the target utilisation",
    min: 1,
    max: 100,
    unit: "%",
  },
  bedStayDays: { kind: "number", label: "Average stay", needs: "the average stay in a short-term bed", min: 0, max: 365, unit: "days" },
} as const;

export type CapacitySlot = keyof typeof slots;

const EPISODES: CapacitySlot[] = ["population", "episodeRate"];
const MOBILE: CapacitySlot[] = [...EPISODES, "shareMobile"];
const RECEIVING: CapacitySlot[] = [...MOBILE, "shareReceiving", "mobileToReceiving"];
const ED: CapacitySlot[] = [...EPISODES, "shareEd"];
const BEDS: CapacitySlot[] = [...RECEIVING, "receivingToBeds"];
const INPATIENT: CapacitySlot[] = [...BEDS, "bedsToInpatient", "shareEd", "edToInpatient"];
const TEAMS: CapacitySlot[] = [
  ...MOBILE,
  "hoursPerIntervention",
  "shareDay",
  "shareEvening",
  "shareOvernight",
  "teamSize",
  "zoneUrban",
  "zoneSuburban",
  "zoneRural",
  "travelUrban",
  "travelSuburban",
  "travelRural",
  "utilisation",
];
const BED_COUNT: CapacitySlot[] = [...BEDS, "bedStayDays"];

type Flows = {
  all: number;
  mobile: number;
  receiving: number;
  ed: number;
  beds: number;
  inpatient: number;
};

/** Monthly episodes by service, at a given episode rate. Shares are per cent. */
function flows(c: CalcContext<CapacitySlot>, rate: number): Flows {
  const n = (s: CapacitySlot) => (c.has(s) ? c.num(s) : NaN);
  // Multiply before dividing by 100 so 575 × 32 % is exactly 184.
  const all = (n("population") * rate) / 100_000;
  const mobile = (all * n("shareMobile")) / 100;
  const receiving = (all * n("shareReceiving")) / 100 + (mobile * n("mobileToReceiving")) / 100;
  const ed = (all * n("shareEd")) / 100;
  const beds = (receiving * n("receivingToBeds")) / 100;
  const inpatient = (beds * n("bedsToInpatient")) / 100 + (ed * n("edToInpatient")) / 100;
  return { all, mobile, receiving, ed, beds, inpatient };
}

/** Hours a team is tied up per episode: the intervention plus the average extra travel. */
function busyHours(c: CalcContext<CapacitySlot>) {
  const zoneTotal = ZONES.reduce((s, z) => s + c.num(z.share), 0);
  const travelMinutes =
    zoneTotal > 0 ? ZONES.reduce((s, z) => s + c.num(z.share) * c.num(z.travel), 0) / zoneTotal : 0;
  return c.num("hoursPerIntervention") + travelMinutes / 60;
}

type Block = { key: string; label: string; episodes: number; teamHours: number; averageBusy: number; teams: number; staff: number };

function blocks(c: CalcContext<CapacitySlot>, mobilePerMonth: number): Block[] {
  const perDay = mobilePerMonth / DAYS_PER_MONTH;
  const hours = busyHours(c);
  const blockTotal = TIME_BLOCKS.reduce((s, b) => s + c.num(b.slot), 0);
  const utilisation = c.num("utilisation") / 100;
  return TIME_BLOCKS.map((b) => {
    const episodes = blockTotal > 0 ? (perDay * c.num(b.slot)) / blockTotal : 0;
    const teamHours = episodes * hours;
    const averageBusy = teamHours / BLOCK_HOURS;
    // A block with any episodes needs at least one team; tiny float excess must not add a team.
    const teams = episodes > 0 ? Math.max(1, Math.ceil(averageBusy / utilisation - 1e-9)) : 0;
    return { key: b.key, label: b.label, episodes, teamHours, averageBusy, teams, staff: teams * c.num("teamSize") };
  });
}

function bedsNeeded(c: CalcContext<CapacitySlot>, admissionsPerMonth: number) {
  return Math.max(0, Math.ceil((admissionsPerMonth / DAYS_PER_MONTH) * c.num("bedStayDays") - 1e-9));
}

function checkSum(c: CalcContext<CapacitySlot>, parts: readonly CapacitySlot[], what: string) {
  if (!parts.every((p) => c.has(p))) return;
  const total = parts.reduce((s, p) => s + c.num(p), 0);
  if (Math.abs(total - 100) > 0.05) c.result.warnings.push(`${what} add up to ${pct(total)}, not 100 %.`);
}

export const crisisCapacity: Calculator<CapacitySlot> = {
  name: "crisis-capacity",
  title: "Crisis capacity",
  slots,
  compute(c) {
    const r = c.result;
    const f = flows(c, c.has("episodeRate") ? c.num("episodeRate") : NaN);

    const service = (key: keyof Flows, label: string, deps: CapacitySlot[]): ResultRow => {
      const needs = c.need(...deps);
      return {
        key,
        label,
        cells: needs ? { perMonth: null, perDay: null } : { perMonth: f[key], perDay: f[key] / DAYS_PER_MONTH },
        ...(needs ? { needs } : {}),
      };
    };
    const episodeRows = [
      service("all", "All crisis episodes needing an in-person response", EPISODES),
      service("mobile", "First triaged to mobile crisis", MOBILE),
      service("receiving", "At crisis receiving facilities", RECEIVING),
      service("ed", "First triaged to emergency departments", ED),
      service("beds", "Admitted to short-term crisis beds", BEDS),
      service("inpatient", "Referred to inpatient care", INPATIENT),
    ];
    r.tables.push({
      key: "episodes",
      title: "Crisis episodes",
      columns: [
        { key: "perMonth", label: "Per month", unit: "episodes", decimals: 0 },
        { key: "perDay", label: "Per day", unit: "episodes", decimals: 1 },
      ],
      rows: episodeRows,
    });
    const val = (row: ResultRow, cell: string) => (row.needs ? null : (row.cells[cell] as number));
    r.values.episodesPerMonth = val(episodeRows[0], "perMonth");
    r.values.mobilePerMonth = val(episodeRows[1], "perMonth");
    r.values.receivingPerMonth = val(episodeRows[2], "perMonth");
    r.values.edPerMonth = val(episodeRows[3], "perMonth");
    r.values.bedAdmissionsPerMonth = val(episodeRows[4], "perMonth");
    r.values.inpatientPerMonth = val(episodeRows[5], "perMonth");
    r.values.episodesPerDay = val(episodeRows[0], "perDay");
    r.values.mobilePerDay = val(episodeRows[1], "perDay");

    // Mobile teams per time block.
    const teamNeeds = c.need(...TEAMS);
    const bl = teamNeeds ? null : blocks(c, f.mobile);
    const peak = bl ? bl.reduce((a, b) => (b.teams > a.teams || (b.teams === a.teams && b.episodes > a.episodes) ? b : a)) : null;
    r.tables.push({
      key: "mobile-teams",
      title: "Mobile crisis teams on duty",
      columns: [
        { key: "episodes", label: "Episodes per day in the block", unit: "episodes", decimals: 1 },
        { key: "averageBusy", label: "Teams busy on average", unit: "teams", decimals: 2 },
        { key: "teams", label: "Teams on duty", unit: "teams", decimals: 0 },
        { key: "staff", label: "Staff on duty", unit: "staff", decimals: 0 },
      ],
      rows: TIME_BLOCKS.map((b, i) => {
        const x = bl?.[i];
        return {
          key: b.key,
          label: b.label,
          cells: x
            ? { episodes: x.episodes, averageBusy: x.averageBusy, teams: x.teams, staff: x.staff }
            : { episodes: null, averageBusy: null, teams: null, staff: null },
          ...(teamNeeds ? { needs: teamNeeds } : {}),
          ...(x && peak && x.key === peak.key ? { highlight: true } : {}),
        };
      }),
      note: bl
        ? `Each team is busy ${round2(busyHours(c))} hours per episode, including extra travel.`
        : undefined,
    });
    for (const b of TIME_BLOCKS) {
      const x = bl?.find((y) => y.key === b.key);
      r.values[`teams.${b.key}`] = x ? x.teams : null;
      r.values[`staff.${b.key}`] = x ? x.staff : null;
    }
    r.values.busyHoursPerEpisode = bl ? busyHours(c) : null;
    r.values.peakTeams = peak ? peak.teams : null;
    r.values.peakStaff = peak ? peak.staff : null;

    // Short-term beds.
    const bedNeeds = c.need(...BED_COUNT);
    const beds = bedNeeds ? null : bedsNeeded(c, f.beds);
    r.values.shortTermBeds = beds;
    r.tables.push({
      key: "beds",
      title: "Short-term crisis beds",
      columns: [{ key: "beds", label: "Beds needed", unit: "beds", decimals: 0 }],
      rows: [{ key: "beds", label: "Short-term crisis beds", cells: { beds }, ...(bedNeeds ? { needs: bedNeeds } : {}) }],
    });

    // Sensitivity: the episode rate 20 % lower and higher.
    const sensitivityRows: ResultRow[] = [
      { factor: 0.8, key: "low", label: "Episode rate −20 %" },
      { factor: 1, key: "base", label: "Episode rate as entered" },
      { factor: 1.2, key: "high", label: "Episode rate +20 %" },
    ].map(({ factor, key, label }) => {
      const needs = c.need(...MOBILE);
      if (needs) return { key, label, cells: { rate: null, episodes: null, mobile: null, teams: null, staff: null, beds: null }, needs };
      const rate = c.num("episodeRate") * factor;
      const g = flows(c, rate);
      const b = c.has("utilisation") && !teamNeeds ? blocks(c, g.mobile) : null;
      const p = b ? Math.max(...b.map((x) => x.teams)) : null;
      const ps = b ? Math.max(...b.map((x) => x.staff)) : null;
      return {
        key,
        label,
        cells: {
          rate,
          episodes: g.all,
          mobile: g.mobile,
          teams: p,
          staff: ps,
          beds: bedNeeds ? null : bedsNeeded(c, g.beds),
        },
        ...(key === "base" ? { highlight: true } : {}),
      };
    });
    r.tables.push({
      key: "sensitivity",
      title: "If the episode rate is 20 % lower or higher",
      columns: [
        { key: "rate", label: "Episodes per 100,000 per month", decimals: 0 },
        { key: "episodes", label: "Episodes per month", unit: "episodes", decimals: 0 },
        { key: "mobile", label: "Mobile episodes per month", unit: "episodes", decimals: 0 },
        { key: "teams", label: "Teams on duty, busiest block", unit: "teams", decimals: 0 },
        { key: "staff", label: "Staff on duty, busiest block", unit: "staff", decimals: 0 },
        { key: "beds", label: "Short-term beds", unit: "beds", decimals: 0 },
      ],
      rows: sensitivityRows,
    });

    // Warnings.
    checkSum(c, ["shareMobile", "shareReceiving", "shareEd"], "The three first-triage shares");
    checkSum(c, ["shareDay", "shareEvening", "shareOvernight"], "The three time-block shares");
    checkSum(c, ["zoneUrban", "zoneSuburban", "zoneRural"], "The urban, suburban and rural shares");
    if (c.has("edToInpatient") && c.num("edToInpatient") >= 100) {
      r.warnings.push(
        "Every emergency-department crisis episode is assumed to end in an inpatient admission (the calculator's default of 100 %). Local hospital data is usually lower; ask your hospitals.",
      );
    }
    if (c.has("utilisation") && c.num("utilisation") > 85) {
      r.warnings.push(
        `At a target utilisation of ${pct(c.num("utilisation"))}, teams are seldom free when the next call comes in, so people will often wait.`,
      );
    }
    if (c.has("teamSize") && c.num("teamSize") === 1) {
      r.warnings.push("One-person teams: check your safety protocol and whether a second responder can join when needed.");
    }

    r.formulas.push(
      { label: "Episodes per month", words: "population ÷ 100,000 × episodes per 100,000 per month" },
      { label: "Mobile crisis", words: "episodes per month × share first triaged to mobile crisis" },
      {
        label: "Receiving facilities",
        words: "episodes per month × share first triaged to receiving facilities + mobile crisis episodes × share referred on from mobile",
      },
      { label: "Emergency departments", words: "episodes per month × share first triaged to emergency departments" },
      { label: "Short-term beds (admissions)", words: "receiving facility episodes × share referred to short-term beds" },
      {
        label: "Inpatient",
        words: "short-term bed admissions × share referred to inpatient + emergency department episodes × share referred to inpatient",
      },
      { label: "Per day", words: "per month ÷ 30.4 (365 days ÷ 12 months)" },
      {
        label: "Hours per episode",
        words: "hours per intervention + extra travel time averaged over the urban, suburban and rural shares",
      },
      {
        label: "Teams on duty in a block",
        words:
          "mobile episodes per day × the block's share × hours per episode ÷ 8 hours ÷ target utilisation, rounded up (at least 1 team when the block has episodes)",
      },
      { label: "Staff on duty", words: "teams on duty × responders per team" },
      { label: "Short-term beds", words: "bed admissions per day × average stay in days, rounded up" },
      { label: "Sensitivity", words: "the same results with the episode rate 20 % lower and 20 % higher" },
    );
    return r;
  },
};

function round2(n: number) {
  return Math.round(n * 100) / 100;
}
