import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { config } from "@/lib/config";

/**
 * Fonts for PDF exports. Nothing is ever fetched over the network.
 *
 * - The base face is Noto Sans (OFL) from the `@expo-google-fonts/noto-sans`
 *   package: Latin (including Vietnamese), Greek and Cyrillic, in regular,
 *   bold, italic and bold italic.
 * - Other scripts use Noto fonts from `PDF_FONT_DIR` (a list of folders
 *   separated by `:`), by default Debian's `fonts-noto-core` and
 *   `fonts-noto-cjk` folders. A fallback face is registered and loaded only
 *   when an export contains its script, and react-pdf picks it per character
 *   through the font stack (`fontFamily: ["NotoSans", …fallbacks]`).
 *   CJK comes from `NotoSansCJK-Regular.ttc`: react-pdf opens one face of a
 *   collection when given its PostScript name, so the face is chosen by the
 *   text (Japanese kana → JP, Hangul → KR, otherwise Simplified Chinese).
 * - A character no available font covers would be drawn as a wrong glyph by
 *   react-pdf's last resort (Helvetica). Instead, `sanitizeText` replaces
 *   each run of such characters with a visible "[unsupported script]" marker
 *   and the export logs one warning.
 * - Hyphenation is off: words are never split with an inserted hyphen.
 */

export const BASE_FAMILY = "NotoSans";
export const UNSUPPORTED_SCRIPT = "[unsupported script]";
export const UNSUPPORTED_CHARACTER = "[unsupported character]";

const DEFAULT_FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto"];

type FontkitFont = {
  hasGlyphForCodePoint(cp: number): boolean;
  postscriptName?: string;
  unitsPerEm: number;
  name?: { records?: object };
};

// ---------------------------------------------------------------------------
// Locating files

function notoSansDir(): string {
  const candidates: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    candidates.push(path.dirname(require.resolve("@expo-google-fonts/noto-sans/package.json")));
  } catch {
    // Bundled without a resolvable module path: fall back to the working directory.
  }
  candidates.push(path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans"));
  for (const dir of candidates) {
    if (existsSync(path.join(dir, "400Regular", "NotoSans_400Regular.ttf"))) return dir;
  }
  throw new Error(
    "Noto Sans was not found: the PDF export needs the @expo-google-fonts/noto-sans package (run `npm ci`).",
  );
}

/** The folders searched for non-Latin fonts, from `PDF_FONT_DIR` or Debian's defaults. */
export function fontDirs(): string[] {
  const configured = config().PDF_FONT_DIR;
  const dirs = configured ? configured.split(path.delimiter).filter(Boolean) : DEFAULT_FONT_DIRS;
  return dirs.filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  });
}

let fileIndex: Map<string, string> | null = null;
let fileIndexKey = "";
/** File name → full path over the font folders (one level of sub-folders). */
function fontFiles(): Map<string, string> {
  const dirs = fontDirs();
  const key = dirs.join("\n");
  if (fileIndex && fileIndexKey === key) return fileIndex;
  const index = new Map<string, string>();
  const visit = (dir: string, depth: number) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth > 0) visit(full, depth - 1);
      else if (/\.(ttf|otf|ttc)$/i.test(e.name) && !index.has(e.name)) index.set(e.name, full);
    }
  };
  for (const d of dirs) visit(d, 1);
  fileIndex = index;
  fileIndexKey = key;
  return index;
}

// ---------------------------------------------------------------------------
// Fallback faces per script

type Face = { family: string; regular: string; bold?: string; postscriptName?: string; boldPostscriptName?: string };

