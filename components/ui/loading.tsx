/** A spinner with a status message for screen readers. */
export function LoadingState({ className = "" }: { className?: string }) {
  return (
    <div role="status" aria-live="polite" className={`flex items-center gap-3 py-10 text-slate-700 ${className}`}>
      <span aria-hidden="true" className="h-5 w-5 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
      Loading…
    </div>
  );
}
