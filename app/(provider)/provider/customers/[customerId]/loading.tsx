/** While a customer's profile loads: the page's shape in grey, announced once. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading the customer&apos;s profile…</span>
      <div
        aria-hidden
        className="flex animate-pulse items-center gap-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <div className="size-16 shrink-0 rounded-full bg-slate-200 sm:size-20" />
        <div className="flex-1 space-y-2">
          <div className="h-3 w-24 rounded bg-slate-100" />
          <div className="h-7 w-48 max-w-full rounded bg-slate-200" />
          <div className="h-3 w-36 rounded bg-slate-100" />
        </div>
      </div>
      <div aria-hidden className="grid animate-pulse grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-6">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="h-28 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
            <div className="h-3 w-2/3 rounded bg-slate-100" />
            <div className="mt-3 h-7 w-1/2 rounded bg-slate-200" />
          </div>
        ))}
      </div>
      <div aria-hidden className="grid animate-pulse grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="h-72 rounded-2xl border border-slate-200 bg-white shadow-sm lg:col-span-2" />
        <div className="h-72 rounded-2xl border border-slate-200 bg-white shadow-sm" />
      </div>
    </div>
  );
}