/** Scripts with a Noto Sans face named `NotoSans<Script>-Regular.ttf`. */
const SCRIPT_NAMES = [
  "Arabic", "Armenian", "Bengali", "Canadian_Aboriginal", "Cherokee", "Devanagari", "Ethiopic", "Georgian",
  "Gujarati", "Gurmukhi", "Hebrew", "Javanese", "Kannada", "Khmer", "Lao", "Malayalam", "Mongolian", "Myanmar",
  "Nko", "Ol_Chiki", "Oriya", "Sinhala", "Sundanese", "Syriac", "Tamil", "Telugu", "Thaana", "Thai", "Tifinagh",
  "Vai", "Yi", "Adlam", "Balinese", "Bamum", "Cham", "Lisu", "Tai_Le", "Tai_Tham", "Tai_Viet", "New_Tai_Lue",
] as const;
const SCRIPT_TESTS = SCRIPT_NAMES.map((name) => ({ name, re: new RegExp(`\\p{Script=${name}}`, "u") }));
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const KANA_RE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL_RE = /\p{Script=Hangul}/u;
const SYMBOL_RE = /[\p{S}\p{P}\p{No}]/u;

function scriptFace(script: string): Face | null {
  const files = fontFiles();
  const stem = `NotoSans${script.replace(/_/g, "")}`;
  const regular = files.get(`${stem}-Regular.ttf`) ?? files.get(`${stem}-Regular.otf`);
  if (!regular && script === "Arabic") {
    const naskh = files.get("NotoNaskhArabic-Regular.ttf");
    if (naskh) return { family: "Fallback-Arabic", regular: naskh, bold: files.get("NotoNaskhArabic-Bold.ttf") };
  }
  if (!regular) return null;
  return { family: `Fallback-${script}`, regular, bold: files.get(`${stem}-Bold.ttf`) ?? files.get(`${stem}-Bold.otf`) };
}

function cjkFace(variant: "sc" | "jp" | "kr"): Face | null {
  const files = fontFiles();
  const upper = variant.toUpperCase();
  // Single-face files first (no collection parsing), then Debian's collections.
  const single =
    files.get(`NotoSansCJK${variant}-Regular.otf`) ??
    files.get(`NotoSans${upper}-Regular.otf`) ??
    files.get(`NotoSans${upper}-Regular.ttf`);
  if (single) {
    const bold = files.get(`NotoSansCJK${variant}-Bold.otf`) ?? files.get(`NotoSans${upper}-Bold.otf`) ?? files.get(`NotoSans${upper}-Bold.ttf`);
    return { family: `Fallback-CJK-${variant}`, regular: single, bold };
  }
  const ttc = files.get("NotoSansCJK-Regular.ttc");
  if (!ttc) return null;
  const boldTtc = files.get("NotoSansCJK-Bold.ttc");
  return {
    family: `Fallback-CJK-${variant}`,
    regular: ttc,
    postscriptName: `NotoSansCJK${variant}-Regular`,
    bold: boldTtc,
    boldPostscriptName: boldTtc ? `NotoSansCJK${variant}-Bold` : undefined,
  };
}

function symbolFaces(): Face[] {
  const files = fontFiles();
  const faces: Face[] = [];
  for (const stem of ["NotoSansSymbols2", "NotoSansSymbols", "NotoSansMath"]) {
    const regular = files.get(`${stem}-Regular.ttf`);
    if (regular) faces.push({ family: `Fallback-${stem}`, regular, bold: files.get(`${stem}-Bold.ttf`) });
  }
  return faces;
}

// ---------------------------------------------------------------------------
// Registration and loading

const registered = new Set<string>();

function register(face: Face) {
  if (registered.has(face.family)) return;
  const bold = face.bold ?? face.regular;
  const boldPs = face.bold ? face.boldPostscriptName : face.postscriptName;
  const src = (file: string, ps: string | undefined) => ({ src: file, ...(ps ? { postscriptName: ps } : {}) });
  // Italic requests fall back to the upright faces: scripts without italics
  // must still resolve when a run is italic.
  Font.register({
    family: face.family,
    fonts: [
      { ...src(face.regular, face.postscriptName), fontWeight: 400, fontStyle: "normal" },
      { ...src(bold, boldPs), fontWeight: 700, fontStyle: "normal" },
      { ...src(face.regular, face.postscriptName), fontWeight: 400, fontStyle: "italic" },
      { ...src(bold, boldPs), fontWeight: 700, fontStyle: "italic" },
    ],
  });
  registered.add(face.family);
}

