/** While a job list loads: its shape in grey, announced once. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading jobs…</span>
      <div aria-hidden className="animate-pulse space-y-3">
        <div className="h-8 w-32 rounded bg-slate-200" />
        <div className="h-4 w-72 max-w-full rounded bg-slate-100" />
      </div>
      <div
        aria-hidden
        className="animate-pulse space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
      >
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-2 rounded-xl border border-slate-100 p-4">
            <div className="h-5 w-1/2 rounded bg-slate-200" />
            <div className="h-4 w-5/6 rounded bg-slate-100" />
            <div className="h-4 w-1/3 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
