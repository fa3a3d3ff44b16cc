/** A list's first load: three grey rows, announced once with `label`. */
export function ListSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-5">
      <span className="sr-only">{label}</span>
      {[0, 1, 2].map((i) => (
        <div key={i} aria-hidden className="animate-pulse space-y-2">
          <div className="h-4 w-24 rounded bg-slate-200" />
          <div className="h-4 w-3/4 rounded bg-slate-100" />
          <div className="h-3 w-1/3 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
