import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
        <p className="mt-3 text-slate-700">
          This page does not exist, or you are not a member of the workspace it belongs to.
        </p>
        <Link href="/workspaces" className="mt-6 inline-block text-brand-700 underline">
          Back to your plans
        </Link>
      </main>
    </>
  );
}
