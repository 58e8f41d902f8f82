import { CATEGORIES, DIVERSION_TIER, TIERS, type Category, type Tier } from "./categories";
import { suggestClassification, UNMAPPED, type Classification } from "./suggest";
import { formatWallClock, timeParts } from "./time";

/**
 * What an import keeps: counts per call-type code (by month, disposition,
 * priority), time on scene as a per-minute histogram, officer time, and an
 * hour × weekday grid. No row, address, name or free text survives. Category
 * and tier figures are derived from these with the plan's call-type mapping,
 * so changing the mapping never needs the file again.
 */
export const MAX_CALL_TYPES = 5000;
const MAX_LABELS_PER_CODE = 50;
const MAX_LABEL = 60;
const MAX_MINUTES = 24 * 60;
export const OTHER_LABEL = "(other values)";

export type CodeAggregate = {
  code: string;
  description: string | null;
  calls: number;
  months: Record<string, number>;
  dispositions: Record<string, number>;
  priorities: Record<string, number>;
  selfInitiated: number;
  /** Minutes on scene (arrived → cleared) → calls. */
  onScene: Record<string, number>;
  /** Officer-seconds: (cleared − arrived, or − received) × units. */
  officerSeconds: number;
  officerCalls: number;
};

export type ColumnsPresent = {
  arrived: boolean;
  cleared: boolean;
  units: boolean;
  disposition: boolean;
  priority: boolean;
  selfInitiated: boolean;
};

export type RawAggregates = {
  version: 1;
  columns: ColumnsPresent;
  calls: number;
  firstCallAt: string | null;
  lastCallAt: string | null;
  /** [weekday 0 = Monday][hour 0–23] */
  hourWeekday: number[][];
  codes: CodeAggregate[];
};

export type CallRecord = {
  code: string;
  description?: string | null;
  received: number;
  arrived?: number | null;
  cleared?: number | null;
  units?: number | null;
  disposition?: string | null;
  priority?: string | null;
  selfInitiated?: boolean | null;
};

function label(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = v.replace(/\s+/g, " ").trim();
  return t ? t.slice(0, MAX_LABEL) : null;
}

function bump(map: Record<string, number>, key: string, by = 1, cap = MAX_LABELS_PER_CODE) {
  if (key in map) map[key] += by;
  else if (Object.keys(map).length < cap || key === OTHER_LABEL) map[key] = by;
  else map[OTHER_LABEL] = (map[OTHER_LABEL] ?? 0) + by;
}

export class TooManyCallTypes extends Error {}

export class CallAggregator {
  private readonly codes = new Map<string, CodeAggregate>();
  private readonly grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  private first = Infinity;
  private last = -Infinity;
  calls = 0;
  durationsDropped = 0;

  constructor(readonly columns: ColumnsPresent) {}

  add(r: CallRecord) {
    const code = r.code.trim().slice(0, 80);
    let agg = this.codes.get(code);
    if (!agg) {
      if (this.codes.size >= MAX_CALL_TYPES) throw new TooManyCallTypes();
      agg = { code, description: label(r.description), calls: 0, months: {}, dispositions: {}, priorities: {}, selfInitiated: 0, onScene: {}, officerSeconds: 0, officerCalls: 0 };
      this.codes.set(code, agg);
    } else if (!agg.description && r.description) {
      agg.description = label(r.description);
    }
    this.calls++;
    agg.calls++;
    const { month, hour, weekday } = timeParts(r.received);
    agg.months[month] = (agg.months[month] ?? 0) + 1;
    this.grid[weekday][hour]++;
    if (r.received < this.first) this.first = r.received;
    if (r.received > this.last) this.last = r.received;
    if (this.columns.disposition) bump(agg.dispositions, label(r.disposition) ?? "(blank)");
    if (this.columns.priority) bump(agg.priorities, label(r.priority) ?? "(blank)", 1, 20);
    if (r.selfInitiated) agg.selfInitiated++;
    if (typeof r.arrived === "number" && typeof r.cleared === "number") {
      const minutes = Math.round((r.cleared - r.arrived) / 60);
      if (minutes >= 0 && minutes <= MAX_MINUTES) agg.onScene[minutes] = (agg.onScene[minutes] ?? 0) + 1;
      else this.durationsDropped++;
    }
    if (typeof r.cleared === "number") {
      const start = typeof r.arrived === "number" ? r.arrived : r.received;
      const seconds = r.cleared - start;
      if (seconds >= 0 && seconds <= MAX_MINUTES * 60) {
        const units = typeof r.units === "number" && r.units >= 1 && r.units <= 50 ? r.units : 1;
        agg.officerSeconds += seconds * units;
        agg.officerCalls++;
      } else if (typeof r.arrived !== "number") {
        this.durationsDropped++;
      }
    }
  }

