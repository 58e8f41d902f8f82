import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";
import { AcceptInvitation } from "@/components/workspaces/accept-invitation";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { INVITATION_MESSAGES, lookupInvitation } from "@/lib/invitations/service";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [actor, inv] = await Promise.all([getActor(), lookupInvitation(token)]);
  const here = `/invite/${encodeURIComponent(token)}`;
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-12">
        <Card className="p-6">
          {inv.status !== "valid" ? (
            <>
              <h1 className="text-2xl font-bold text-slate-900">This invitation can&apos;t be used</h1>
              <p className="mt-3 text-slate-700">{INVITATION_MESSAGES[inv.status]}</p>
              <Link href={actor ? "/workspaces" : "/signin"} className={`${buttonVariants({ variant: "secondary" })} mt-6`}>
                {actor ? "Go to your plans" : "Sign in"}
              </Link>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-bold text-slate-900">Join “{inv.workspaceName}”</h1>
              <p className="mt-3 text-slate-700">
                {inv.inviterName} invited <strong>{inv.email}</strong> to the planning team for {inv.jurisdiction} as a{" "}
                <strong>{ROLE_LABELS[inv.role!].toLowerCase()}</strong>. {ROLE_DESCRIPTIONS[inv.role!]}
              </p>
              <div className="mt-6">
                {actor ? (
                  <>
                    <p className="mb-3 text-sm text-slate-700">
                      You are signed in as {actor.email}.
                      {actor.email !== inv.email ? " This invitation was sent to a different address; you can still use it." : ""}
                    </p>
                    <AcceptInvitation token={token} workspaceName={inv.workspaceName!} />
                  </>
                ) : (
                  <div className="flex flex-wrap gap-3">
                    <Link
                      className={buttonVariants({ size: "lg" })}
                      href={`/signup?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(inv.email!)}`}
                    >
                      Create an account to join
                    </Link>
                    <Link className={buttonVariants({ variant: "secondary", size: "lg" })} href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>
                      I have an account
                    </Link>
                  </div>
                )}
              </div>
            </>
          )}
        </Card>
      </main>
    </>
  );
}
