import Link from "next/link";
import { ResponsiveSvgChart } from "@/components/charts/svg-chart";
import { Card } from "@/components/ui/card";
import { chartGeometry, type ChartGeometry, type ChartSeries } from "@/lib/charts/geometry";
import { PERIOD_CHOICES } from "@/lib/progress/constants";
import type { Progress } from "@/lib/progress/types";
import { cn } from "@/lib/utils";
import { formatDay, formatShortDay, plural } from "./format";

/** Layouts in chart units; text scales with the drawing, so each fits the width it is shown at. */
const SIZES = {
  full: { width: 1100, height: 300, fontSize: 13 },
  half: { width: 520, height: 260, fontSize: 12 },
  narrow: { width: 360, height: 240, fontSize: 11 },
} as const;

/** Markers on every point only while there are few enough to tell apart; never on a reference line. */
function withoutCrowdedMarkers(g: ChartGeometry, points: number, referenceKeys: string[] = []): ChartGeometry {
  return { ...g, circles: points > 31 ? [] : g.circles.filter((c) => !referenceKeys.includes(c.seriesKey ?? "")) };
}

function geometries(
  size: "full" | "half",
  input: { rowLabels: string[]; series: ChartSeries[]; kind: "bar" | "line"; unit?: string },
  referenceKeys: string[] = [],
) {
  const draw = (s: keyof typeof SIZES) => withoutCrowdedMarkers(chartGeometry({ ...input, ...SIZES[s] }), input.rowLabels.length, referenceKeys);
  return { wide: draw(size), narrow: draw("narrow") };
}

/** The first day and every day on which the number changed: the readable core of a daily series. */
function changes<T extends { date: string }>(series: T[], value: (d: T) => number): T[] {
  return series.filter((d, i) => i === 0 || i === series.length - 1 || value(d) !== value(series[i - 1]));
}

/** Burn-up: completed worksheets at the end of each day, against the total. */
export function BurnUpChart({ progress }: { progress: Progress }) {
  const series = progress.completedByDay;
  const total = progress.totals.worksheets;
  const last = series.at(-1)?.completed ?? 0;
  // Complete at the end of the day before the period (0 when the workbook is younger than the period).
  const before = series.filter((d) => d.date < progress.period.firstDay).at(-1)?.completed ?? 0;
  const gained = last - before;
  const anyCompleted = series.some((d) => d.completed > 0);
  const rows = changes(series, (d) => d.completed);
  return (
    <section aria-labelledby="burnup-heading">
      <h2 id="burnup-heading" className="text-xl font-semibold text-slate-900">
        Completed worksheets over time
      </h2>
      <Card className="mt-3 p-5">
        {!anyCompleted ? (
          <p className="text-sm text-slate-700">
            No worksheet has been marked complete yet. Once the team completes worksheets, this chart shows how many were complete on each
            day.
          </p>
        ) : (
          <figure>
            <figcaption className="text-sm text-slate-700">
              {`${last} of ${plural(total, "worksheet")} complete today`}
              {series.length > 1 ? `, since ${formatDay(series[0].date)}` : ""}.{" "}
              {gained > 0
                ? `${plural(gained, "more worksheet")} ${gained === 1 ? "was" : "were"} completed in the last ${plural(progress.period.days, "day")}.`
                : gained < 0
                  ? `${plural(-gained, "worksheet")} fewer than ${plural(progress.period.days, "day")} ago: completed worksheets were reopened.`
                  : `No change in the last ${plural(progress.period.days, "day")}.`}
            </figcaption>
            <div className="mt-3">
              <ResponsiveSvgChart
                {...geometries(
                  "full",
                  {
                    kind: "line",
                    rowLabels: series.map((d) => formatShortDay(d.date)),
                    series: [
                      { key: "completed", label: "Completed worksheets", values: series.map((d) => d.completed) },
                      { key: "total", label: "All worksheets", values: series.map(() => total) },
                    ],
                  },
                  ["total"],
                )}
              />
            </div>
            <table className="sr-only">
              <caption>Completed worksheets at the end of the day, on each day the number changed</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Completed worksheets</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{formatDay(d.date)}</th>
                    <td>
                      {d.completed} of {total}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        )}
      </Card>
    </section>
  );
}

function PeriodPicker({ days, basePath }: { days: number; basePath: string }) {
  return (
    <div role="group" aria-label="Period" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700" aria-hidden="true">
        Show the last
      </span>
      {PERIOD_CHOICES.map((d) => {
        const current = d === days;
        return (
          <Link
            key={d}
            href={`${basePath}?days=${d}#team-activity`}
            scroll={false}
            aria-current={current ? "true" : undefined}
            className={cn(
              "rounded-md border px-3 py-1.5 font-medium",
              current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
            )}
          >
            <span className="sr-only">Show the last </span>
            {d} days
          </Link>
        );
      })}
    </div>
  );
}

