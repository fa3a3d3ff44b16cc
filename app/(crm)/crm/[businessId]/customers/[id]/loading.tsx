/** While a customer's page loads: its shape in grey, announced once. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading the customer…</span>
      <div aria-hidden className="h-8 w-56 max-w-full animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="grid animate-pulse grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-2xl border border-slate-200 bg-white shadow-sm" />
        ))}
      </div>
      <div aria-hidden className="grid animate-pulse grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="h-72 rounded-2xl border border-slate-200 bg-white shadow-sm lg:col-span-2" />
        <div className="h-72 rounded-2xl border border-slate-200 bg-white shadow-sm" />
      </div>
    </div>
  );
}
