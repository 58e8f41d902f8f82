import type { ReactNode } from "react";
import { Document, Page, Path, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import { estimateTextWidth } from "@/lib/charts/geometry";
import { config } from "@/lib/config";
import { colors, contentWidth, fontSizes, page } from "./theme";

/**
 * Building blocks of the app's PDFs: page chrome (running header, footer
 * with "Page X of Y"), headings, paragraphs, bordered tables whose header
 * repeats on every page, tick boxes and panels. The workbook export uses
 * them, and so can any later document (e.g. meeting minutes) that should
 * look the same. Fonts must be planned first (`planFonts` in ./fonts.ts);
 * pass its `fontFamily` stack to `ReportPage`.
 */

export const styles = StyleSheet.create({
  page: {
    paddingTop: page.marginTop,
    paddingBottom: page.marginBottom,
    paddingHorizontal: page.marginX,
    // No lineHeight here: react-pdf 4.9 re-resolves page styles when it lays
    // out `render` content and would multiply an inherited line height again.
    // Noto Sans's own line spacing (about 1.36) is used; styles that need
    // another set `lineHeight` next to their own `fontSize`.
    fontSize: fontSizes.body,
    color: colors.ink,
  },
  headerFrame: { position: "absolute", top: 26, left: page.marginX, right: page.marginX },
  // Page template (newer pagination engine): chrome in the flow, page padding only at the edges.
  templatePage: { paddingTop: 0, paddingBottom: 0, paddingHorizontal: 0 },
  fullBleed: { paddingTop: 0, paddingHorizontal: 0 },
  templateHeader: { paddingTop: 26, paddingHorizontal: page.marginX, height: page.marginTop },
  templateFooter: { paddingBottom: 24, paddingHorizontal: page.marginX, height: page.marginBottom, justifyContent: "flex-end" },
  templateBody: { flexGrow: 1, flexShrink: 1, paddingHorizontal: page.marginX },
  templateBodyFullBleed: { flexGrow: 1, flexShrink: 1 },
  footerFrame: { position: "absolute", bottom: 24, left: page.marginX, right: page.marginX },
  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "flex-end",
    paddingBottom: 5,
    borderBottomWidth: 0.6,
    borderBottomColor: colors.rule,
    fontSize: fontSizes.tiny,
    color: colors.muted,
  },
  headerLeft: { fontWeight: 700, color: colors.navy, maxWidth: "55%" },
  headerRight: { maxWidth: "43%", textAlign: "right" },
  footer: {
    flexDirection: "row",
    justifyContent: "space-between",
    paddingTop: 5,
    borderTopWidth: 0.6,
    borderTopColor: colors.rule,
    fontSize: fontSizes.tiny,
    color: colors.muted,
  },
  footerLeft: { maxWidth: "75%" },
  h1: { fontSize: fontSizes.h1, fontWeight: 700, color: colors.navy, lineHeight: 1.2 },
  h2: { fontSize: fontSizes.h2, fontWeight: 700, color: colors.navy, lineHeight: 1.25 },
  h3: { fontSize: fontSizes.h3, fontWeight: 700, color: colors.navy, lineHeight: 1.3 },
  eyebrow: { fontSize: fontSizes.tiny, fontWeight: 700, color: colors.accent, letterSpacing: 0.3, textTransform: "uppercase" },
  muted: { color: colors.muted },
  small: { fontSize: fontSizes.small },
  italic: { fontStyle: "italic" },
  bold: { fontWeight: 700 },
  paragraph: { marginBottom: 4 },
  panel: { backgroundColor: colors.panel, borderLeftWidth: 2.5, borderLeftColor: colors.navySoft, padding: 8, marginVertical: 4 },
  // Borders belong to the rows, so a table split across pages ends cleanly at its last row on each page.
  table: { marginTop: 2 },
  tableHeader: { flexDirection: "row", backgroundColor: colors.panelStrong, borderWidth: 0.75, borderColor: colors.ruleStrong },
  tableRow: {
    flexDirection: "row",
    borderLeftWidth: 0.75,
    borderRightWidth: 0.75,
    borderBottomWidth: 0.5,
    borderLeftColor: colors.ruleStrong,
    borderRightColor: colors.ruleStrong,
    borderBottomColor: colors.rule,
  },
  tableRowLast: { borderBottomWidth: 0.75, borderBottomColor: colors.ruleStrong },
  th: { paddingVertical: 3.5, paddingHorizontal: 4, fontSize: fontSizes.small, fontWeight: 700, color: colors.navy, lineHeight: 1.25 },
  td: { paddingVertical: 3.5, paddingHorizontal: 4, fontSize: 8.5, lineHeight: 1.3 },
  cellDivider: { borderLeftWidth: 0.5, borderLeftColor: colors.rule },
  pill: { paddingVertical: 1.5, paddingHorizontal: 6, borderRadius: 7, fontSize: fontSizes.tiny, fontWeight: 700 },
  box: { width: 9, height: 9, borderWidth: 0.8, borderColor: colors.ruleStrong, marginRight: 6, marginTop: 2.2 },
});

