import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { archivedAnswers } from "@/lib/workbook/upgrade";

export const metadata: Metadata = { title: "Archived answers" };

export default async function ArchivePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/archive`);
  const rows = await loadPage(() => archivedAnswers(actor, workspaceId));
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href={`/w/${workspaceId}`} className="text-brand-700 underline underline-offset-2">
          Back to the workbook
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">Archived answers</h1>
      <p className="mt-2 text-slate-700">
        Answers to questions that a newer version of the workbook removed or reworked. They no longer count toward progress, but they are
        kept here and in the plan’s data export.
      </p>
      {rows.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No archived answers">When an upgrade removes a question that had an answer, the answer appears here.</EmptyState>
        </div>
      ) : (
        <ul className="mt-6 space-y-3">
          {rows.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-medium text-slate-900">{r.label}</p>
              <p className="text-sm text-slate-600">
                {r.worksheetTitle} · workbook version {r.templateVersion} · archived <LocalTime iso={r.archivedAt} />
              </p>
              <p className="mt-2 whitespace-pre-wrap break-words text-slate-800">{r.summary || "(empty)"}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
