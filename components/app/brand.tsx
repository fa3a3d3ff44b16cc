/** The Clientele mark and word. */
import Link from "next/link";

export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-lg font-semibold tracking-tight text-slate-900">
      <svg aria-hidden viewBox="0 0 32 32" className="size-8">
        <rect width="32" height="32" rx="9" className="fill-brand-600" />
        <circle cx="13" cy="13" r="5" className="fill-white" />
        <path d="M5.5 26c1.3-4.4 4.3-6.5 7.5-6.5s6.2 2.1 7.5 6.5" className="fill-white" />
        <circle cx="23" cy="11" r="3.2" className="fill-accent-300" />
      </svg>
      <span className="text-lg">Clientele</span>
    </Link>
  );
}
