/**
 * Horizontal bars as plain HTML: each row's label and figure are text (what a screen reader reads
 * and what survives a narrow phone screen), and the bar itself is decoration sized by CSS.
 * Used for the rating histogram and the job categories; server-safe, no chart library needed.
 */
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type Bar = { key: string | number; label: ReactNode; value: number; valueText: string; srLabel: string };

export function BarList({
  bars,
  label,
  max,
  barClassName = "bg-brand-500",
  labelWidth = "w-14",
}: {
  bars: Bar[];
  /** The list's accessible name. */
  label: string;
  /** The value of a full-width bar; defaults to the largest value. */
  max?: number;
  barClassName?: string;
  labelWidth?: string;
}) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  return (
    <ul aria-label={label} className="space-y-3">
      {bars.map((bar) => (
        <li key={bar.key} className="flex items-center gap-3 text-sm">
          <span className="sr-only">{bar.srLabel}</span>
          <span aria-hidden className={cn("shrink-0 truncate text-slate-700", labelWidth)}>
            {bar.label}
          </span>
          <span aria-hidden className="h-2.5 min-w-0 flex-1 overflow-hidden rounded-full bg-slate-100">
            <span
              className={cn("block h-full rounded-full", barClassName)}
              style={{ width: `${bar.value === 0 ? 0 : Math.max((bar.value / top) * 100, 2)}%` }}
            />
          </span>
          <span aria-hidden className="w-16 shrink-0 text-right text-slate-600 tabular-nums">
            {bar.valueText}
          </span>
        </li>
      ))}
    </ul>
  );
}
