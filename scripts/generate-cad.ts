/**
 * Writes a synthetic CAD export (CSV) and prints the counts it generated.
 *
 *   npx tsx scripts/generate-cad.ts --rows 10000 --seed 7 --out calls.csv [--delimiter ';'] [--time iso]
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { emptyCounts, generateCadExport } from "../lib/calldata/generate";

function arg(name: string, fallback?: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const rows = Number(arg("rows", "10000"));
const seed = Number(arg("seed", "1"));
const out = arg("out", "synthetic-cad-export.csv")!;
const delimiter = (arg("delimiter", ",") === "\\t" ? "\t" : arg("delimiter", ",")) as "," | ";" | "\t" | "|";
const timeFormat = arg("time", "mdy") as "mdy" | "iso";
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(seed)) {
  console.error("Usage: tsx scripts/generate-cad.ts --rows <n> --seed <n> --out <file.csv>");
  process.exit(2);
}

const counts = emptyCounts();
const file = createWriteStream(out);
let chunk = "";
for (const line of generateCadExport({ rows, seed, delimiter, timeFormat }, counts)) {
  chunk += line + "\r\n";
  if (chunk.length > 1 << 20) {
    if (!file.write(chunk)) await once(file, "drain");
    chunk = "";
  }
}
file.end(chunk);
await once(file, "finish");
console.log(JSON.stringify({ file: out, rows: counts.rows, byCode: counts.byCode, byMonth: counts.byMonth, selfInitiated: counts.selfInitiated, multiline: counts.multiline }, null, 2));