  result(): RawAggregates {
    return {
      version: 1,
      columns: this.columns,
      calls: this.calls,
      firstCallAt: this.calls ? formatWallClock(this.first) : null,
      lastCallAt: this.calls ? formatWallClock(this.last) : null,
      hourWeekday: this.grid.map((r) => [...r]),
      codes: [...this.codes.values()].sort((a, b) => b.calls - a.calls || a.code.localeCompare(b.code)),
    };
  }
}

// ---------------------------------------------------------------------------
// Derived figures by category and tier

export type SavedMapping = Record<string, Classification>;

export type CallTypeRow = {
  code: string;
  description: string | null;
  calls: number;
  category: Category;
  tier: Tier;
  /** Not in the plan's saved mapping: the classification is a suggestion to confirm. */
  isNew: boolean;
  /** Whether the starting mapping recognised the code. */
  suggested: boolean;
};

export type CallData = {
  calls: number;
  firstCallAt: string | null;
  lastCallAt: string | null;
  columns: ColumnsPresent;
  months: string[];
  /** Calls per month × category × tier (only non-zero cells). */
  monthly: { month: string; category: Category; tier: Tier; calls: number }[];
  hourWeekday: number[][];
  byCategory: { category: Category; calls: number }[];
  byTier: { tier: Tier; calls: number; share: number }[];
  /** Share of calls a civilian team could answer alone, overall and per month. */
  diversion: { share: number; trend: { month: string; calls: number; eligible: number; share: number }[] };
  dispositions: { category: Category; disposition: string; calls: number }[];
  onScene: { category: Category; calls: number; medianMinutes: number; p90Minutes: number }[];
  officerHours: { category: Category; calls: number; hours: number }[];
  /** Officer-hours assume one officer per call when the file has no units column. */
  officerHoursAssumeOneUnit: boolean;
  selfInitiated: { category: Category; calls: number }[] | null;
  callTypes: CallTypeRow[];
};

/** Nearest-rank percentile of a minute histogram. */
export function histogramPercentile(hist: Map<number, number>, total: number, p: number): number {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const m of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(m)!;
    if (seen >= rank) return m;
  }
  return 0;
}

export function classify(code: CodeAggregate, mapping: SavedMapping): { c: Classification; isNew: boolean; suggested: boolean } {
  const saved = mapping[code.code];
  if (saved) return { c: saved, isNew: false, suggested: false };
  const s = suggestClassification(code.code, code.description);
  return { c: s ?? UNMAPPED, isNew: true, suggested: Boolean(s) };
}

