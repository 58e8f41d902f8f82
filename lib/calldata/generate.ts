/**
 * A synthetic CAD export for demos, tests and benchmarks: realistic call-type
 * codes and descriptions, time-of-day and weekday patterns, dispositions and
 * times on scene, plus the personal-data columns a real export has, filled
 * with values that are obviously fake. Deterministic for a seed; it also
 * reports what it generated so that an import can be checked against it.
 */
export const SYNTHETIC_CALL_TYPES: { code: string; description: string; weight: number; selfInitiated?: number }[] = [
  { code: "10-96", description: "MENTAL SUBJECT / PERSON IN CRISIS", weight: 5 },
  { code: "SUIC", description: "SUICIDE THREAT", weight: 1.5 },
  { code: "SUICA", description: "SUICIDE ATTEMPT", weight: 0.5 },
  { code: "WELCK", description: "WELFARE CHECK", weight: 8 },
  { code: "INTOX", description: "INTOXICATED PERSON", weight: 3 },
  { code: "OD", description: "OVERDOSE", weight: 1 },
  { code: "TRESP", description: "TRESPASS", weight: 4 },
  { code: "DIST", description: "DISTURBANCE", weight: 8 },
  { code: "NOISE", description: "NOISE COMPLAINT", weight: 6 },
  { code: "HMLS", description: "HOMELESS ENCAMPMENT", weight: 2 },
  { code: "SUSP", description: "SUSPICIOUS PERSON", weight: 6, selfInitiated: 0.3 },
  { code: "MED", description: "MEDICAL ASSIST", weight: 5 },
  { code: "TA", description: "TRAFFIC ACCIDENT", weight: 8 },
  { code: "THEFT", description: "THEFT REPORT", weight: 7 },
  { code: "ALARM", description: "ALARM - BURGLARY", weight: 6 },
  { code: "DOMV", description: "DOMESTIC VIOLENCE", weight: 4 },
  { code: "ASSLT", description: "ASSAULT", weight: 2 },
  { code: "TSTOP", description: "TRAFFIC STOP", weight: 10, selfInitiated: 0.95 },
  { code: "PARK", description: "PARKING COMPLAINT", weight: 4 },
  { code: "WARR", description: "WARRANT SERVICE", weight: 1, selfInitiated: 0.6 },
];

export const SYNTHETIC_DISPOSITIONS = [
  "REPORT TAKEN",
  "ADVISED",
  "GONE ON ARRIVAL",
  "TRANSPORTED TO HOSPITAL",
  "ARREST",
  "REFERRED TO SERVICES",
  "UNFOUNDED",
  "CANCELLED",
];

const HOUR_WEIGHTS = [3, 2.5, 2, 1.5, 1.2, 1.2, 1.8, 3, 4, 4.5, 5, 5.2, 5.5, 5.5, 5.8, 6.2, 6.5, 6.8, 6.5, 6, 5.5, 5, 4.5, 3.8];
const WEEKDAY_WEIGHTS = [1, 0.95, 0.97, 1, 1.15, 1.25, 1.1]; // Monday first

export const SYNTHETIC_HEADERS = [
  "Incident Number",
  "Call Received",
  "First Unit Arrived",
  "Call Cleared",
  "Call Type",
  "Call Type Description",
  "Priority",
  "Disposition",
  "Units Assigned",
  "Self Initiated",
  "Incident Address",
  "Caller Name",
  "Caller Phone",
  "Narrative",
];

export type GeneratedCounts = {
  rows: number;
  byCode: Record<string, number>;
  byMonth: Record<string, number>;
  byCodeMonth: Record<string, Record<string, number>>;
  /** [weekday 0 = Monday][hour] */
  hourWeekday: number[][];
  dispositionsByCode: Record<string, Record<string, number>>;
  selfInitiated: number;
  /** Rows with a line break inside a quoted field. */
  multiline: number;
};

export type GenerateOptions = {
  seed: number;
  rows: number;
  /** First day of the period, YYYY-MM-DD. */
  start?: string;
  months?: number;
  delimiter?: "," | ";" | "\t" | "|";
  timeFormat?: "mdy" | "iso";
  /** Share of rows whose narrative holds a line break. */
  multilineShare?: number;
};

/** mulberry32: small, fast, good enough for synthetic data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function picker<T>(items: T[], weights: number[], random: () => number) {
  const total = weights.reduce((s, w) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of weights) cum.push((acc += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function formatTime(ms: number, format: "mdy" | "iso") {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const hh = pad(d.getUTCHours());
  const mm = pad(d.getUTCMinutes());
  const ss = pad(d.getUTCSeconds());
  return format === "iso" ? `${y}-${pad(mo)}-${pad(day)} ${hh}:${mm}:${ss}` : `${pad(mo)}/${pad(day)}/${y} ${hh}:${mm}:${ss}`;
}

function quote(v: string, delimiter: string) {
  return /["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The fake address of incident `n`: unique per row and obviously not real. */