let baseRegistered = false;

/** Registers Noto Sans and turns hyphenation off. Safe to call repeatedly. */
export function registerBaseFonts() {
  if (baseRegistered) return;
  const dir = notoSansDir();
  const file = (weight: string) => path.join(dir, weight, `NotoSans_${weight}.ttf`);
  Font.register({
    family: BASE_FAMILY,
    fonts: [
      { src: file("400Regular"), fontWeight: 400, fontStyle: "normal" },
      { src: file("700Bold"), fontWeight: 700, fontStyle: "normal" },
      { src: file("400Regular_Italic"), fontWeight: 400, fontStyle: "italic" },
      { src: file("700Bold_Italic"), fontWeight: 700, fontStyle: "italic" },
    ],
  });
  registered.add(BASE_FAMILY);
  // Words are never split: no inserted hyphens in names, URLs or codes.
  Font.registerHyphenationCallback((word) => [word]);
  baseRegistered = true;
}

const loaded = new Map<string, Promise<FontkitFont | null>>();

/** Loads one face of a registered family and applies the speed-ups below. */
async function loadFace(family: string, fontWeight: 400 | 700 = 400, fontStyle: "normal" | "italic" = "normal"): Promise<FontkitFont | null> {
  const key = `${family}|${fontWeight}|${fontStyle}`;
  let p = loaded.get(key);
  if (!p) {
    p = (async () => {
      try {
        await Font.load({ fontFamily: family, fontWeight, fontStyle });
        const data = Font.getFont({ fontFamily: family, fontWeight, fontStyle })?.data as unknown as FontkitFont | null;
        if (data) tuneFont(data, family === BASE_FAMILY);
        return data ?? null;
      } catch (err) {
        console.warn(`PDF export: could not load the font ${family} (${(err as Error).message}).`);
        return null;
      }
    })();
    loaded.set(key, p);
  }
  return p;
}

/**
 * Speed-ups for the fontkit faces we use. Shaping text dominates react-pdf's
 * layout time; measured on the demo workbook these save about a quarter of a
 * render, and most of it when the same text is exported again.
 *
 * - pdfkit compares a font with its cached one by `JSON.stringify` of the
 *   whole `name` table on every text run; Noto's name table carries the
 *   licence text. A `toJSON` on the records returns the PostScript name,
 *   which identifies the face just as well (the name table is not part of
 *   the embedded subset, so the output is unchanged).
 * - `unitsPerEm` is a getter that decodes the `head` table on each call;
 *   textkit reads it for every run. It is pinned to its value.
 * - Base faces only: text made of precomposed Latin letters, digits and
 *   punctuation is shaped with kerning and ligatures but without the mark
 *   positioning and composition lookups, which do nothing for it. Anything
 *   else (combining marks, Greek, Cyrillic…) gets the full feature set.
 * - `hasGlyphForCodePoint` is asked for every character of every run to pick
 *   a face from the font stack; its answers are memoised per face.
 * - Shaped runs are memoised per face (a bounded cache shared by all faces):
 *   the same labels recur on every page and every export of a workbook.
 *   textkit copies positions and never mutates the glyph arrays of plain
 *   text, so sharing a result is safe.
 */
type Layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => unknown;

const PLAIN_LATIN = /^[\u0020-\u007e\u00a0-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2100-\u214f]*$/;
const PLAIN_FEATURES = Object.freeze({ mark: false, mkmk: false, ccmp: false, locl: false, calt: false, clig: false, rlig: false, rclt: false, curs: false });

const SHAPE_CACHE_CHARS = 250_000;
const shapeCache = new Map<string, unknown>();
let shapeCacheChars = 0;

