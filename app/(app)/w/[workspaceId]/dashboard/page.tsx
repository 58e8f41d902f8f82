import type { Metadata } from "next";
import { BurnUpChart, TeamActivity } from "@/components/dashboard/charts";
import { formatDay } from "@/components/dashboard/format";
import { MyAssignments } from "@/components/dashboard/my-assignments";
import { NeedsAttention } from "@/components/dashboard/needs-attention";
import { ProgressSummary, SectionProgress } from "@/components/dashboard/summary";
import { WorksheetTable } from "@/components/dashboard/worksheet-table";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { periodFromSearch } from "@/lib/progress/query";
import { getProgress } from "@/lib/progress/service";

export const metadata: Metadata = { title: "Progress" };

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ days?: string | string[] }>;
}) {
  const { workspaceId } = await params;
  const basePath = `/w/${workspaceId}/dashboard`;
  const actor = await requirePageActor(basePath);
  const periodDays = periodFromSearch((await searchParams).days);
  const progress = await loadPage(() => getProgress(actor, workspaceId, { periodDays }));
  const isCoordinator = progress.viewer.role === "COORDINATOR";
  // Your own worksheets: unfinished ones first, soonest due first; finished ones last.
  const mine = progress.worksheets
    .filter((w) => w.assignees.some((a) => a.id === progress.viewer.userId))
    .sort(
      (a, b) =>
        Number(a.status === "COMPLETE") - Number(b.status === "COMPLETE") ||
        (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31"),
    );

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Progress</h1>
        <p className="mt-1 text-slate-700">
          {isCoordinator
            ? "How far the team has got with the workbook, what needs your attention and who has been working on it."
            : "How far the team has got with the workbook, and the worksheets assigned to you."}{" "}
          Figures as of {formatDay(progress.today)}; reload the page to update them.
        </p>
      </div>

      <ProgressSummary progress={progress} />

      {isCoordinator ? (
        <>
          <NeedsAttention items={progress.needsAttention} workspaceId={workspaceId} staleDays={progress.staleThreadDays} />
          <SectionProgress sections={progress.sections} />
          <section aria-labelledby="worksheets-heading">
            <h2 id="worksheets-heading" className="text-xl font-semibold text-slate-900">
              Worksheets
            </h2>
            <p className="mt-1 mb-3 text-sm text-slate-700">
              Completion counts the required questions that have an answer. A worksheet is overdue when its due date has passed and it is not
              complete.
            </p>
            <WorksheetTable
              workspaceId={workspaceId}
              worksheets={progress.worksheets}
              sections={progress.sections.map((s) => ({ key: s.key, title: s.title }))}
              csvHref={`/api/v1/workspaces/${workspaceId}/progress.csv`}
            />
          </section>
          <BurnUpChart progress={progress} />
          <TeamActivity progress={progress} basePath={basePath} />
        </>
      ) : (
        <>
          <MyAssignments worksheets={mine} workspaceId={workspaceId} />
          <SectionProgress sections={progress.sections} />
        </>
      )}
    </div>
  );
}
