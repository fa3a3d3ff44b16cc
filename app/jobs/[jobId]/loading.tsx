/** While a job loads: the page's shape in grey, announced once. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading the job…</span>
      <div aria-hidden className="animate-pulse space-y-4">
        <div className="h-4 w-28 rounded bg-slate-200" />
        <div className="h-8 w-80 max-w-full rounded bg-slate-200" />
        <div className="grid grid-cols-2 gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="space-y-2">
              <div className="h-3 w-16 rounded bg-slate-100" />
              <div className="h-4 w-24 max-w-full rounded bg-slate-200" />
            </div>
          ))}
        </div>
      </div>
      <div aria-hidden className="grid animate-pulse grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="h-48 rounded-2xl border border-slate-200 bg-white shadow-sm lg:col-start-3 lg:row-start-1" />
        <div className="space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          <div className="h-32 rounded-2xl border border-slate-200 bg-white shadow-sm" />
          <div className="h-64 rounded-2xl border border-slate-200 bg-white shadow-sm" />
        </div>
      </div>
    </div>
  );
}
