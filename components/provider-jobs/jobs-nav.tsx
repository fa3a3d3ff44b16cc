/**
 * The two lists of /provider/jobs, and the stage filter of the second, as links: each choice is a
 * URL that can be shared or bookmarked, works before any script runs, and is marked aria-current.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type JobsView = "open" | "mine";

const VIEWS: { view: JobsView; label: string }[] = [
  { view: "open", label: "Open jobs" },
  { view: "mine", label: "Your applications" },
];

export function JobsViewTabs({ current }: { current: JobsView }) {
  return (
    <nav aria-label="Job lists" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {VIEWS.map(({ view, label }) => {
          const active = view === current;
          return (
            <li key={view}>
              <Link
                href={`/provider/jobs?view=${view}`}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block rounded-t border-b-2 px-1 pb-3 text-sm font-medium whitespace-nowrap",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
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

/** A row of link "chips", one of them current. */
export function FilterLinks({ label, options }: { label: string; options: { href: string; label: ReactNode; current: boolean }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => (
          <li key={option.href}>
            <Link
              href={option.href}
              aria-current={option.current ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center rounded-full px-3 text-sm font-medium ring-1 ring-inset whitespace-nowrap",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                option.current ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
