/**
 * A customer tag as a coloured chip. The business's tag list names a colour ("green", "amber"...);
 * each maps to a light background with dark text (AA contrast), and an unknown one falls back to
 * slate, so a colour the palette does not know never hides the label. The colour is decoration:
 * the label is the text.
 */
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const COLOURS: Record<string, string> = {
  slate: "bg-slate-100 text-slate-800 ring-slate-300",
  gray: "bg-slate-100 text-slate-800 ring-slate-300",
  red: "bg-red-50 text-red-800 ring-red-200",
  orange: "bg-orange-50 text-orange-800 ring-orange-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  yellow: "bg-yellow-50 text-yellow-800 ring-yellow-300",
  lime: "bg-lime-50 text-lime-800 ring-lime-200",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  emerald: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  teal: "bg-teal-50 text-teal-800 ring-teal-200",
  cyan: "bg-cyan-50 text-cyan-800 ring-cyan-200",
  sky: "bg-sky-50 text-sky-800 ring-sky-200",
  blue: "bg-blue-50 text-blue-800 ring-blue-200",
  indigo: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
  purple: "bg-purple-50 text-purple-800 ring-purple-200",
  pink: "bg-pink-50 text-pink-800 ring-pink-200",
  rose: "bg-rose-50 text-rose-800 ring-rose-200",
};

/** The dot's colour, for pickers and legends. */
const DOTS: Record<string, string> = {
  slate: "bg-slate-500",
  gray: "bg-slate-500",
  red: "bg-red-500",
  orange: "bg-orange-500",
  amber: "bg-amber-500",
  yellow: "bg-yellow-500",
  lime: "bg-lime-500",
  green: "bg-emerald-500",
  emerald: "bg-emerald-500",
  teal: "bg-teal-500",
  cyan: "bg-cyan-500",
  sky: "bg-sky-500",
  blue: "bg-blue-500",
  indigo: "bg-indigo-500",
  violet: "bg-violet-500",
  purple: "bg-purple-500",
  pink: "bg-pink-500",
  rose: "bg-rose-500",
};

export function tagColourClasses(colour: string | null | undefined): string {
  return COLOURS[colour ?? ""] ?? COLOURS.slate!;
}

export function TagChip({
  label,
  color,
  children,
  className,
}: {
  label: string;
  color?: string | null;
  /** Something after the label, e.g. a remove button. */
  children?: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "inline-flex max-w-full items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        tagColourClasses(color),
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 shrink-0 rounded-full", DOTS[color ?? ""] ?? DOTS.slate)} />
      <span className="truncate">{label}</span>
      {children}
    </span>
  );
}

/** A record's tags in a row; the list is named for screen readers. */
export function TagChips({
  tags,
  label = "Tags",
}: {
  tags: readonly { id: string; label: string; color?: string | null }[];
  label?: string;
}) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag.id} className="max-w-full">
          <TagChip label={tag.label} color={tag.color} />
        </li>
      ))}
    </ul>
  );
}
