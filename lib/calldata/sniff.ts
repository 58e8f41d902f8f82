import { parse as parseSync } from "csv-parse/sync";
import { CallDataError } from "./errors";

/**
 * What the first bytes of an upload say about it: spreadsheet or text,
 * which text encoding, which delimiter. Pure, and the same in the browser.
 */
export type FileFormat = "csv" | "xlsx";
export type TextEncoding = "utf-8" | "windows-1252";
export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** How many bytes of the start of a file the sniffers look at. */
export const SNIFF_BYTES = 64 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old-style Excel (.xls) or Word file"],
  [[0x1f, 0x8b], "a compressed (gzip) file"],
  [[0x7f, 0x45, 0x4c, 0x46], "a program"],
  [[0x4d, 0x5a], "a program"],
];

function startsWith(bytes: Uint8Array, sig: number[]) {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * Decides the format from the content (not the file name) and refuses files
 * that are not a CSV export or an Excel workbook, with a message that says why.
 */
export function sniffFormat(head: Uint8Array): FileFormat {
  if (head.length === 0) throw new CallDataError("empty_file", "The file is empty.");
  if (startsWith(head, ZIP)) return "xlsx";
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(head, sig)) {
      throw new CallDataError("not_text", `This file is not a CSV export: it looks like ${what}. Export the calls from your CAD system as CSV or Excel (.xlsx).`);
    }
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new CallDataError("not_text", "This file is saved as UTF-16 text. Save it again as “CSV UTF-8” (or plain CSV) and upload that.");
  }
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) throw new CallDataError("not_text", "This file is not a CSV export: it contains binary data. Export the calls from your CAD system as CSV or Excel (.xlsx).");
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > n * 0.01) {
    throw new CallDataError("not_text", "This file is not a CSV export: it contains binary data. Export the calls from your CAD system as CSV or Excel (.xlsx).");
  }
  return "csv";
}

export function hasUtf8Bom(head: Uint8Array) {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** UTF-8 when the sample is valid UTF-8 (a cut-off last character is fine), otherwise Windows-1252. */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  if (hasUtf8Bom(head)) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F; some runtimes decode it as Latin-1.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const C1 = /[\u0080-\u009f]/g;

/** A streaming decoder for the chosen encoding; the BOM is dropped. */
export function textDecoder(encoding: TextEncoding) {
  const decoder = new TextDecoder(encoding === "utf-8" ? "utf-8" : "windows-1252", { ignoreBOM: false });
  const fix = encoding === "windows-1252";
  return (chunk?: Uint8Array): string => {
    const text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    return fix ? text.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : text;
  };
}

/** Decodes a whole buffer (for samples and tests). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding, final = true): string {
  const d = textDecoder(encoding);
  return d(bytes) + (final ? d() : "");
}

/**
 * The delimiter that splits the first lines into the same number (>1) of
 * fields most consistently; quoted fields are respected.
 */
export function sniffDelimiter(sample: string): Delimiter {
  // Drop a probably cut-off last line.
  const cut = sample.length >= SNIFF_BYTES / 2 ? sample.slice(0, Math.max(sample.lastIndexOf("\n"), 1)) : sample;
  let best: { d: Delimiter; score: number } = { d: ",", score: -1 };
  for (const d of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parseSync(cut, { delimiter: d, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: 60 }) as string[][];
    } catch {
      continue;
    }
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [fields, times] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (fields < 2) continue;
    const score = (times / rows.length) * 1000 + Math.min(fields, 100);
    if (score > best.score) best = { d, score };
  }
  return best.d;
}
