/**
 * The app's PDF toolkit. `renderExportPdf` renders workbook exports; the rest
 * are the building blocks for other documents in the same look (e.g. meeting
 * minutes):
 *
 *   const pdf = await renderWithFonts(minutes, (m, fontFamily) => (
 *     <ReportDocument title={m.title}>
 *       <ReportPage chrome={{ headerLeft: m.workspace, headerRight: "Minutes", footerLeft: m.footer }} fontFamily={fontFamily}>
 *         <Text style={styles.h1}>{m.title}</Text>
 *         <DataTable columns={…} rows={…} />
 *       </ReportPage>
 *     </ReportDocument>
 *   ));
 *
 * Render inside the worker pool (../worker-pool.ts) for anything large.
 */
export { renderExportPdf, renderWithFonts, prepareText } from "./render";
export {
  DataTable,
  fitLongWords,
  OptionRow,
  outlineEntry,
  Panel,
  Paragraphs,
  Pill,
  ReportDocument,
  ReportPage,
  RuledLines,
  styles,
  TickBox,
  type PageChrome,
  type TableColumnSpec,
  type TableRowSpec,
} from "./components";
export { BASE_FAMILY, planFonts, registerBaseFonts, UNSUPPORTED_CHARACTER, UNSUPPORTED_SCRIPT } from "./fonts";
export { colors, contentWidth, dayKey, formatDate, formatIsoDate, formatNumber, page, percent } from "./theme";
export { blankFieldNames, blankFields, type BlankField } from "./blank";
