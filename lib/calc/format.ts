/**
 * How a result is written: rounded to the column's decimals, thousands
 * separated, with its unit. Used by the worksheet, the print view and the PDF
 * alike, so a number reads the same everywhere.
 */
export function formatNumber(value: number, decimals = 0): string {
  const v = Object.is(value, -0) ? 0 : value;
  return v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatWithUnit(value: number | null, unit?: string, decimals = 0): string {
  if (value === null || !Number.isFinite(value)) return "—";
  if (unit === "$") {
    const s = formatNumber(Math.abs(value), decimals);
    return value < 0 ? `−$${s}` : `$${s}`;
  }
  const s = formatNumber(value, decimals).replace(/^-/, "−");
  if (!unit) return s;
  return unit === "%" ? `${s} %` : `${s} ${unit}`;
}