/** Team activity over the chosen period: contributions per person and required questions answered per day. */
export function TeamActivity({ progress, basePath }: { progress: Progress; basePath: string }) {
  const rows = progress.contributions ?? [];
  const active = rows.filter((r) => r.answersChanged + r.comments + r.worksheetsCompleted > 0);
  const days = progress.period.days;
  const answered = progress.answeredByDay;
  const first = answered[0];
  const last = answered.at(-1);
  const required = progress.totals.requiredItems;
  const answeredChanged = first && last && answered.some((d) => d.answered !== first.answered);
  const periodText = `${formatDay(progress.period.firstDay)} to ${formatDay(progress.period.lastDay)}`;
  return (
    <section aria-labelledby="team-activity-heading" id="team-activity" className="scroll-mt-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="team-activity-heading" className="text-xl font-semibold text-slate-900">
            Team activity in the last {days} days
          </h2>
          <p className="mt-1 text-sm text-slate-700">{periodText}, today included.</p>
        </div>
        <PeriodPicker days={days} basePath={basePath} />
      </div>

      <div className="mt-3 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card className="p-5">
          <h3 className="font-semibold text-slate-900">Contributions</h3>
          {active.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">
              Nobody changed an answer, wrote a comment or completed a worksheet in the last {days} days.
            </p>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-700">
                {plural(active.length, "person", "people")} took part. The table below the chart gives the same figures.
              </p>
              <div className="mt-3">
                <ResponsiveSvgChart
                  {...geometries("half", {
                    kind: "bar",
                    rowLabels: active.map((r) => r.name),
                    series: [
                      { key: "answers", label: "Answers changed", values: active.map((r) => r.answersChanged) },
                      { key: "comments", label: "Comments written", values: active.map((r) => r.comments) },
                      { key: "completed", label: "Worksheets completed", values: active.map((r) => r.worksheetsCompleted) },
                    ],
                  })}
                />
              </div>
            </>
          )}
          {active.length > 0 ? (
            <div className="mt-4 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Contributions per person in the last {days} days</caption>
                <thead className="border-b border-slate-300 text-left">
                  <tr>
                    <th scope="col" className="py-1.5 pr-3 font-semibold">
                      Person
                    </th>
                    <th scope="col" className="px-3 py-1.5 text-right font-semibold">
                      Answers changed
                    </th>
                    <th scope="col" className="px-3 py-1.5 text-right font-semibold">
                      Comments written
                    </th>
                    <th scope="col" className="py-1.5 pl-3 text-right font-semibold">
                      Worksheets completed
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {rows.map((r) => (
                    <tr key={r.userId}>
                      <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                        {r.name}
                      </th>
                      <td className="px-3 py-1.5 text-right tabular-nums">{r.answersChanged}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{r.comments}</td>
                      <td className="py-1.5 pl-3 text-right tabular-nums">{r.worksheetsCompleted}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Card>

        <Card className="p-5">
          <h3 className="font-semibold text-slate-900">Required questions answered</h3>
          {required === 0 || !first || !last ? (
            <p className="mt-2 text-sm text-slate-700">This workbook has no required questions to count.</p>
          ) : (
            <figure>
              <figcaption className="mt-1 text-sm text-slate-700">
                {answeredChanged
                  ? `${first.answered} of ${required} at the end of ${formatDay(first.date)}, ${last.answered} of ${required} today.`
                  : `${last.answered} of ${required}, unchanged over these ${days} days.`}
              </figcaption>
              {answeredChanged ? (
                <>
                  <div className="mt-3">
                    <ResponsiveSvgChart
                      {...geometries("half", {
                        kind: "line",
                        rowLabels: answered.map((d) => formatShortDay(d.date)),
                        series: [{ key: "answered", label: "Required questions answered", values: answered.map((d) => d.answered) }],
                      })}
                    />
                  </div>
                  <table className="sr-only">
                    <caption>Required questions answered at the end of the day, on each day the number changed</caption>
                    <thead>
                      <tr>
                        <th scope="col">Day</th>
                        <th scope="col">Answered</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes(answered, (d) => d.answered).map((d) => (
                        <tr key={d.date}>
                          <th scope="row">{formatDay(d.date)}</th>
                          <td>
                            {d.answered} of {required}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : null}
            </figure>
          )}
        </Card>
      </div>
    </section>
  );
}
