/** A short plain-text rendering of an answer value, for minutes. */
export function describeValue(value: unknown, names: Map<string, string> = new Map(), max = 400): string {
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return cut(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("choice" in v) return v.choice === null ? "(no choice)" : `${v.choice}${v.other ? ` (${v.other})` : ""}`;
    if (Array.isArray(v.choices)) return (v.choices as string[]).join(", ") || "(none chosen)";
    if (Array.isArray(v.checked)) return v.noneApply ? "None apply" : (v.checked as string[]).join(", ") || "(none ticked)";
    if (Array.isArray(v.links)) return `${(v.links as unknown[]).length} link(s)`;
    if (Array.isArray(v.rows)) {
      const rows = v.rows as Array<{ cells?: Record<string, unknown>; label?: string; values?: Record<string, unknown> }>;
      const parts = rows.map((r) => {
        if (r.cells) return Object.values(r.cells).filter((x) => x !== null && x !== "" && x !== undefined).map((x) => (typeof x === "string" && names.has(x) ? names.get(x) : String(x))).join(" · ");
        return `${r.label ?? ""}: ${Object.values(r.values ?? {}).filter((x) => x !== null && x !== undefined).join(", ")}`;
      });
      return cut(`${rows.length} row(s): ${parts.join(" | ")}`);
    }
  }
  return cut(JSON.stringify(value));
}