/**
 * Props that put an element in the PDF outline (bookmarks). react-pdf nests
 * outline entries by document tree, but a worksheet's page is not inside its
 * section's, so nesting is given explicitly: react-pdf spreads the bookmark
 * over its own `{ref, parent}`, so these win. Use unique refs per document;
 * a parent must come before its children. (Its typings only declare
 * `bookmark` on Page, hence the plain object.)
 */
export function outlineEntry(title: string, ref: number, parent?: number): object {
  return { bookmark: { title, ref, parent, fit: false, expanded: true } };
}

export function ReportDocument({
  title,
  subject,
  author,
  children,
}: {
  title: string;
  subject?: string;
  author?: string;
  children: ReactNode;
}) {
  return (
    <Document title={title} subject={subject} author={author} creator="Crisis Plan Workbook" producer="Crisis Plan Workbook" language="en-US">
      {children}
    </Document>
  );
}

/**
 * react-pdf 4.9 has two pagination engines. The newer one measures content
 * once and packs it into pages; the older one lays out the rest of a long
 * Page element again after every page break, which grows with the square of
 * its length. The newer one is about a fifth faster on the demo workbook and
 * is the default; `PDF_PAGINATION=legacy` switches back.
 */
export const PAGINATION_ENGINE: "next" | "legacy" = config().PDF_PAGINATION;

export type PageChrome = {
  /** Left of the running header, e.g. the workspace name. */
  headerLeft: string;
  /** Right of the running header, e.g. the current section. */
  headerRight?: string;
  /** Left of the footer, e.g. "Exported November 23, 2026 · Draft". */
  footerLeft: string;
  /** Hide header and footer on the first page this Page element produces (a cover). */
  bareFirstPage?: boolean;
};

