import { cellNumber, type Calculator } from "../calculator";

/**
 * Officer time on behavioral-health calls: calls × time on scene × officers
 * per call, per month and per year — the usual local business case for a
 * non-police response.
 */

const slots = {
  calls: { kind: "data_series", label: "Calls by month and type", needs: "monthly call counts on the call data worksheet" },
  minutesOnScene: {
    kind: "number",
    label: "Average time on scene",
    needs: "the average time on scene",
    min: 0,
    max: 1440,
    unit: "minutes",
  },
  officersPerCall: { kind: "number", label: "Officers per call", needs: "the officers sent per call", min: 0, max: 20 },
  hourlyCost: { kind: "number", label: "Cost of an officer-hour", needs: "the cost of an officer-hour", min: 0, unit: "$" },
} as const;

export type OfficerSlot = keyof typeof slots;

export const officerTime: Calculator<OfficerSlot> = {
  name: "officer-time",
  title: "Officer time on behavioral-health calls",
  slots,
  compute(c, config) {
    const r = c.result;
    const labels = (config.columnLabels ?? {}) as Record<string, string>;
    const rows = c.series("calls");
    const counted = rows.filter((row) => Object.values(row.values).some((v) => cellNumber(v) !== null));
    const columns = [...new Set(counted.flatMap((row) => Object.keys(row.values)))].filter((k) =>
      counted.some((row) => cellNumber(row.values[k]) !== null),
    );
    const callsNeeds = counted.length === 0 ? c.needWords(slots.calls.needs) : null;
    const months = counted.length;
    const perType = columns.map((k) => ({
      key: k,
      label: labels[k] ?? k,
      perMonth: counted.reduce((s, row) => s + (cellNumber(row.values[k]) ?? 0), 0) / Math.max(months, 1),
    }));
    const callsPerMonth = callsNeeds ? null : perType.reduce((s, t) => s + t.perMonth, 0);
    const timeNeeds = callsNeeds ?? c.need("minutesOnScene", "officersPerCall");
    const hoursPerCall = timeNeeds ? null : (c.num("minutesOnScene") / 60) * c.num("officersPerCall");
    const hours = (calls: number | null) => (calls === null || hoursPerCall === null ? null : calls * hoursPerCall);
    const cost = c.has("hourlyCost") ? c.num("hourlyCost") : null;

    r.tables.push({
      key: "officer-hours",
      title: "Officer time",
      columns: [
        { key: "calls", label: "Calls per month", unit: "calls", decimals: 0 },
        { key: "hoursMonth", label: "Officer-hours per month", unit: "hours", decimals: 0 },
        { key: "hoursYear", label: "Officer-hours per year", unit: "hours", decimals: 0 },
        ...(cost !== null ? [{ key: "costYear", label: "Cost per year", unit: "$", decimals: 0 }] : []),
      ],
      rows: [
        ...perType.map((t) => ({
          key: t.key,
          label: t.label,
          cells: {
            calls: t.perMonth,
            hoursMonth: hours(t.perMonth),
            hoursYear: hours(t.perMonth) === null ? null : hours(t.perMonth)! * 12,
            ...(cost !== null ? { costYear: hours(t.perMonth) === null ? null : hours(t.perMonth)! * 12 * cost } : {}),
          },
        })),
        {
          key: "total",
          label: "All behavioral-health calls",
          highlight: true,
          cells: {
            calls: callsPerMonth,
            hoursMonth: hours(callsPerMonth),
            hoursYear: hours(callsPerMonth) === null ? null : hours(callsPerMonth)! * 12,
            ...(cost !== null ? { costYear: hours(callsPerMonth) === null ? null : hours(callsPerMonth)! * 12 * cost } : {}),
          },
          ...(timeNeeds ? { needs: timeNeeds } : {}),
        },
      ],
      note: months > 0 ? `Average of ${months} ${months === 1 ? "month" : "months"} of call data.` : undefined,
    });
    if (months > 0 && months < 6) r.warnings.push(`Only ${months} ${months === 1 ? "month" : "months"} of call data: seasons may skew the average.`);

    r.values.callsPerMonth = callsPerMonth;
    r.values.officerHoursPerMonth = hours(callsPerMonth);
    r.values.officerHoursPerYear = hours(callsPerMonth) === null ? null : hours(callsPerMonth)! * 12;
    r.values.costPerYear = cost !== null && r.values.officerHoursPerYear !== null ? r.values.officerHoursPerYear * cost : null;

    r.formulas.push(
      { label: "Calls per month", words: "the average over the months with call counts, all call types together" },
      { label: "Officer-hours per month", words: "calls per month × average minutes on scene ÷ 60 × officers per call" },
      { label: "Officer-hours per year", words: "officer-hours per month × 12" },
      ...(cost !== null ? [{ label: "Cost per year", words: "officer-hours per year × cost of an officer-hour" }] : []),
    );
    return r;
  },
};
