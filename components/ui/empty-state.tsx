/** What a list shows when it has nothing yet: say so plainly and offer the next step. */
import type { ReactNode } from "react";

export function EmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-slate-50/60 px-6 py-10 text-center">
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-10 text-slate-300"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
      >
        <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5v-9Z" strokeLinejoin="round" />
        <path d="M3 7.5 12 12l9-4.5M12 12v9" strokeLinejoin="round" />
      </svg>
      <p className="mt-3 text-sm font-semibold text-slate-800">{title}</p>
      {description && <p className="mt-1 max-w-sm text-sm text-slate-600">{description}</p>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