export function fakeAddress(seed: number, n: number) {
  return `${100 + (n % 9000)} Imaginary Test Lane Unit FAKE-${seed}-${n}, Nowhereville`;
}

/**
 * Yields the export line by line (the header first, each line without its
 * final newline) and fills `counts` as it goes.
 */
export function* generateCadExport(opts: GenerateOptions, counts: GeneratedCounts = emptyCounts()): Generator<string> {
  const random = rng(opts.seed);
  const delimiter = opts.delimiter ?? ",";
  const format = opts.timeFormat ?? "mdy";
  const months = opts.months ?? 12;
  const startMs = Date.parse(`${opts.start ?? "2025-01-01"}T00:00:00Z`);
  const endDate = new Date(startMs);
  endDate.setUTCMonth(endDate.getUTCMonth() + months);
  const days = Math.round((endDate.getTime() - startMs) / 86_400_000);
  const multilineShare = opts.multilineShare ?? 0.05;
  const pickType = picker(SYNTHETIC_CALL_TYPES, SYNTHETIC_CALL_TYPES.map((t) => t.weight), random);
  const pickHour = picker(HOUR_WEIGHTS.map((_, h) => h), HOUR_WEIGHTS, random);
  const pickDisposition = picker(SYNTHETIC_DISPOSITIONS, [30, 25, 10, 8, 7, 8, 7, 5], random);
  // Days weighted by weekday.
  const dayWeights = Array.from({ length: days }, (_, i) => WEEKDAY_WEIGHTS[(new Date(startMs + i * 86_400_000).getUTCDay() + 6) % 7]);
  const pickDay = picker(Array.from({ length: days }, (_, i) => i), dayWeights, random);

  yield SYNTHETIC_HEADERS.map((h) => quote(h, delimiter)).join(delimiter);
  for (let n = 1; n <= opts.rows; n++) {
    const type = pickType();
    const day = pickDay();
    const hour = pickHour();
    const received = startMs + day * 86_400_000 + hour * 3_600_000 + Math.floor(random() * 3600) * 1000;
    const cancelled = random() < 0.05;
    const arrived = cancelled ? null : received + (2 + Math.floor(random() * 25)) * 60_000 + Math.floor(random() * 60) * 1000;
    const onScene = Math.round(8 + -Math.log(1 - random() * 0.999) * 35); // minutes, long tail
    const cleared = (arrived ?? received) + onScene * 60_000;
    const disposition = cancelled ? "CANCELLED" : pickDisposition();
    const units = 1 + Math.floor(random() * random() * 3);
    const self = random() < (type.selfInitiated ?? 0.02);
    const multiline = random() < multilineShare;
    const narrative = multiline
      ? `RP states "subject" was seen near the FAKE location,\nsecond line of a made-up narrative ${n}`
      : `Synthetic narrative ${n}, nothing real`;
    const d = new Date(received);
    const month = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    counts.rows++;
    counts.byCode[type.code] = (counts.byCode[type.code] ?? 0) + 1;
    counts.byMonth[month] = (counts.byMonth[month] ?? 0) + 1;
    (counts.byCodeMonth[type.code] ??= {})[month] = (counts.byCodeMonth[type.code][month] ?? 0) + 1;
    counts.hourWeekday[(d.getUTCDay() + 6) % 7][d.getUTCHours()]++;
    (counts.dispositionsByCode[type.code] ??= {})[disposition] = (counts.dispositionsByCode[type.code][disposition] ?? 0) + 1;
    if (self) counts.selfInitiated++;
    if (multiline) counts.multiline++;
    const fields = [
      `FAKE${opts.seed}-${pad(n, 7)}`,
      formatTime(received, format),
      arrived === null ? "" : formatTime(arrived, format),
      formatTime(cleared, format),
      type.code,
      type.description,
      String(1 + Math.floor(random() * 4)),
      disposition,
      String(units),
      self ? "Y" : "N",
      fakeAddress(opts.seed, n),
      `Test Person ${n}`,
      `555-01${pad(n % 100)}`,
      narrative,
    ];
    yield fields.map((f) => quote(f, delimiter)).join(delimiter);
  }
}

export function emptyCounts(): GeneratedCounts {
  return {
    rows: 0,
    byCode: {},
    byMonth: {},
    byCodeMonth: {},
    hourWeekday: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
    dispositionsByCode: {},
    selfInitiated: 0,
    multiline: 0,
  };
}

/** The whole export as one string (small files for tests and the demo). */
export function generateCadCsv(opts: GenerateOptions): { csv: string; counts: GeneratedCounts } {
  const counts = emptyCounts();
  const lines = [...generateCadExport(opts, counts)];
  return { csv: lines.join("\r\n") + "\r\n", counts };
}
