import Link from "next/link";
import type { ReactNode } from "react";

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
      <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-md bg-brand-700 text-sm font-bold text-white">
        CP
      </span>
      <span>Crisis Plan Workbook</span>
    </Link>
  );
}

export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-4 px-4">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          {children}
        </nav>
      </div>
    </header>
  );
}
