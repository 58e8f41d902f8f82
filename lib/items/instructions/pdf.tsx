import { Panel, Paragraphs } from "@/lib/export/pdf/components";
import { colors, contentWidth } from "@/lib/export/pdf/theme";
import type { ItemPdfModule } from "../pdf-parts";
import type { InstructionsItem } from ".";

/** Instructions print as a panel, without a number, in both exports. */
export const instructionsPdf: ItemPdfModule<InstructionsItem> = {
  Answer: () => null,
  Block: ({ item }) => (
    <Panel title={item.label} style={{ marginBottom: 10 }}>
      <Paragraphs text={item.body} style={{ color: colors.ink }} width={contentWidth - 20} />
    </Panel>
  ),
  blankFields: () => [],
  Blank: () => null,
  BlankBlock: ({ item }) => (
    <Panel title={item.label} style={{ marginBottom: 10 }}>
      <Paragraphs text={item.body} />
    </Panel>
  ),
};
