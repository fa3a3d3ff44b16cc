/**
 * The parts the provider's job lists share: the focusable list item, the title linking to the job
 * page, a row of facts, and the link to what the job's customer shares with providers.
 */
import Link from "next/link";
import type { ReactNode } from "react";

export function JobItem({ ref, children }: { ref: (el: HTMLLIElement | null) => void; children: ReactNode }) {
  return (
    // Focusable from script only: "Load more" moves focus to the first new job.
    <li ref={ref} tabIndex={-1} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      {children}
    </li>
  );
}

export function JobTitle({ jobId, title }: { jobId: string; title: string }) {
  return (
    <h3 className="min-w-0 text-base font-semibold break-words text-slate-900">
      <Link href={`/jobs/${jobId}`} className="rounded hover:text-brand-700 hover:underline">
        {title}
      </Link>
    </h3>
  );
}

export function JobFacts({ facts }: { facts: [label: string, value: ReactNode][] }) {
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
      {facts.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="font-medium text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "About the customer", to the customer's profile; `srSuffix` (e.g. "who posted Fix a tap") tells screen readers which job's customer. */
export function CustomerLink({ customerId, srSuffix }: { customerId: string; srSuffix: string }) {
  return (
    <Link
      href={`/provider/customers/${customerId}`}
      className="rounded font-medium text-brand-700 hover:text-brand-800 hover:underline"
    >
      About the customer<span className="sr-only"> {srSuffix}</span>
    </Link>
  );
}