function remember(key: string, value: unknown, chars: number) {
  shapeCache.set(key, value);
  shapeCacheChars += chars;
  // Evict oldest entries past the budget, so memory stays flat export after export.
  for (const [k] of shapeCache) {
    if (shapeCacheChars <= SHAPE_CACHE_CHARS) break;
    shapeCache.delete(k);
    shapeCacheChars -= k.length;
  }
}

/** Cached shaping runs, for tests and diagnostics. */
export function shapeCacheSize() {
  return { entries: shapeCache.size, chars: shapeCacheChars };
}

function tuneFont(font: FontkitFont, base: boolean) {
  try {
    const ps = font.postscriptName ?? "";
    const records = font.name?.records as Record<string, unknown> | undefined;
    if (records && !Object.prototype.hasOwnProperty.call(records, "toJSON")) {
      Object.defineProperty(records, "toJSON", { value: () => ps, enumerable: false });
    }
    const upm = font.unitsPerEm;
    Object.defineProperty(font, "unitsPerEm", { value: upm, configurable: true });

    const target = font as unknown as { layout: Layout; hasGlyphForCodePoint: (cp: number) => boolean; __tuned?: boolean };
    if (target.__tuned) return;
    const has = target.hasGlyphForCodePoint.bind(font);
    const known = new Uint8Array(0x10000); // 0 unknown, 1 yes, 2 no
    target.hasGlyphForCodePoint = (cp) => {
      if (cp >= 0x10000) return has(cp);
      const k = known[cp];
      if (k !== 0) return k === 1;
      const yes = has(cp);
      known[cp] = yes ? 1 : 2;
      return yes;
    };
    const layout = target.layout.bind(font) as Layout;
    const id = `${ps}\u0001`;
    target.layout = (text, features, script, language, direction) => {
      const plain = base && features === undefined && script === undefined && PLAIN_LATIN.test(text);
      const used = plain ? PLAIN_FEATURES : features;
      const key = `${id}${plain ? "p" : JSON.stringify(features ?? null)}|${script ?? ""}|${language ?? ""}|${direction ?? ""}|${text}`;
      const hit = shapeCache.get(key);
      if (hit !== undefined) return hit;
      const result = layout(text, used, script, language, direction);
      remember(key, result, key.length);
      return result;
    };
    Object.defineProperty(target, "__tuned", { value: true });
  } catch {
    // A different fontkit build: the speed-ups are optional.
  }
}

// ---------------------------------------------------------------------------
// Coverage

export type FontPlan = {
  /** The font stack for styles: base first, then the fallbacks this text needs. */
  fontFamily: string[];
  /** Replaces characters no font covers with a visible marker. */
  sanitize: (text: string) => string;
  /** Scripts (or "symbols") that had no font, for the warning. */
  unsupported: Set<string>;
};

const IGNORABLE_RE = /\p{Default_Ignorable_Code_Point}/u;
const CONTROL_RE = /\p{Cc}/u;

/**
 * Decides the font stack for a set of strings: loads Noto Sans, finds the
 * characters it lacks, and registers and loads fallback faces for their
 * scripts. Characters left without a font are reported in `unsupported` and
 * replaced by `sanitize`.
 */
