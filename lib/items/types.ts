import type { z } from "zod";
import type { ItemCommon } from "./base";

/**
 * What an item kind is made of. Each kind has one folder, lib/items/<kind>/:
 *
 * - `index.ts` exports its {@link ItemKindModule}: template schema, answer
 *   schema, empty value, progress rule and summary. It runs in the browser
 *   and on the server, so it imports nothing but zod and shared helpers.
 * - `pdf.tsx` exports its {@link ItemPdfModule} (react-pdf; server only).
 * - `print.tsx` exports its {@link ItemPrintModule} (the HTML print view).
 * - a later `docx.ts` would export its {@link ItemDocxModule} (Word).
 *
 * Its editor control lives in components/items/<kind>.tsx. Each part is
 * listed in its own registry, so a bundle only pulls in the parts it uses:
 * lib/items/registry.ts, lib/items/pdf-registry.ts,
 * lib/items/print-registry.ts and components/items/registry.tsx.
 * docs/adding-an-item-kind.md walks through adding a kind.
 */

/** A problem in a template's settings for one item; `path` is relative to the item. */
export type TemplateIssue = { message: string; path: Array<string | number> };

export interface ItemKindModule<I extends ItemCommon, V = unknown> {
  kind: I["kind"];
  /** What template authors call this kind. */
  title: string;
  /** The item's settings in a template: `z.object({ ...itemBase, kind: z.literal(kind), … })`. */
  template: z.ZodObject;
  /** Whether the item takes an answer (instructions do not) and counts towards progress. */
  answerable: boolean;
  /**
   * Set for kinds whose value nobody writes (e.g. calculated results): a write
   * is refused with this message (422), rather than as an unknown item (404).
   */
  readOnlyReason?: string;
  /** Checks beyond the template schema (e.g. one label per rating point). */
  templateIssues?(item: I): TemplateIssue[];
  /** The zod schema of the item's answer, built from its settings. Size-capped. */
  answerSchema(item: I): z.ZodType;
  /** The value of an item nobody has answered yet; it must pass `answerSchema`. */
  emptyValue(item: I): V;
  /**
   * Whether a value answers the item (the progress rule). Only called with a
   * value that passed `answerSchema`.
   */
  isAnswered(item: I, value: V): boolean;
  /**
   * A few words saying what the answer is, for history and notifications.
   * Called with a stored value that is neither missing nor the empty value
   * (those read "(empty)" and "(cleared)"); it may be from an older version
   * of the item, so check its shape.
   */
  summarize(item: I, value: unknown): string;
  /** The answer is a single piece of text: history shows word changes, conflicts offer a merged edit. */
  plainText?: boolean;
  /**
   * Organisation per member id found in the answer (a roster), for the PDF
   * cover's member list. The first item that yields any wins.
   */
  memberOrganisations?(item: I, value: unknown): Map<string, string>;
}

/** A field of the fillable (AcroForm) blank PDF. */
export type BlankField = { name: string; type: "text" | "multiline" | "checkbox" | "dropdown"; itemKey: string };

/**
 * A Word rendering of an item, for the planned .docx export. Not built yet:
 * the export adds lib/items/<kind>/docx.ts files and a docx registry beside
 * the PDF one, returning `docx` paragraphs and tables.
 */
export interface ItemDocxModule<I extends ItemCommon, Ctx = unknown> {
  answer(props: { item: I; value: unknown; answered: boolean; ctx: Ctx }): unknown[];
  blank?(props: { item: I }): unknown[];
}
