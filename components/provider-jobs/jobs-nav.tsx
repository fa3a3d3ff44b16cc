/**
 * The two lists of /provider/jobs as tabs made of links: each is a URL that can be shared or
 * bookmarked, works before any script runs, and is marked aria-current.
 */
import Link from "next/link";
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
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
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
