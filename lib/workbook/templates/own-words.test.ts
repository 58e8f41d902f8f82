import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEMPLATES } from "./index";

/**
 * The templates are written in the project's own words. No sentence of 12 or
 * more words may appear in the source notes or the seed documents the
 * project started from (they sit in ../shared beside the repository).
 */
const shared = path.resolve(import.meta.dirname, "../../../../shared");
const sourceFiles = [
  path.join(shared, "docs", "domain-frameworks.md"),
  ...(existsSync(path.join(shared, "seeds")) ? readdirSync(path.join(shared, "seeds")).map((f) => path.join(shared, "seeds", f)) : []),
].filter((f) => existsSync(f));

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Publication titles and publishers are facts the app cites, not prose. */
const CITED = new Set(["url", "key", "title", "name", "publisher"]);

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) if (!CITED.has(k)) strings(v, out);
  return out;
}

export function longSentences(text: string, minWords = 12): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map(normalise)
    .filter((s) => s.split(" ").length >= minWords);
}

describe("templates are in the project's own words", () => {
  it("finds a copied sentence when there is one (the check itself works)", () => {
    const source = normalise("Teams meet regularly, often monthly. Between meetings, members fill in worksheets and the coordinator tracks what is done.");
    const copied = longSentences("Between meetings, members fill in worksheets and the coordinator tracks what is done.");
    expect(copied.some((s) => source.includes(s))).toBe(true);
  });

  it.skipIf(sourceFiles.length === 0)("shares no sentence of 12 or more words with the source notes or seed documents", () => {
    const sources = normalise(sourceFiles.map((f) => readFileSync(f, "utf8")).join("\n"));
    const copied: string[] = [];
    for (const t of Object.values(TEMPLATES)) for (const s of strings(t).flatMap((x) => longSentences(x))) if (sources.includes(s)) copied.push(s);
    expect(copied).toEqual([]);
  });
});
