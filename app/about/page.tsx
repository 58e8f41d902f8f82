import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";
import { DEFAULT_TEMPLATE_KEY, TEMPLATES } from "@/lib/workbook/templates";

export const metadata: Metadata = { title: "Sources and acknowledgements" };

/** Every framework the built-in workbook names, with how many worksheets draw on it. */
function frameworksUsed() {
  const template = TEMPLATES[DEFAULT_TEMPLATE_KEY];
  const byName = new Map<string, { name: string; publisher?: string; url?: string; worksheets: number }>();
  for (const s of template.sections)
    for (const w of s.worksheets)
      for (const f of w.frameworks) {
        const entry = byName.get(f.name) ?? { ...f, worksheets: 0 };
        entry.worksheets += 1;
        entry.url ??= f.url;
        byName.set(f.name, entry);
      }
  return [...byName.values()].sort((a, b) => b.worksheets - a.worksheets || a.name.localeCompare(b.name));
}

export default function AboutPage() {
  const template = TEMPLATES[DEFAULT_TEMPLATE_KEY];
  return (
    <>
      <SiteHeader>
        <Link href="/" className="rounded px-2 py-1 text-sm text-slate-800 hover:bg-slate-100">
          Home
        </Link>
      </SiteHeader>
      <main id="main" className="mx-auto max-w-3xl space-y-8 px-4 py-10">
        <h1 className="text-3xl font-bold text-slate-900">Sources and acknowledgements</h1>
        <section aria-labelledby="about-workbook" className="space-y-3 text-slate-800">
          <h2 id="about-workbook" className="text-xl font-semibold text-slate-900">
            About the workbook
          </h2>
          <p>{template.attribution}</p>
          <p>
            All questions, instructions and help text are written for this app. Where a worksheet draws on a public framework, the worksheet
            names it; the figures quoted from published tools (for example the Crisis Now calculator&apos;s default assumptions) are shown as
            editable starting points, not as the publishers&apos; recommendations for your community.
          </p>
        </section>
        <section aria-labelledby="frameworks" className="space-y-3">
          <h2 id="frameworks" className="text-xl font-semibold text-slate-900">
            Frameworks the worksheets draw on
          </h2>
          <ul className="space-y-2">
            {frameworksUsed().map((f) => (
              <li key={f.name} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                {f.url ? (
                  <a href={f.url} className="font-medium text-brand-700 underline" rel="noreferrer">
                    {f.name}
                  </a>
                ) : (
                  <span className="font-medium text-slate-900">{f.name}</span>
                )}
                {f.publisher ? <span className="text-slate-700"> — {f.publisher}</span> : null}
                <span className="block text-slate-600">
                  Used by {f.worksheets} {f.worksheets === 1 ? "worksheet" : "worksheets"}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="origins" className="space-y-3 text-slate-800">
          <h2 id="origins" className="text-xl font-semibold text-slate-900">
            Where the product started
          </h2>
          <p>Two public documents pointed the way:</p>
          <ul className="list-disc space-y-2 pl-6">
            <li>
              <em>Resources for Law Enforcement</em>, The Council of State Governments (CSG) Justice Center, with funding support from the U.S.
              Department of Justice&apos;s Bureau of Justice Assistance, Justice and Mental Health Collaboration Program — which lists{" "}
              <a className="text-brand-700 underline" href="https://jmhcp.org/resources/community-driven-crisis-response-a-workbook-for-coordinators" rel="noreferrer">
                Community-Driven Crisis Response: A Workbook for Coordinators
              </a>{" "}
              and the{" "}
              <a className="text-brand-700 underline" href="https://csgjusticecenter.org/resources/le-mh-collaboration-support-center/" rel="noreferrer">
                Law Enforcement-Mental Health Collaboration Support Center
              </a>
              .
            </li>
            <li>
              <em>Fact Sheet: Overview of Law Enforcement-Mental Health Resources</em> (NCJ 252146, August 2018), NCJRS Virtual Library, U.S.
              Department of Justice.
            </li>
          </ul>
          <p>
            This app is independent of those publishers. For the CSG Justice Center&apos;s own workbook and technical assistance, visit the
            links above.
          </p>
        </section>
      </main>
    </>
  );
}
