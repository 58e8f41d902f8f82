import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { UpgradeButton } from "@/components/workbook/upgrade-button";
import { loadPage } from "@/lib/api/page";
import { requirePageActor } from "@/lib/auth/session";
import { upgradePreview } from "@/lib/workbook/upgrade";

export const metadata: Metadata = { title: "Upgrade the workbook" };

const CHANGE_LABEL = { added: "New", removed: "Removed", changed: "Changed", moved: "Moved here" } as const;
const CHANGE_STYLE = {
  added: "bg-green-100 text-green-900",
  removed: "bg-red-100 text-red-900",
  changed: "bg-amber-100 text-amber-900",
  moved: "bg-sky-100 text-sky-900",
} as const;

export default async function UpgradePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/upgrade`);
  const preview = await loadPage(() => upgradePreview(actor, workspaceId));
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href={`/w/${workspaceId}`} className="text-brand-700 underline underline-offset-2">
          Back to the workbook
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">Upgrade the workbook</h1>
      {!preview.available ? (
        <div className="mt-6">
          <EmptyState title="This plan is on the newest version">
            Version {preview.currentVersion} of “{preview.title}” is the latest. There is nothing to upgrade.
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="mt-2 text-slate-700">
            This plan uses version {preview.currentVersion} of “{preview.title}”. Version {preview.latestVersion} is available. Here is what
            would change. Nothing changes until you press “Upgrade”.
          </p>
          <ul className="mt-4 list-disc space-y-1 pl-6 text-slate-800">
            <li>
              {preview.keptAnswers} {preview.keptAnswers === 1 ? "answer is" : "answers are"} kept, with their history, comments and
              assignments.
            </li>
            <li>
              {preview.archivedAnswers.length === 0
                ? "No answers are archived."
                : `${preview.archivedAnswers.length} ${preview.archivedAnswers.length === 1 ? "answer belongs" : "answers belong"} to questions that are removed or reworked. They move to the archive, where everyone can still read them.`}
            </li>
          </ul>
          <h2 className="mt-8 text-lg font-semibold text-slate-900">Worksheets that change</h2>
          <ul className="mt-3 space-y-3">
            {preview.worksheets.map((w) => (
              <li key={`${w.change}-${w.key}`} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="flex flex-wrap items-center gap-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${CHANGE_STYLE[w.change]}`}>{CHANGE_LABEL[w.change]}</span>
                  <span className="font-medium text-slate-900">{w.title}</span>
                  <span className="text-sm text-slate-600">in {w.sectionTitle}</span>
                </p>
                {w.items.length ? (
                  <ul className="mt-2 space-y-1 text-sm text-slate-800">
                    {w.items.map((i) => (
                      <li key={`${i.change}-${i.key}`}>
                        <span className="font-medium">{CHANGE_LABEL[i.change]}:</span> {i.label}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {preview.archivedAnswers.length ? (
            <>
              <h2 className="mt-8 text-lg font-semibold text-slate-900">Answers that move to the archive</h2>
              <ul className="mt-3 list-disc space-y-1 pl-6 text-sm text-slate-800">
                {preview.archivedAnswers.map((a) => (
                  <li key={a.itemKey}>
                    {a.label} <span className="text-slate-600">({a.worksheetTitle})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="mt-8">
            <UpgradeButton workspaceId={workspaceId} fromVersion={preview.currentVersion} toVersion={preview.latestVersion} />
          </div>
        </>
      )}
    </div>
  );
}
