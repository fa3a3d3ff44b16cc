/** Links that filter the customer's jobs by status; the current one is marked for assistive technology too. */
import Link from "next/link";
import type { JobStatus } from "@/db/schema";
import { cn } from "@/components/ui/cn";

const FILTERS: { status: JobStatus | undefined; label: string }[] = [
  { status: undefined, label: "All" },
  { status: "open", label: "Open" },
  { status: "booked", label: "Booked" },
  { status: "completed", label: "Completed" },
  { status: "cancelled", label: "Cancelled" },
];

export function StatusFilter({ current }: { current: JobStatus | undefined }) {
  return (
    <nav aria-label="Filter jobs by status">
      <ul className="flex flex-wrap gap-2">
        {FILTERS.map(({ status, label }) => {
          const active = status === current;
          return (
            <li key={label}>
              <Link
                href={status ? `/me/jobs?status=${status}` : "/me/jobs"}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center rounded-full px-3 text-sm font-medium transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                  active ? "bg-slate-900 text-white" : "bg-white text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