export function deriveCallData(raw: RawAggregates, mapping: SavedMapping): CallData {
  const monthly = new Map<string, number>();
  const months = new Set<string>();
  const byCat = new Map<Category, number>();
  const byTier = new Map<Tier, number>();
  const disp = new Map<string, number>();
  const scene = new Map<Category, Map<number, number>>();
  const officer = new Map<Category, { calls: number; seconds: number }>();
  const self = new Map<Category, number>();
  const callTypes: CallTypeRow[] = [];
  for (const code of raw.codes) {
    const { c, isNew, suggested } = classify(code, mapping);
    callTypes.push({ code: code.code, description: code.description, calls: code.calls, category: c.category, tier: c.tier, isNew, suggested });
    byCat.set(c.category, (byCat.get(c.category) ?? 0) + code.calls);
    byTier.set(c.tier, (byTier.get(c.tier) ?? 0) + code.calls);
    for (const [m, n] of Object.entries(code.months)) {
      months.add(m);
      const k = `${m}|${c.category}|${c.tier}`;
      monthly.set(k, (monthly.get(k) ?? 0) + n);
    }
    for (const [d, n] of Object.entries(code.dispositions)) {
      const k = `${c.category}|${d}`;
      disp.set(k, (disp.get(k) ?? 0) + n);
    }
    const h = scene.get(c.category) ?? new Map<number, number>();
    for (const [m, n] of Object.entries(code.onScene)) h.set(+m, (h.get(+m) ?? 0) + n);
    scene.set(c.category, h);
    const o = officer.get(c.category) ?? { calls: 0, seconds: 0 };
    o.calls += code.officerCalls;
    o.seconds += code.officerSeconds;
    officer.set(c.category, o);
    self.set(c.category, (self.get(c.category) ?? 0) + code.selfInitiated);
  }
  const total = raw.calls;
  const sortedMonths = [...months].sort();
  const monthlyRows = [...monthly.entries()]
    .map(([k, calls]) => {
      const [month, category, tier] = k.split("|") as [string, Category, Tier];
      return { month, category, tier, calls };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
  const trend = sortedMonths.map((month) => {
    const rows = monthlyRows.filter((r) => r.month === month);
    const calls = rows.reduce((s, r) => s + r.calls, 0);
    const eligible = rows.filter((r) => r.tier === DIVERSION_TIER).reduce((s, r) => s + r.calls, 0);
    return { month, calls, eligible, share: calls ? eligible / calls : 0 };
  });
  const eligibleTotal = byTier.get(DIVERSION_TIER) ?? 0;
  return {
    calls: total,
    firstCallAt: raw.firstCallAt,
    lastCallAt: raw.lastCallAt,
    columns: raw.columns,
    months: sortedMonths,
    monthly: monthlyRows,
    hourWeekday: raw.hourWeekday,
    byCategory: CATEGORIES.filter((c) => byCat.get(c)).map((category) => ({ category, calls: byCat.get(category)! })),
    byTier: TIERS.map((tier) => ({ tier, calls: byTier.get(tier) ?? 0, share: total ? (byTier.get(tier) ?? 0) / total : 0 })),
    diversion: { share: total ? eligibleTotal / total : 0, trend },
    dispositions: [...disp.entries()]
      .map(([k, calls]) => {
        const i = k.indexOf("|");
        return { category: k.slice(0, i) as Category, disposition: k.slice(i + 1), calls };
      })
      .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || b.calls - a.calls),
    onScene: raw.columns.arrived && raw.columns.cleared
      ? CATEGORIES.flatMap((category) => {
          const h = scene.get(category);
          const n = h ? [...h.values()].reduce((s, v) => s + v, 0) : 0;
          return n ? [{ category, calls: n, medianMinutes: histogramPercentile(h!, n, 0.5), p90Minutes: histogramPercentile(h!, n, 0.9) }] : [];
        })
      : [],
    officerHours: raw.columns.cleared
      ? CATEGORIES.flatMap((category) => {
          const o = officer.get(category);
          return o && o.calls ? [{ category, calls: o.calls, hours: Math.round((o.seconds / 3600) * 10) / 10 }] : [];
        })
      : [],
    officerHoursAssumeOneUnit: !raw.columns.units,
    selfInitiated: raw.columns.selfInitiated ? CATEGORIES.filter((c) => self.get(c)).map((category) => ({ category, calls: self.get(category)! })) : null,
    callTypes,
  };
}

// ---------------------------------------------------------------------------
// What the calculators read

export type CallDataSummary = {
  /** Calendar months covered by the import. */
  months: string[];
  totalCalls: number;
  /** Average calls per month, by category and tier. */
  perMonth: Record<Category, Record<Tier, number>>;
  /** Total calls in the import, by category and tier. */
  counts: Record<Category, Record<Tier, number>>;
  /** Officer-hours per category over the whole import (null when the file had no clear times). */
  officerHours: Record<Category, number> | null;
  /** Median minutes on scene per category, where known. */
  medianOnSceneMinutes: Partial<Record<Category, number>>;
  diversionEligibleShare: number;
};

/** A small, stable shape for calculators (officer time, capacity) to read. */
export function callDataSummary(data: CallData): CallDataSummary {
  const zero = () => Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, Record<Tier, number>>;
  for (const r of data.monthly) counts[r.category][r.tier] += r.calls;
  const n = Math.max(1, data.months.length);
  const perMonth = Object.fromEntries(
    CATEGORIES.map((c) => [c, Object.fromEntries(TIERS.map((t) => [t, Math.round((counts[c][t] / n) * 10) / 10]))]),
  ) as Record<Category, Record<Tier, number>>;
  return {
    months: data.months,
    totalCalls: data.calls,
    perMonth,
    counts,
    officerHours: data.columns.cleared ? (Object.fromEntries(CATEGORIES.map((c) => [c, data.officerHours.find((o) => o.category === c)?.hours ?? 0])) as Record<Category, number>) : null,
    medianOnSceneMinutes: Object.fromEntries(data.onScene.map((o) => [o.category, o.medianMinutes])),
    diversionEligibleShare: data.diversion.share,
  };
}
