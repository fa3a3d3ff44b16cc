/**
 * A message about the last action. The live region is always in the DOM (empty when there is
 * nothing to say), so screen readers announce a message the moment it appears.
 */
import { Children, type ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-brand-200 bg-brand-50 text-brand-800",
} as const;

export function Alert({
  tone = "error",
  children,
  className,
}: {
  tone?: keyof typeof TONES;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div aria-live={tone === "error" ? "assertive" : "polite"} aria-atomic="true" className={className}>
      {/* toArray drops null, undefined and booleans, so `{cond && "..."}` children count as empty. */}
      {Children.toArray(children).length > 0 ? (
        <div
          role={tone === "error" ? "alert" : "status"}
          className={cn("rounded-lg border px-3 py-2 text-sm", TONES[tone])}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
