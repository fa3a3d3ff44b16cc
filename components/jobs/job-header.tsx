/** The top of the job page: its title and status, then what, for how much, when, and since when. */
import type { JobDto } from "@/lib/marketplace/jobs/dto";
import { formatDate, formatDateTime, formatMoney } from "@/components/ui/format";
import { JobStatusBadge } from "./job-status-badge";

export function JobHeader({ job }: { job: JobDto }) {
  const facts = [
    { term: "Category", detail: job.category },
    {
      term: "Budget",
      detail: job.budget_minor === null ? "No budget set" : formatMoney(job.budget_minor, job.currency),
    },
    {
      term: "When",
      detail: job.scheduled_for ? (
        <time dateTime={job.scheduled_for}>{formatDateTime(job.scheduled_for)}</time>
      ) : (
        "Flexible"
      ),
    },
    { term: "Posted", detail: <time dateTime={job.created_at}>{formatDate(job.created_at)}</time> },
  ];
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          {job.title}
        </h1>
        <JobStatusBadge status={job.status} />
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-2xl border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-4 sm:p-5">
        {facts.map(({ term, detail }) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
            <dd className="mt-1 break-words font-medium text-slate-900">{detail}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