export async function planFonts(texts: Iterable<string>): Promise<FontPlan> {
  registerBaseFonts();
  const base = await loadFace(BASE_FAMILY);
  await Promise.all([loadFace(BASE_FAMILY, 700), loadFace(BASE_FAMILY, 400, "italic"), loadFace(BASE_FAMILY, 700, "italic")]);
  if (!base) throw new Error("Noto Sans could not be loaded for the PDF export.");

  // Characters the base face lacks, deduplicated.
  const missing = new Set<number>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (cp < 0x250) continue; // Latin, always present
      if (!missing.has(cp) && !base.hasGlyphForCodePoint(cp)) missing.add(cp);
    }
  }

  const stack: string[] = [BASE_FAMILY];
  const covered = new Set<number>();
  const unsupported = new Set<string>();
  if (missing.size > 0) {
    const chars = [...missing].map((cp) => String.fromCodePoint(cp));
    const needs = new Map<string, Face | null>();
    const faceFor = (key: string, make: () => Face | null) => {
      if (!needs.has(key)) needs.set(key, make());
      return needs.get(key) ?? null;
    };
    const all = chars.join("");
    const cjkVariant: "sc" | "jp" | "kr" = KANA_RE.test(all) ? "jp" : HANGUL_RE.test(all) && !/\p{Script=Han}/u.test(all) ? "kr" : "sc";
    const plan: Array<{ cp: number; faces: Face[]; label: string }> = [];
    for (const ch of chars) {
      const cp = ch.codePointAt(0)!;
      if (IGNORABLE_RE.test(ch) || CONTROL_RE.test(ch)) continue;
      if (CJK_RE.test(ch)) {
        const f = faceFor(`cjk-${cjkVariant}`, () => cjkFace(cjkVariant));
        plan.push({ cp, faces: f ? [f] : [], label: "CJK" });
        continue;
      }
      const script = SCRIPT_TESTS.find((s) => s.re.test(ch));
      if (script) {
        const f = faceFor(script.name, () => scriptFace(script.name));
        plan.push({ cp, faces: f ? [f] : [], label: script.name.replace(/_/g, " ") });
        continue;
      }
      plan.push({ cp, faces: SYMBOL_RE.test(ch) ? symbolFaces() : [], label: /\p{L}|\p{M}/u.test(ch) ? "other script" : "symbols" });
    }
    const fonts = new Map<string, FontkitFont | null>();
    for (const entry of plan) {
      let ok = false;
      for (const face of entry.faces) {
        if (!fonts.has(face.family)) {
          register(face);
          fonts.set(face.family, await loadFace(face.family));
        }
        const font = fonts.get(face.family);
        if (font?.hasGlyphForCodePoint(entry.cp)) {
          ok = true;
          if (!stack.includes(face.family)) stack.push(face.family);
          break;
        }
      }
      if (ok) covered.add(entry.cp);
      else unsupported.add(entry.label);
    }
    // Bold and italic faces of the fallbacks in use, so no run waits on them.
    await Promise.all(stack.slice(1).flatMap((f) => [loadFace(f, 700), loadFace(f, 400, "italic"), loadFace(f, 700, "italic")]));
  }

  const sanitize = (text: string): string => {
    if (missing.size === 0) return text.replace(/\t/g, "    ").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
    let out = "";
    let pendingMarker: string | null = null;
    let pendingSpace = "";
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let keep = ch;
      let marker: string | null = null;
      if (ch === "\t") keep = "    ";
      else if (ch === "\n" || ch === "\r") keep = ch;
      else if (missing.has(cp) && !covered.has(cp)) {
        if (IGNORABLE_RE.test(ch) || CONTROL_RE.test(ch)) keep = "";
        else marker = /\p{L}|\p{M}/u.test(ch) ? UNSUPPORTED_SCRIPT : UNSUPPORTED_CHARACTER;
      } else if (CONTROL_RE.test(ch)) keep = "";
      if (marker) {
        // One marker per run; spaces inside a run of unsupported text are swallowed.
        if (pendingMarker !== marker) {
          if (pendingMarker) out += pendingMarker + pendingSpace;
          else out += pendingSpace;
          pendingMarker = marker;
        }
        pendingSpace = "";
        continue;
      }
      if (pendingMarker && keep === " ") {
        pendingSpace += " ";
        continue;
      }
      if (pendingMarker) {
        out += pendingMarker + pendingSpace;
        pendingMarker = null;
        pendingSpace = "";
      }
      out += keep;
    }
    if (pendingMarker) out += pendingMarker + pendingSpace;
    return out;
  };

  return { fontFamily: stack, sanitize, unsupported };
}

/** For tests: which fallback faces this machine has for a script ("CJK", "Arabic", …). */
export function hasFontForScript(script: string): boolean {
  if (script === "CJK") return cjkFace("sc") !== null;
  return scriptFace(script) !== null;
}
