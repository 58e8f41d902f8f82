import type { ReactNode } from "react";
import { Checkbox, Text, TextInput, View } from "@react-pdf/renderer";
import { styles } from "@/lib/export/pdf/components";
import { colors, contentWidth } from "@/lib/export/pdf/theme";
import type { ItemCommon } from "./base";
import type { Item } from "./registry";
import type { BlankField } from "./types";

/**
 * What an item kind's PDF part (lib/items/<kind>/pdf.tsx) provides, and the
 * pieces those parts share. Server only: react-pdf never reaches the browser,
 * because only lib/export/pdf and lib/items/pdf-registry.ts import these.
 */

/** What item renderers need besides the item and its value. */
export type ItemContext = {
  fontFamily: string[];
  memberName: (id: string) => string;
};

export type PdfAnswerProps<I> = { item: I; value: unknown; answered: boolean; ctx: ItemContext };

export interface ItemPdfModule<I extends ItemCommon> {
  /** The answer, printed under the item's label in the filled export. */
  Answer(props: PdfAnswerProps<I>): ReactNode;
  /** Small enough to keep on one page with its label (never split). Default: no. */
  keepTogether?(item: I): boolean;
  /** Room (pt) kept for the start of the answer under its label before a page break. Default 70. */
  minPresenceAhead?: number;
  /**
   * The whole block, when the kind lays out differently (e.g. instructions as
   * a panel, or a chart that travels with its label). `head` is the numbered
   * label with its help text.
   */
  Block?(props: PdfAnswerProps<I> & { head: ReactNode }): ReactNode;
  /** The form fields of the item in the fillable blank export, in order. */
  blankFields(item: I): BlankField[];
  /** The item's fields as drawn in the blank export (names as in `blankFields`). */
  Blank(props: { item: I }): ReactNode;
  /** Replaces the numbered block in the blank export (e.g. instructions). */
  BlankBlock?(props: { item: I }): ReactNode;
  /** Drawn after a worksheet's items (e.g. a radar of its ratings); null when it does not apply. */
  WorksheetAddendum?(props: { items: Item[]; answers: Record<string, unknown>; ctx: ItemContext }): ReactNode;
}

export const NOT_ANSWERED = "Not answered yet";
/** Answers sit this far right of the item number. */
export const ITEM_INDENT = 26;
export const ANSWER_WIDTH = contentWidth - ITEM_INDENT;

export function Muted({ children }: { children: string }) {
  return <Text style={[styles.muted, styles.italic]}>{children}</Text>;
}

/** A blank-form field of one item key. */
export const field = (item: { key: string }, name: string, type: BlankField["type"]): BlankField => ({ name, type, itemKey: item.key });

// ---------------------------------------------------------------------------
// Blank-form pieces

const FIELD_BG = "#FAFBFD";
const frame = { borderWidth: 0.75, borderColor: colors.ruleStrong, backgroundColor: FIELD_BG } as const;

/**
 * A form field drawn inside its own frame: viewers draw field borders
 * unevenly (or not at all when printing), so the frame is part of the page.
 */
export function Framed({ width, height, round, children }: { width?: number | string; height: number; round?: boolean; children: ReactNode }) {
  return (
    <View style={[frame, { height, padding: 1.5, ...(width !== undefined ? { width } : { alignSelf: "stretch", flexGrow: 1 }) }, round ? { borderRadius: height / 2 } : {}]}>
      {children}
    </View>
  );
}

export function Hint({ children }: { children: string }) {
  return <Text style={[styles.small, styles.muted, { marginBottom: 2 }]}>{children}</Text>;
}

export function BoxOption({ name, label, round }: { name: string; label: string; round?: boolean }) {
  return (
    <View style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }} wrap={false}>
      <View style={{ marginRight: 6 }}>
        <Framed width={11} height={11} round={round}>
          <Checkbox name={name} style={{ width: 6.5, height: 6.5 }} />
        </Framed>
      </View>
      <Text style={{ flex: 1 }}>{label}</Text>
    </View>
  );
}

function columnHint(labels: string[]) {
  return `One row per line; separate the columns with “ | ”: ${labels.join(" | ")}`;
}

/** A multiline field for rows of cells, with the column names above it. */
export function GridField({ name, labels }: { name: string; labels: string[] }) {
  return (
    <View>
      <View style={{ flexDirection: "row", backgroundColor: colors.panelStrong, borderWidth: 0.75, borderColor: colors.ruleStrong, borderBottomWidth: 0 }}>
        {labels.map((l, i) => (
          <Text key={i} style={[styles.th, { flex: 1 }, i ? styles.cellDivider : {}]}>
            {l}
          </Text>
        ))}
      </View>
      <Framed height={110}>
        <TextInput name={name} multiline style={{ height: 105.5 }} />
      </Framed>
      <Hint>{columnHint(labels)}</Hint>
    </View>
  );
}
