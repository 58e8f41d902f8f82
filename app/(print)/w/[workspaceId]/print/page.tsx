import { calcItems, evaluateCalculated } from "@/lib/calc/workbook";
import type { Metadata } from "next";
import Link from "next/link";
import { AnswerView } from "@/components/print/answer-view";
import { PrintButton } from "@/components/print/print-button";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { listMembers } from "@/lib/workspaces/service";
import { getWorkbook, STATUS_LABELS } from "@/lib/workbook/service";
import { isAnswerable } from "@/lib/workbook/template-schema";

export const metadata: Metadata = { title: "Print view" };

/** The whole workbook on one page, laid out for the browser's own printing. */
export default async function PrintPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/print`);
  const [wb, members] = await loadPage(() => Promise.all([getWorkbook(actor, workspaceId), listMembers(actor, workspaceId)]));
  const calculated = new Map(evaluateCalculated(calcItems(wb.index.worksheets), (k) => wb.answers[k]?.value).map((v) => [v.itemKey, v]));
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return (
    <main id="main" className="mx-auto max-w-4xl bg-white px-8 py-8 text-slate-900 print:max-w-none print:px-0 print:py-0">
      <div className="mb-6 flex items-center justify-between gap-4 print:hidden">
        <Link href={`/w/${workspaceId}`} className="text-brand-700 underline">
          ← Back to the workbook
        </Link>
        <PrintButton />
      </div>
      <header className="border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">{wb.template.title}</p>
        <h1 className="text-3xl font-bold">{wb.access.workspace.name}</h1>
        <p className="text-slate-700">{wb.access.workspace.jurisdiction}</p>
        <p className="mt-1 text-sm text-slate-600">Printed {new Date().toLocaleDateString("en-US", { dateStyle: "long" })} · Draft</p>
      </header>
      {wb.template.sections.map((section, si) => (
        <section key={section.key} aria-labelledby={`p-${section.key}`} className="mt-8">
          <h2 id={`p-${section.key}`} className="text-2xl font-bold">
            {si + 1}. {section.title}
          </h2>
          <p className="mt-1 text-slate-700">{section.intro}</p>
          {section.worksheets.map((w, wi) => (
            <article key={w.key} aria-labelledby={`p-${w.key}`} className="mt-6 break-before-page">
              <h3 id={`p-${w.key}`} className="text-xl font-semibold">
                {si + 1}.{wi + 1} {w.title}
              </h3>
              <p className="text-sm text-slate-600">
                {STATUS_LABELS[wb.statuses[w.key]]} · Draws on: {w.frameworks.map((f) => f.name).join("; ")}
              </p>
              <p className="mt-2 text-slate-800">{w.intro}</p>
              <div className="mt-4 space-y-5">
                {w.items.map((item) => (
                  <div key={item.key} className="break-inside-avoid-page">
                    <p className="font-semibold">
                      {item.label}
                      {item.required ? <span className="font-normal text-slate-600"> (required)</span> : null}
                    </p>
                    <div className="mt-1">
                      <AnswerView item={item} value={isAnswerable(item) ? wb.answers[item.key]?.value : (calculated.get(item.key) ?? null)} names={names} />
                    </div>
                  </div>
                ))}
              </div>
            </article>
          ))}
          <aside aria-label={`Discussion questions: ${section.title}`} className="mt-6 break-inside-avoid rounded border border-slate-300 p-4">
            <h3 className="font-semibold">Discussion questions</h3>
            <ol className="mt-2 list-decimal space-y-1 pl-5">
              {section.discussionQuestions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ol>
          </aside>
        </section>
      ))}
      <p className="mt-10 text-sm text-slate-600">{wb.template.attribution}</p>
    </main>
  );
}
