"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Shown when a page fails unexpectedly. Nothing typed in a worksheet is lost: unsaved answers are kept on this device. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Something went wrong</h1>
      <p className="mt-3 text-slate-700">
        The page could not be shown. Please try again in a moment. If you were filling in a worksheet, your unsaved answers are kept on this
        device and will be saved when the page loads again.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={() => reset()}>Try again</Button>
        <Link href="/workspaces" className="inline-flex items-center text-brand-700 underline">
          Back to your plans
        </Link>
      </div>
    </main>
  );
}
