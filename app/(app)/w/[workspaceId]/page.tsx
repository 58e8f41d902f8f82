import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ExportDialog } from "@/components/export/export-dialog";
import { can } from "@/lib/auth/authorize";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { isAnswerable } from "@/lib/workbook/template-schema";
import { getWorkbook, STATUS_LABELS, type WorksheetStatus } from "@/lib/workbook/service";
import { isAnswered } from "@/lib/progress/model";
import { TEMPLATES } from "@/lib/workbook/templates";
import { newerVersion } from "@/lib/workbook/upgrade-plan";

export const metadata: Metadata = { title: "Workbook" };

const STATUS_STYLE: Record<WorksheetStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  READY_FOR_REVIEW: "bg-amber-100 text-amber-900",
  COMPLETE: "bg-green-100 text-green-900",
};


export default async function WorkbookPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}`);
  const wb = await loadPage(() => getWorkbook(actor, workspaceId));
  const upgradeTo = can(wb.access, "workbook.upgrade") ? newerVersion(TEMPLATES[wb.template.key], wb.template.version) : null;
  const sectionOpen = (section: (typeof wb.template.sections)[number]) => section.worksheets.reduce((n, w) => n + (wb.openThreads[w.key] ?? 0), 0);
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">{wb.template.title}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`/w/${workspaceId}/print`} className={buttonVariants({ variant: "ghost" })}>
            Print view
          </Link>
        {can(wb.access, "export.create") ? (
          <ExportDialog
            workspaceId={workspaceId}
            sections={wb.template.sections.map((s) => ({ key: s.key, title: s.title, worksheets: s.worksheets.map((w) => ({ key: w.key, title: w.title })) }))}
          />
        ) : null}
        </div>
      </div>
      <p className="mt-1 max-w-3xl text-slate-700">{wb.template.description}</p>
      {upgradeTo ? (
        <div className="mt-4 max-w-3xl rounded-lg border border-sky-300 bg-sky-50 p-4 text-slate-900">
          <p className="font-medium">Version {upgradeTo} of this workbook is available.</p>
          <p className="mt-1 text-sm text-slate-700">See what it adds and changes before you decide. Your team’s answers are kept.</p>
          <Link href={`/w/${workspaceId}/upgrade`} className={`${buttonVariants({ variant: "secondary" })} mt-3`}>
            See what changes
          </Link>
        </div>
      ) : null}
      <div className="mt-8 space-y-8">
        {wb.template.sections.map((section, si) => (
          <section key={section.key} aria-labelledby={`sec-${section.key}`}>
            <h2 id={`sec-${section.key}`} className="flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900">
              <span>
                {si + 1}. {section.title}
              </span>
              {sectionOpen(section) ? (
                <Badge className="bg-violet-100 text-violet-900">
                  {sectionOpen(section)} unresolved {sectionOpen(section) === 1 ? "comment" : "comments"}
                </Badge>
              ) : null}
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-700">{section.intro}</p>
            <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {section.worksheets.map((w) => {
                const required = w.items.filter((i) => isAnswerable(i) && i.required);
                const answered = required.filter((i) => isAnswered(i, wb.answers[i.key]?.value)).length;
                const status = wb.statuses[w.key];
                const open = wb.openThreads[w.key] ?? 0;
                return (
                  <li key={w.key} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                    <Link href={`/w/${workspaceId}/worksheets/${w.key}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {w.title}
                    </Link>
                    <span className="flex flex-wrap items-center gap-2 text-sm">
                      <span className="text-slate-700">
                        {answered} of {required.length} required answered
                      </span>
                      {open ? <Badge className="bg-violet-100 text-violet-900">{open} open {open === 1 ? "comment" : "comments"}</Badge> : null}
                      <Badge className={STATUS_STYLE[status]}>{STATUS_LABELS[status]}</Badge>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <p className="mt-10 max-w-3xl text-sm text-slate-600">{wb.template.attribution}</p>
      <p className="mt-3 text-sm">
        <Link href={`/w/${workspaceId}/archive`} className="text-brand-700 underline underline-offset-2">
          Archived answers
        </Link>
        <span className="text-slate-600"> · answers to questions an earlier version of this workbook asked</span>
      </p>
    </div>
  );
}
