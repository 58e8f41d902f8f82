import { cellNumber, cellText, type Calculator } from "../calculator";
import { formatWithUnit } from "../format";
import type { ResultRow } from "../types";

/**
 * Budget and funding gap: the yearly cost of the response (staff, vehicles,
 * training, overhead) against the funding already secured in each of the
 * first five years, so that a grant running out shows up as a cliff.
 */

export const BUDGET_YEARS = 5;

const slots = {
  staff: {
    kind: "table",
    label: "Staff",
    needs: "at least one staff row with FTE and salary",
    columns: ["role", "fte", "salary"],
  },
  fringeRate: { kind: "number", label: "Fringe benefits rate", needs: "the fringe benefits rate", min: 0, max: 100, unit: "%" },
  vehicles: { kind: "number", label: "Vehicles per year", needs: "the yearly vehicle cost", min: 0, unit: "$" },
  training: { kind: "number", label: "Training per year", needs: "the yearly training cost", min: 0, unit: "$" },
  overheadRate: { kind: "number", label: "Overhead rate", needs: "the overhead rate", min: 0, max: 100, unit: "%" },
  funding: {
    kind: "table",
    label: "Funding sources",
    needs: "the funding sources table",
    columns: ["source", "amount", "ends", "status"],
  },
  start: { kind: "date", label: "Year 1 starts", needs: "the date year 1 starts" },
} as const;

export type BudgetSlot = keyof typeof slots;

const DAY = 86_400_000;
function addYears(iso: string, years: number): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y + years, m - 1, d);
}
const monthYear = (t: number) =>
  new Date(t).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

