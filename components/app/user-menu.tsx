/** The signed-in person: who they are, where they can go, and sign out. A native disclosure, keyboard friendly. */
import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { nameInitials } from "@/lib/graphemes";

export type MenuLink = { href: string; label: string };

export function UserMenu({ name, email, links }: { name: string; email: string; links: MenuLink[] }) {
  // By grapheme: `part[0]` was half of an emoji, which broke hydration on every page.
  const initials = nameInitials(name);
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 pr-2 text-sm text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden
          className="grid size-8 place-items-center rounded-full bg-accent-100 text-xs font-semibold text-accent-800"
        >
          {initials || "?"}
        </span>
        <span className="hidden max-w-32 truncate sm:inline">{name}</span>
        <span className="sr-only">Account menu</span>
        <svg
          aria-hidden
          viewBox="0 0 20 20"
          className="size-4 text-muted transition-transform group-open:rotate-180"
          fill="currentColor"
        >
          <path d="M5.2 7.2a.75.75 0 0 1 1.06.02L10 11.1l3.74-3.88a.75.75 0 1 1 1.08 1.04l-4.28 4.44a.75.75 0 0 1-1.08 0L5.18 8.26a.75.75 0 0 1 .02-1.06Z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        <div className="border-b border-slate-100 px-3 pb-2 pt-1">
          <p className="truncate text-sm font-medium text-slate-900">{name}</p>
          <p className="truncate text-xs text-slate-500">{email}</p>
        </div>
        <nav aria-label="Account" className="py-1">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="block rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-50"
            >
              {link.label}
            </Link>
          ))}
        </nav>
        <form action={signOutAction} className="border-t border-slate-100 pt-1">
          <button
            type="submit"
            className="w-full rounded-lg px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50"
          >
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
