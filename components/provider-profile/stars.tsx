/**
 * A star rating drawn as five stars, announced as one image ("4 out of 5 stars") so a screen reader
 * hears the figure once instead of five unlabeled shapes. Server-safe (no hooks).
 */
import { cn } from "@/components/ui/cn";

/** One star in a 20×20 viewBox, shared with the rating input (components/jobs/star-rating-input). */
export const STAR_PATH =
  "M10 1.6l2.47 5.27 5.73.7-4.22 3.95 1.1 5.68L10 14.38 4.92 17.2l1.1-5.68L1.8 7.57l5.73-.7L10 1.6z";

export function Stars({ rating, size = "sm", className }: { rating: number; size?: "sm" | "md"; className?: string }) {
  const rounded = Math.round(rating);
  return (
    <span
      role="img"
      aria-label={`${rating} out of 5 stars`}
      className={cn("inline-flex shrink-0 items-center gap-0.5", className)}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <svg
          key={n}
          aria-hidden
          viewBox="0 0 20 20"
          className={cn(size === "sm" ? "size-4" : "size-5", n <= rounded ? "text-amber-400" : "text-slate-200")}
          fill="currentColor"
        >
          <path d={STAR_PATH} />
        </svg>
      ))}
    </span>
  );
}
