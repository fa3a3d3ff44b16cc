/**
 * A row of link "chips" that filter a list, one of them current: each choice is a URL that can be
 * shared or bookmarked, works before any script runs, and is marked aria-current.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

export function FilterLinks({
  label,
  options,
}: {
  label: string;
  options: { href: string; label: ReactNode; current: boolean }[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => (
          <li key={option.href}>
            <Link
              href={option.href}
              aria-current={option.current ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center rounded-full px-3 text-sm font-medium whitespace-nowrap ring-1 ring-inset transition-colors",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                option.current
                  ? "bg-brand-600 text-white ring-brand-600"
                  : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
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
