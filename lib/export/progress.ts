import { statusCounts, workbookCompletion } from "@/lib/progress/model";
import type { TemplateIndex } from "@/lib/workbook/template-schema";
import type { ProgressSummary, WorksheetStatus } from "./model";

/**
 * The progress page of an export, from the same rules as the dashboard
 * (lib/progress/model.ts): completion of required items overall and per
 * section, and how many worksheets are in each status.
 */
export function progressSummary(
  index: TemplateIndex,
  answers: ReadonlyMap<string, unknown>,
  states: ReadonlyMap<string, WorksheetStatus>,
): ProgressSummary {
  const completion = workbookCompletion(index, answers);
  return {
    overall: completion.overall,
    sections: completion.sections.map((s) => ({ key: s.key, title: s.title, completion: s.completion })),
    statusCounts: statusCounts(
      index.worksheets.map((w) => w.key),
      states,
    ),
  };
}
