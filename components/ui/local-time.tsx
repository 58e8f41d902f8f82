"use client";

/** A date shown in the reader's own time zone and language. */
export function LocalTime({ iso, style = "datetime" }: { iso: string; style?: "datetime" | "date" | "time" }) {
  const d = new Date(iso);
  const text =
    style === "date"
      ? d.toLocaleDateString(undefined, { dateStyle: "full" })
      : style === "time"
        ? d.toLocaleTimeString(undefined, { timeStyle: "short" })
        : d.toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" });
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
