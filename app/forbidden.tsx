import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";

export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-bold text-slate-900">You don&apos;t have access to this page</h1>
        <p className="mt-3 text-slate-700">Your role in this workspace does not include it. Ask the plan&apos;s coordinator if you need it.</p>
        <Link href="/workspaces" className="mt-6 inline-block text-brand-700 underline">
          Back to your plans
        </Link>
      </main>
    </>
  );
}
