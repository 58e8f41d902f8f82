import Link from "next/link";
import { Card } from "@/components/ui/card";
import { STATUS_LABELS } from "@/lib/progress/constants";
import type { WorksheetProgress } from "@/lib/progress/types";
import { cn } from "@/lib/utils";
import { STATUS_STYLES, formatDay, percent } from "./format";

/** The worksheets assigned to the person looking at the page. */
export function MyAssignments({ worksheets, workspaceId }: { worksheets: WorksheetProgress[]; workspaceId: string }) {
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading" className="text-xl font-semibold text-slate-900">
        Your assignments
      </h2>
      {worksheets.length === 0 ? (
        <Card className="mt-3 p-5 text-sm text-slate-700">
          <p className="font-medium text-slate-900">No worksheets are assigned to you at the moment.</p>
          <p className="mt-1">
            You can still open any worksheet from the{" "}
            <Link href={`/w/${workspaceId}`} className="text-brand-700 underline underline-offset-4 hover:text-brand-800">
              workbook
            </Link>
            .
          </p>
        </Card>
      ) : (
        <Card className="mt-3">
          <ul className="divide-y divide-slate-200">
            {worksheets.map((w) => (
              <li key={w.key} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-5 py-3 text-sm">
                <div>
                  <Link
                    href={`/w/${workspaceId}/worksheets/${w.key}`}
                    className="font-medium text-brand-700 underline-offset-4 hover:text-brand-800 hover:underline"
                  >
                    {w.title}
                  </Link>
                  <p className="text-slate-600">{w.sectionTitle}</p>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <span className={cn("rounded-full px-2 py-0.5 text-xs font-medium", STATUS_STYLES[w.status])}>{STATUS_LABELS[w.status]}</span>
                  <span className="tabular-nums text-slate-800">{percent(w.completion)} done</span>
                  {w.dueDate ? (
                    <span className={w.overdue ? "font-semibold text-red-800" : "text-slate-700"}>
                      {w.overdue ? "Overdue: was due " : "Due "}
                      {formatDay(w.dueDate)}
                    </span>
                  ) : (
                    <span className="text-slate-600">No due date</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
