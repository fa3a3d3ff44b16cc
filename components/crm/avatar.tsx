/**
 * A record's avatar in the page header: the image our own route serves, or the name's initials.
 * Decorative (the name is the heading beside it), so the image has empty alt text and the initials
 * are hidden from screen readers. Its size is fixed, so a new image causes no layout shift.
 */
import { cn } from "@/components/ui/cn";

const SIZE = "size-14 shrink-0 rounded-full sm:size-16";

export function Avatar({ src, initials, className }: { src: string | null; initials: string; className?: string }) {
  if (src) {
    // Our own route serves the re-encoded WebP; next/image would only proxy it again.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt="" className={cn(SIZE, "object-cover", className)} />;
  }
  return (
    <span
      aria-hidden
      className={cn(SIZE, "grid place-items-center bg-accent-100 text-lg font-semibold text-accent-800", className)}
    >
      {initials || "?"}
    </span>
  );
}
