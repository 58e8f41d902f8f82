import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";
import { buttonVariants } from "@/components/ui/button";
import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const FEATURES = [
  {
    title: "A structured planning workbook",
    body: "Seven sections take your team from who is at the table, through mapping today's crisis system, to an implementation plan and the measures you will track.",
  },
  {
    title: "Built for a team of agencies",
    body: "Behavioral health, police and 911, 988 and mobile crisis, hospitals, housing services and people with lived experience fill in worksheets between meetings. Nothing anyone types is lost.",
  },
  {
    title: "Progress the coordinator can see",
    body: "See what is done, what is waiting for review and who needs a nudge, without keeping a separate spreadsheet.",
  },
  {
    title: "A clean packet for every meeting",
    body: "Export the whole workbook, a few worksheets or a meeting packet as a PDF to put on the table or send to officials.",
  },
];

export default async function HomePage() {
  const actor = await getActor();
  return (
    <>
      <SiteHeader>
        {actor ? (
          <Link href="/workspaces" className={buttonVariants({ size: "sm" })}>
            Go to your plans
          </Link>
        ) : (
          <>
            <Link href="/signin" className={buttonVariants({ variant: "ghost", size: "sm" })}>
              Sign in
            </Link>
            <Link href="/signup" className={buttonVariants({ size: "sm" })}>
              Create an account
            </Link>
          </>
        )}
      </SiteHeader>
      <main id="main" className="mx-auto max-w-5xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          Plan your community&apos;s crisis response, together.
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-slate-700">
          Crisis Plan Workbook is a shared workspace for a community&apos;s crisis-response planning team. The coordinator
          and partner agencies work through a planning workbook informed by public frameworks such as SAMHSA&apos;s national
          crisis care guidelines, the Sequential Intercept Model and the CSG Justice Center&apos;s police–mental health
          collaboration resources.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href={actor ? "/workspaces" : "/signup"} className={buttonVariants({ size: "lg" })}>
            {actor ? "Open your plans" : "Start a plan"}
          </Link>
          {!actor ? (
            <Link href="/signin" className={buttonVariants({ variant: "secondary", size: "lg" })}>
              I already have an account
            </Link>
          ) : null}
        </div>
        <ul className="mt-12 grid gap-6 sm:grid-cols-2">
          {FEATURES.map((f) => (
            <li key={f.title} className="rounded-lg border border-slate-200 bg-white p-6">
              <h2 className="text-lg font-semibold text-slate-900">{f.title}</h2>
              <p className="mt-2 text-slate-700">{f.body}</p>
            </li>
          ))}
        </ul>
        <p className="mt-12 text-sm text-slate-600">
          The workbook is informed by public frameworks and is not a reproduction of the CSG Justice Center&apos;s
          “Community-Driven Crisis Response: A Workbook for Coordinators”. See{" "}
          <Link className="text-brand-700 underline" href="/about">
            sources and acknowledgements
          </Link>
          .
        </p>
      </main>
    </>
  );
}