/** A page (or run of pages) with the running header and "Page X of Y" footer. */
export function ReportPage({
  chrome,
  fontFamily,
  style,
  bookmark,
  fullBleed = false,
  children,
}: {
  chrome: PageChrome;
  fontFamily: string[];
  style?: Style;
  /** Content runs to the page edges (left, right and, on a bare first page, top), e.g. a cover band. */
  fullBleed?: boolean;
  bookmark?: string;
  children: ReactNode;
}) {
  const bare = chrome.bareFirstPage ?? false;
  const header = (
    <View style={styles.header}>
      <Text style={styles.headerLeft}>{chrome.headerLeft}</Text>
      {chrome.headerRight ? <Text style={styles.headerRight}>{chrome.headerRight}</Text> : null}
    </View>
  );
  const footerLeft = <Text style={styles.footerLeft}>{chrome.footerLeft}</Text>;
  const pageStyle = [styles.page, { fontFamily }, ...(fullBleed ? [styles.fullBleed] : []), ...(style ? [style] : [])];
  const outline = bookmark ? { bookmark } : {};

  if (PAGINATION_ENGINE === "next") {
    // The page template: header, the flowing content, footer. Their space is
    // reserved on every page; a bare first page (a cover) has none.
    return (
      <Page
        size={page.size}
        style={[...pageStyle, styles.templatePage]}
        wrap
        {...outline}
        layout={({ children: content, pageNumber, totalPages, subPageNumber }) => {
          const plain = bare && subPageNumber === 1;
          return (
            <>
              {plain ? null : <View style={styles.templateHeader}>{header}</View>}
              <View style={fullBleed ? styles.templateBodyFullBleed : styles.templateBody}>{content}</View>
              {plain ? null : (
                <View style={styles.templateFooter}>
                  <View style={styles.footer}>
                    {footerLeft}
                    <Text>{`Page ${pageNumber} of ${totalPages}`}</Text>
                  </View>
                </View>
              )}
            </>
          );
        }}
      >
        {children}
      </Page>
    );
  }

  const footer = (
    <View style={styles.footer}>
      {footerLeft}
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
  // On a bare first page (a cover) the chrome renders nothing.
  const chromeFor = (content: ReactNode) => (bare ? { render: ({ subPageNumber }: { subPageNumber: number }) => (subPageNumber === 1 ? null : content) } : { children: content });
  return (
    <Page size={page.size} style={pageStyle} wrap {...outline}>
      {children}
      <View fixed style={styles.headerFrame} {...chromeFor(header)} />
      <View fixed style={styles.footerFrame} {...chromeFor(footer)} />
    </Page>
  );
}

const BREAK_AFTER = /[/\-_.?&=,;:@]/;

/**
 * Hyphenation is off, so a "word" wider than its box (a long URL, an e-mail
 * address in a narrow column, a run of CJK text without spaces) would spill
 * out of it. This breaks such words with line breaks, preferably after
 * "/", "-", "." and the like, using a conservative width estimate.
 */
export function fitLongWords(text: string, boxWidth: number, fontSize: number = fontSizes.body): string {
  if (boxWidth <= 0) return text;
  // Headroom for bold text and for the estimate itself.
  const width = boxWidth * 0.9;
  // Quick exit: nothing can be wider than the whole string.
  if (estimateTextWidth(text, fontSize) <= width) return text;
  return text.replace(/[^\s]+/g, (word) => {
    if (estimateTextWidth(word, fontSize) <= width) return word;
    const lines: string[] = [];
    let rest = [...word];
    while (rest.length > 0) {
      let take = 0;
      let w = 0;
      while (take < rest.length) {
        const cw = estimateTextWidth(rest[take], fontSize);
        if (w + cw > width && take > 0) break;
        w += cw;
        take++;
      }
      if (take < rest.length) {
        // Prefer a break right after punctuation in the last 60% of the line.
        for (let i = take - 1; i >= Math.floor(take * 0.4); i--) {
          if (BREAK_AFTER.test(rest[i])) {
            take = i + 1;
            break;
          }
        }
      }
      lines.push(rest.slice(0, take).join(""));
      rest = rest.slice(take);
    }
    return lines.join("\n");
  });
}

/** Text split into paragraphs at line breaks; blank lines separate paragraphs more. */
export function Paragraphs({ text, style, width = contentWidth }: { text: string; style?: Style; width?: number }) {
  const blocks = text.replace(/\r\n?/g, "\n").split(/\n{2,}/);
  return (
    <View>
      {blocks.map((block, i) => (
        <Text key={i} style={[styles.paragraph, ...(style ? [style] : [])]}>
          {fitLongWords(block.replace(/\n+$/, ""), width)}
        </Text>
      ))}
    </View>
  );
}

export function Pill({ label, fg, bg }: { label: string; fg: string; bg: string }) {
  return (
    <View style={{ flexDirection: "row" }}>
      <Text style={[styles.pill, { color: fg, backgroundColor: bg }]}>{label}</Text>
    </View>
  );
}

const TICK = "M1.8,4.6 L3.7,6.5 L7.2,2.4";

/** A square tick box, or a round one for pick-one questions. */
export function TickBox({ checked, round = false }: { checked: boolean; round?: boolean }) {
  const shape: Style = round ? { borderRadius: 4.5 } : { borderRadius: 1 };
  if (!checked) return <View style={[styles.box, shape]} />;
  if (round) {
    return (
      <View style={[styles.box, shape, { borderColor: colors.navy, alignItems: "center", justifyContent: "center" }]}>
        <View style={{ width: 4.4, height: 4.4, borderRadius: 2.2, backgroundColor: colors.navy }} />
      </View>
    );
  }
  return (
    <View style={[styles.box, shape, { borderColor: colors.navy, backgroundColor: colors.navy }]}>
      <Svg width={7.4} height={7.4} viewBox="0 0 9 9">
        <Path d={TICK} stroke={colors.white} strokeWidth={1.5} fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </Svg>
    </View>
  );
}

/** A tick box with its label; the chosen ones in bold. */
export function OptionRow({ label, checked, round, detail }: { label: string; checked: boolean; round?: boolean; detail?: string }) {
  return (
    <View style={{ flexDirection: "row", marginBottom: 2.5 }} wrap={false}>
      <TickBox checked={checked} round={round} />
      <Text style={[{ flex: 1 }, checked ? { fontWeight: 700, color: colors.ink } : { color: colors.muted }]}>
        {fitLongWords(label, contentWidth - 60)}
        {detail ? <Text style={{ fontWeight: 400, fontStyle: "italic", color: colors.ink }}>{`: ${fitLongWords(detail, contentWidth - 60)}`}</Text> : null}
      </Text>
    </View>
  );
}

export type TableColumnSpec = {
  key: string;
  label: string;
  /** Relative width. */
  flex: number;
  align?: "left" | "right" | "center";
};

export type TableRowSpec = {
  id: string;
  cells: Record<string, string>;
  /** Let a very tall row split across pages (otherwise rows never split). */
  splittable?: boolean;
};

const CELL_PADDING = 9;

/**
 * Column widths: the columns' relative `flex`, adjusted so that every column
 * is at least as wide as its longest word (header in bold, cells at 8.5 pt),
 * taking the room from columns that have some to spare. Words longer than
 * 40% of the table are left to `fitLongWords`.
 */
export function columnWidths(columns: TableColumnSpec[], rows: TableRowSpec[], width: number): number[] {
  const total = columns.reduce((n, c) => n + c.flex, 0) || 1;
  const widths = columns.map((c) => (c.flex / total) * width);
  const longestWord = (text: string, size: number, bold: number) =>
    Math.max(0, ...text.split(/\s+/).map((w) => estimateTextWidth(w, size) * bold));
  const need = columns.map((c) => {
    let w = longestWord(c.label, fontSizes.small, 1.08);
    for (const r of rows) w = Math.max(w, longestWord(r.cells[c.key] ?? "", 8.5, 1));
    // Same headroom as fitLongWords, so a word that sets the width is not broken.
    return Math.min(w / 0.9 + CELL_PADDING + 1, width * 0.4);
  });
  for (let round = 0; round < 3; round++) {
    const short = widths.map((w, i) => Math.max(0, need[i] - w));
    const missing = short.reduce((a, b) => a + b, 0);
    if (missing < 0.5) break;
    const spare = widths.map((w, i) => Math.max(0, w - need[i]));
    const available = spare.reduce((a, b) => a + b, 0);
    if (available < 0.5) break;
    const take = Math.min(missing, available);
    for (let i = 0; i < widths.length; i++) {
      widths[i] += (short[i] / missing) * take - (spare[i] / available) * take;
    }
  }
  return widths;
}

/**
 * A bordered table. The header row is `fixed`, so it repeats at the top of
 * every page the table runs onto; rows never split across pages unless marked
 * `splittable` (for rows taller than a page).
 */
export function DataTable({
  columns,
  rows,
  emptyText = "No rows yet",
  bookmark,
  width = contentWidth,
}: {
  columns: TableColumnSpec[];
  rows: TableRowSpec[];
  emptyText?: string;
  bookmark?: string;
  /** The table's width, for breaking words too long for their column. */
  width?: number;
}) {
  const widths = columnWidths(columns, rows, width);
  const cellWidth = Object.fromEntries(columns.map((c, i) => [c.key, widths[i] - 9]));
  const sized = columns.map((c, i) => ({ ...c, flex: widths[i] }));
  return (
    <View style={styles.table} {...(bookmark ? { bookmark } : {})}>
      <View fixed style={styles.tableHeader}>
        {sized.map((c, i) => (
          <Text key={c.key} style={[styles.th, { flex: c.flex, textAlign: c.align ?? "left" }, ...(i > 0 ? [styles.cellDivider] : [])]}>
            {c.label}
          </Text>
        ))}
      </View>
      {rows.length === 0 ? (
        <View style={[styles.tableRow, styles.tableRowLast]}>
          <Text style={[styles.td, styles.muted, styles.italic]}>{emptyText}</Text>
        </View>
      ) : (
        rows.map((row, ri) => (
          <View key={row.id} style={ri === rows.length - 1 ? [styles.tableRow, styles.tableRowLast] : styles.tableRow} wrap={row.splittable ?? false}>
            {sized.map((c, i) => (
              <Text key={c.key} style={[styles.td, { flex: c.flex, textAlign: c.align ?? "left" }, ...(i > 0 ? [styles.cellDivider] : [])]}>
                {fitLongWords(row.cells[c.key] ?? "", cellWidth[c.key], 8.5)}
              </Text>
            ))}
          </View>
        ))
      )}
    </View>
  );
}

/** A titled block with the app's left-rule panel look. */
export function Panel({ title, children, style }: { title?: string; children: ReactNode; style?: Style }) {
  return (
    <View style={[styles.panel, ...(style ? [style] : [])]}>
      {title ? <Text style={[styles.bold, { color: colors.navy, marginBottom: 3 }]}>{title}</Text> : null}
      {children}
    </View>
  );
}

/** Ruled lines for handwritten notes, filling about `height` points. */
export function RuledLines({ height, spacing = 24 }: { height: number; spacing?: number }) {
  const count = Math.max(1, Math.floor(height / spacing));
  return (
    <View>
      {Array.from({ length: count }, (_, i) => (
        <View key={i} style={{ height: spacing, borderBottomWidth: 0.6, borderBottomColor: colors.rule }} />
      ))}
    </View>
  );
}
