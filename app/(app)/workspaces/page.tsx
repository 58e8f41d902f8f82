import type { Metadata } from "next";
import Link from "next/link";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/workspaces/service";

export const metadata: Metadata = { title: "Your plans" };

export default async function WorkspacesPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const actor = await requirePageActor("/workspaces");
  const showArchived = (await searchParams).archived === "1";
  const workspaces = await listWorkspaces(actor, { archived: showArchived });
  return (
    <main id="main" className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="plans-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="plans-heading" className="text-2xl font-bold text-slate-900">
            {showArchived ? "Archived plans" : "Your plans"}
          </h1>
          <Link className="text-sm text-brand-700 underline" href={showArchived ? "/workspaces" : "/workspaces?archived=1"}>
            {showArchived ? "Show active plans" : "Show archived plans"}
          </Link>
        </div>
        {workspaces.length === 0 ? (
          <div className="mt-6">
            <EmptyState title={showArchived ? "No archived plans" : "You are not on any planning team yet"}>
              {showArchived
                ? "Plans a coordinator archives appear here and can be restored."
                : "Start a plan for your community with the form on this page, or open the invitation link a coordinator sent you."}
            </EmptyState>
          </div>
        ) : (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {workspaces.map((w) => (
              <li key={w.id}>
                <Card className="h-full p-5">
                  <h2 className="text-lg font-semibold">
                    <Link href={`/w/${w.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                      {w.name}
                    </Link>
                  </h2>
                  <p className="mt-1 text-sm text-slate-700">{w.jurisdiction}</p>
                  <div className="mt-3 flex flex-wrap gap-2">
                    <Badge>{ROLE_LABELS[w.role]}</Badge>
                    <Badge>
                      {w.memberCount} {w.memberCount === 1 ? "member" : "members"}
                    </Badge>
                    {w.archivedAt ? <Badge className="bg-amber-100 text-amber-900">Archived</Badge> : null}
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside aria-labelledby="new-plan-heading">
        <Card className="p-5">
          <h2 id="new-plan-heading" className="text-lg font-semibold text-slate-900">
            Start a new plan
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-700">You will be its coordinator and can invite your team next.</p>
          <CreateWorkspaceForm />
        </Card>
      </aside>
    </main>
  );
}