export const budgetAndGap: Calculator<BudgetSlot> = {
  name: "budget-gap",
  title: "Budget and funding gap",
  slots,
  compute(c) {
    const r = c.result;
    const fringe = c.has("fringeRate") ? c.num("fringeRate") : null;

    // Staff rows: FTE × salary × (1 + fringe).
    const staffRows: ResultRow[] = [];
    let staffTotal = 0;
    let skipped = 0;
    for (const row of c.rows("staff")) {
      const fte = cellNumber(row.cells.fte);
      const salary = cellNumber(row.cells.salary);
      const label = cellText(row.cells.role) || "Unnamed role";
      if (fte === null || salary === null) {
        skipped++;
        continue;
      }
      const cost = fringe === null ? null : (fte * salary * (100 + fringe)) / 100;
      if (cost !== null) staffTotal += cost;
      staffRows.push({ key: `staff-${row.id}`, label: `${label} (${fte} FTE × ${formatWithUnit(salary, "$")})`, cells: { cost } });
    }
    if (skipped > 0) {
      r.warnings.push(`${skipped} staff ${skipped === 1 ? "row has" : "rows have"} no FTE or salary and ${skipped === 1 ? "is" : "are"} left out of the cost.`);
    }
    const staffNeeds = staffRows.length === 0 ? c.needWords(slots.staff.needs) : c.need("fringeRate");
    const vehicles = c.numOr("vehicles", 0);
    const training = c.numOr("training", 0);
    const overheadRate = c.numOr("overheadRate", 0);
    const direct = staffTotal + vehicles + training;
    const overhead = (direct * overheadRate) / 100;
    const yearlyCost = staffNeeds ? null : direct + overhead;

    r.tables.push({
      key: "cost",
      title: "Yearly cost",
      columns: [{ key: "cost", label: "Per year", unit: "$", decimals: 0 }],
      rows: [
        ...staffRows,
        { key: "staff", label: `Staff, with fringe benefits`, cells: { cost: staffNeeds ? null : staffTotal }, ...(staffNeeds ? { needs: staffNeeds } : {}) },
        { key: "vehicles", label: "Vehicles", cells: { cost: vehicles } },
        { key: "training", label: "Training", cells: { cost: training } },
        { key: "overhead", label: `Overhead (${overheadRate} % of the above)`, cells: { cost: staffNeeds ? null : overhead } },
        { key: "total", label: "Total yearly cost", cells: { cost: yearlyCost }, highlight: true, ...(staffNeeds ? { needs: staffNeeds } : {}) },
      ],
    });

    // Secured funding per year.
    const funding = c.rows("funding");
    const secured = funding.filter((f) => cellText(f.cells.status) === "secured" && cellNumber(f.cells.amount) !== null);
    const notSecured = funding.filter((f) => cellText(f.cells.status) !== "secured" && (cellNumber(f.cells.amount) ?? 0) > 0);
    if (notSecured.length > 0) {
      const sum = notSecured.reduce((s, f) => s + (cellNumber(f.cells.amount) ?? 0), 0);
      r.warnings.push(
        `Not counted as secured: ${notSecured.length} ${notSecured.length === 1 ? "source" : "sources"} still being planned or applied for, ${formatWithUnit(sum, "$")} a year in all.`,
      );
    }
    const anyEnds = secured.some((f) => cellText(f.cells.ends) !== "");
    const startNeeds = anyEnds ? c.need("start") : null;
    const start = c.has("start") ? c.date("start") : null;

    const years = Array.from({ length: BUDGET_YEARS }, (_, i) => {
      const from = start ? addYears(start, i) : null;
      const to = start ? addYears(start, i + 1) : null;
      let amount = 0;
      for (const f of secured) {
        const a = cellNumber(f.cells.amount)!;
        const ends = cellText(f.cells.ends);
        if (!ends) {
          amount += a;
          continue;
        }
        if (from === null || to === null) continue;
        const endT = Date.parse(ends) + DAY; // funding runs to the end of that day
        const share = Math.min(1, Math.max(0, (endT - from) / (to - from)));
        amount += a * share;
      }
      return {
        label: from ? `Year ${i + 1} (from ${monthYear(from)})` : `Year ${i + 1}`,
        secured: startNeeds ? null : amount,
      };
    });

    const gapRows: ResultRow[] = years.map((y, i) => {
      const needs = staffNeeds ?? startNeeds ?? undefined;
      const gap = yearlyCost === null || y.secured === null ? null : yearlyCost - y.secured;
      return {
        key: `year${i + 1}`,
        label: y.label,
        cells: { cost: yearlyCost, secured: y.secured, gap },
        ...(needs ? { needs } : {}),
      };
    });
    r.tables.push({
      key: "gap",
      title: "Funding gap per year",
      columns: [
        { key: "cost", label: "Cost", unit: "$", decimals: 0 },
        { key: "secured", label: "Secured funding", unit: "$", decimals: 0 },
        { key: "gap", label: "Gap", unit: "$", decimals: 0 },
      ],
      rows: gapRows,
      note: "A negative gap is a surplus.",
    });

    r.values.yearlyCost = yearlyCost;
    r.values.staffCost = staffNeeds ? null : staffTotal;
    years.forEach((y, i) => {
      r.values[`secured.year${i + 1}`] = y.secured;
      r.values[`gap.year${i + 1}`] = gapRows[i].cells.gap as number | null;
    });

    for (let i = 1; i < years.length; i++) {
      const before = years[i - 1].secured;
      const after = years[i].secured;
      if (before !== null && after !== null && after < before - 0.5) {
        r.warnings.push(
          `Funding cliff: secured funding falls from ${formatWithUnit(before, "$")} in year ${i} to ${formatWithUnit(after, "$")} in year ${i + 1}.`,
        );
        break;
      }
    }

    r.chart = {
      kind: "bars",
      title: "Cost, secured funding and gap per year",
      unit: "$",
      categories: years.map((_, i) => `Year ${i + 1}`),
      series: [
        { key: "cost", label: "Cost", values: gapRows.map((g) => g.cells.cost as number | null) },
        { key: "secured", label: "Secured funding", values: gapRows.map((g) => g.cells.secured as number | null) },
        { key: "gap", label: "Gap", values: gapRows.map((g) => g.cells.gap as number | null) },
      ],
    };

    r.formulas.push(
      { label: "Staff row", words: "FTE × yearly salary × (1 + fringe benefits rate)" },
      { label: "Overhead", words: "(staff + vehicles + training) × overhead rate" },
      { label: "Yearly cost", words: "staff + vehicles + training + overhead" },
      {
        label: "Secured funding in a year",
        words: "the yearly amount of every source marked Secured, for the part of the year before its end date",
      },
      { label: "Gap", words: "yearly cost − secured funding in that year" },
    );
    return r;
  },
};
