import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

/** Formulas are data evaluated by the restricted expression engine, never as code. */
const root = path.resolve(import.meta.dirname, "../../lib");
const FORBIDDEN = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*["'`]/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [p] : [];
  });
}

it("nothing in lib/ evaluates text as code (no eval, no new Function)", () => {
  const all = files(root);
  expect(all.length).toBeGreaterThan(50);
  const hits = all.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .flatMap((line, i) => (FORBIDDEN.some((re) => re.test(line)) ? [`${path.relative(root, f)}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(hits).toEqual([]);
});

it("the check itself finds what it forbids", () => {
  const sample = ["const f = new Function('a', 'return a');", "eval(text)"];
  expect(sample.every((line) => FORBIDDEN.some((re) => re.test(line)))).toBe(true);
});
