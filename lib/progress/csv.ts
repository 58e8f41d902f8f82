/**
 * CSV writing (RFC 4180): comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, quote, or line break, and quotes doubled inside it.
 *
 * Text that a spreadsheet would read as a formula (starting with =, +, -, @,
 * tab or carriage return) is prefixed with an apostrophe, so a name like
 * "=HYPERLINK(…)" stays text when the file is opened in a spreadsheet.
 * Numbers are written as they are.
 */

export type CsvCell = string | number | boolean | null | undefined;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV file: a header row, then one line per row. Starts with a UTF-8
 * byte order mark so spreadsheet programs read accented names correctly.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
