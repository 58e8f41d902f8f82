import { emptyResult, type CalcResult } from "./types";

/**
 * A calculator is a typed function registered by name. A template's
 * calculated item names the calculator and binds each of its input slots to
 * an item key; the calculator never sees anything but the values of those
 * items. Inputs are checked here, once, so every calculator gets either a
 * usable value or null, and every missing or out-of-range input turns into a
 * sentence that says what the result needs.
 */

type SlotBase = {
  label: string;
  /** What the result needs, as the end of "needs …": "the population". */
  needs: string;
};
export type NumberSlot = SlotBase & { kind: "number"; min?: number; max?: number; integer?: boolean; unit?: string };
export type TableSlot = SlotBase & { kind: "table"; columns: readonly string[] };
export type SeriesSlot = SlotBase & { kind: "data_series" };
export type DateSlot = SlotBase & { kind: "date" };
/** A decision-matrix item's answer: scores per option and criterion, and the team's weights. */
export type MatrixSlot = SlotBase & { kind: "decision_matrix" };
export type Slot = NumberSlot | TableSlot | SeriesSlot | DateSlot | MatrixSlot;

export type TableRows = Array<{ id: string; cells: Record<string, unknown> }>;
export type SeriesRows = Array<{ id: string; label: string; values: Record<string, unknown> }>;

/** Settings a calculated item passes to its calculator (e.g. the criteria of a decision matrix). */
export type CalcConfig = Record<string, unknown>;

export type Calculator<S extends string = string> = {
  name: string;
  title: string;
  /** The input slots, fixed or derived from the item's settings. */
  slots: Record<S, Slot> | ((config: CalcConfig) => Record<S, Slot>);
  compute(ctx: CalcContext<S>, config: CalcConfig): CalcResult;
  /** Checks the item's settings when a template is validated; returns problems. */
  checkConfig?(config: CalcConfig): string[];
};

export function slotsOf<S extends string>(calc: Calculator<S>, config: CalcConfig = {}): Record<S, Slot> {
  return typeof calc.slots === "function" ? calc.slots(config) : calc.slots;
}

export class CalcContext<S extends string = string> {
  private readonly problems = new Map<S, string>();
  private readonly missing = new Set<S>();
  private readonly asked: S[] = [];
  private readonly extraNeeds: string[] = [];
  readonly result: CalcResult = emptyResult();

  constructor(
    readonly slots: Record<S, Slot>,
    private readonly raw: Partial<Record<S, unknown>>,
  ) {
    for (const slot of Object.keys(slots) as S[]) this.inspect(slot);
  }

  private inspect(slot: S) {
    const spec = this.slots[slot];
    const v = this.raw[slot];
    if (v === null || v === undefined || v === "") {
      this.missing.add(slot);
      return;
    }
    switch (spec.kind) {
      case "number": {
        if (typeof v !== "number" || !Number.isFinite(v)) {
          this.problems.set(slot, `${spec.needs} as a number`);
          return;
        }
        const unit = spec.unit ? (spec.unit === "%" ? " %" : ` ${spec.unit}`) : "";
        const range =
          spec.min !== undefined && spec.max !== undefined
            ? `between ${spec.min} and ${spec.max}${unit}`
            : spec.min !== undefined
              ? `of at least ${spec.min}${unit}`
              : `of at most ${spec.max}${unit}`;
        if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
          this.problems.set(slot, `${spec.needs} ${range} (it is ${v}${unit})`);
        } else if (spec.integer && !Number.isInteger(v)) {
          this.problems.set(slot, `${spec.needs} as a whole number (it is ${v})`);
        }
        return;
      }
      case "table":
      case "data_series": {
        const rows = (v as { rows?: unknown }).rows;
        if (!Array.isArray(rows)) this.problems.set(slot, spec.needs);
        else if (rows.length === 0) this.missing.add(slot);
        return;
      }
      case "decision_matrix":
        if (typeof v !== "object" || v === null || typeof (v as { scores?: unknown }).scores !== "object") this.problems.set(slot, spec.needs);
        return;
      case "date":
        if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) this.problems.set(slot, `${spec.needs} as a date`);
        return;
    }
  }

  /** True when the slot has a usable value. */
  has(slot: S): boolean {
    return !this.missing.has(slot) && !this.problems.has(slot);
  }

  /**
   * Check that the given slots are usable. Returns null when they are, or a
   * sentence such as "needs the population and the share triaged to mobile
   * crisis" — and remembers what was needed for the whole result.
   */
  need(...slots: S[]): string | null {
    const lacking = slots.filter((s) => !this.has(s));
    if (lacking.length === 0) return null;
    for (const s of lacking) if (!this.asked.includes(s)) this.asked.push(s);
    return "needs " + joinWords(lacking.map((s) => this.describe(s)));
  }

  /** Record a need that is not a single slot, e.g. "at least one staff row with FTE and salary". */
  needWords(words: string): string {
    if (!this.extraNeeds.includes(words)) this.extraNeeds.push(words);
    return `needs ${words}`;
  }

  private describe(slot: S) {
    return this.problems.get(slot) ?? this.slots[slot].needs;
  }

  num(slot: S): number {
    return this.raw[slot] as number;
  }
  /** A number slot that may be left empty, with the value to use then. */
  numOr(slot: S, fallback: number): number {
    return this.has(slot) ? (this.raw[slot] as number) : fallback;
  }
  /** A share entered in per cent, as a fraction. */
  share(slot: S): number {
    return (this.raw[slot] as number) / 100;
  }
  rows(slot: S): TableRows {
    return this.has(slot) ? ((this.raw[slot] as { rows: TableRows }).rows ?? []) : [];
  }
  series(slot: S): SeriesRows {
    return this.has(slot) ? ((this.raw[slot] as { rows: SeriesRows }).rows ?? []) : [];
  }
  /** The checked value of a slot as given (e.g. a decision matrix's answer). */
  value(slot: S): unknown {
    return this.has(slot) ? this.raw[slot] : undefined;
  }
  date(slot: S): string {
    return this.raw[slot] as string;
  }

  /** Out-of-range inputs are reported even when nothing asked for them. */
  finish(): CalcResult {
    for (const s of this.problems.keys()) if (!this.asked.includes(s)) this.asked.push(s);
    this.result.needs = [...this.asked.map((s) => this.describe(s)), ...this.extraNeeds];
    for (const [k, v] of Object.entries(this.result.values)) this.result.values[k] = tidy(v);
    return this.result;
  }
}

/** Run a calculator over raw item values (answers or resolved inputs). */
export function runCalculator<S extends string>(
  calc: Calculator<S>,
  raw: Partial<Record<S, unknown>>,
  config: CalcConfig = {},
): CalcResult {
  const ctx = new CalcContext<S>(slotsOf(calc, config), raw);
  const out = calc.compute(ctx, config);
  if (out !== ctx.result) Object.assign(ctx.result, out);
  return ctx.finish();
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Removes float noise (0.1 + 0.2) without rounding real precision away. */
export function tidy(v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  return Math.round(v * 1e6) / 1e6 + 0; // + 0 turns -0 into 0
}

/** A table/series cell as a number, or null. */
export function cellNumber(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function cellText(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

/** Percent with up to one decimal, for messages: 112, 99.5. */
export function pct(v: number): string {
  return `${Math.round(v * 10) / 10} %`;
}
