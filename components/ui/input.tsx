/** Text inputs, text areas and selects; `aria-invalid` (set by Field) turns the border red. */
import type { ComponentProps } from "react";
import { cn } from "./cn";

const CONTROL = cn(
  "block w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm",
  "placeholder:text-muted focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500/30",
  "aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus:outline-red-500/30",
  "disabled:bg-slate-100 disabled:text-slate-500",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(CONTROL, "h-10", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(CONTROL, "h-10 pr-8", className)} {...props} />;
}

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(CONTROL, "py-2 leading-relaxed", className)} {...props} />;
}
