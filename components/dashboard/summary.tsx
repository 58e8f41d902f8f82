import { Card } from "@/components/ui/card";
import { STATUS_LABELS, WORKSHEET_STATUSES } from "@/lib/progress/constants";
import type { Progress } from "@/lib/progress/types";
import { cn } from "@/lib/utils";
import { STATUS_STYLES, percent, plural } from "./format";

/** Overall completion and how many worksheets are in each status. */
export function ProgressSummary({ progress }: { progress: Progress }) {
  const { totals } = progress;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="sr-only">
        Summary
      </h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Card className="p-5">
          <p className="text-sm font-medium text-slate-700">Overall completion</p>
          <p className="mt-1 text-4xl font-bold text-slate-900 tabular-nums">{percent(progress.overall)}</p>
          <div
            className="mt-3 h-3 overflow-hidden rounded-full bg-slate-200"
            role="progressbar"
            aria-label="Overall completion"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.floor(progress.overall * 100)}
            aria-valuetext={percent(progress.overall)}
          >
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${progress.overall * 100}%` }} />
          </div>
          <p className="mt-2 text-sm text-slate-700">
            {totals.requiredItems > 0
              ? `${totals.answeredRequiredItems} of ${plural(totals.requiredItems, "required question")} answered.`
              : "This workbook has no required questions."}
          </p>
        </Card>
        <Card className="p-5">
          <p className="text-sm font-medium text-slate-700">Worksheets by status ({plural(totals.worksheets, "worksheet")} in all)</p>
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {WORKSHEET_STATUSES.map((s) => (
              <div key={s} className={cn("rounded-md px-3 py-2", STATUS_STYLES[s])}>
                <dt className="text-sm font-medium">{STATUS_LABELS[s]}</dt>
                <dd className="text-2xl font-bold tabular-nums">{progress.statusCounts[s]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </section>
  );
}

/**
 * Completion per section as horizontal bars. Each bar is labelled with its
 * section and percentage in text, so the list is its own text alternative.
 */
export function SectionProgress({ sections }: { sections: Progress["sections"] }) {
  return (
    <section aria-labelledby="sections-heading">
      <h2 id="sections-heading" className="text-xl font-semibold text-slate-900">
        Completion by section
      </h2>
      <p className="mt-1 text-sm text-slate-700">The share of each section’s required questions that have an answer.</p>
      <Card className="mt-3 p-5">
        <ul className="space-y-4">
          {sections.map((s) => (
            <li key={s.key}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="font-medium text-slate-900">{s.title}</span>
                <span className="tabular-nums text-slate-900">
                  {percent(s.completion)}
                  <span className="sr-only"> complete</span>
                </span>
              </div>
              <div aria-hidden="true" className="mt-1 h-3 overflow-hidden rounded-full bg-slate-200">
                <div className="h-full rounded-full bg-brand-600" style={{ width: `${s.completion * 100}%` }} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
