export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-10 text-slate-700">
      <span aria-hidden="true" className="h-5 w-5 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
      Loading…
    </div>
  );
}
