/** The "back to" link above a page's heading. */
import Link from "next/link";

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <Link
        href={href}
        className="inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M12.8 4.7a.75.75 0 0 1 0 1.06L8.56 10l4.24 4.24a.75.75 0 1 1-1.06 1.06l-4.77-4.77a.75.75 0 0 1 0-1.06l4.77-4.77a.75.75 0 0 1 1.06 0Z" />
        </svg>
        {children}
      </Link>
    </nav>
  );
}
