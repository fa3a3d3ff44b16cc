/**
 * One of the customer's jobs in a list: its title links to the job page, where applications,
 * the booking and messages are; the status and, for an open job, the applications waiting for an
 * answer are badges. The whole row is clickable, but only the title is the link's name.
 */
import Link from "next/link";
import type { JobStatus } from "@/db/schema";
import type { CustomerJobDto } from "@/lib/marketplace/job-lists/dto";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatMoney, plural } from "@/components/ui/format";
import { LocalDateTime } from "./local-time";

const BOOKED_WITH: Record<JobStatus, string> = {
  open: "Booked with",
  booked: "Booked with",
  completed: "Done by",
  cancelled: "Was booked with",
};

type Props = { job: CustomerJobDto; ref?: (el: HTMLLIElement | null) => void };

export function JobRow({ job, ref }: Props) {
  return (
    <li
      ref={ref}
      tabIndex={ref ? -1 : undefined}
      className="relative -mx-2 flex flex-col gap-2 rounded-lg px-2 py-3 outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-500 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
    >
      <div className="min-w-0 text-sm">
        <Link
          href={`/jobs/${job.job_id}`}
          className="block truncate font-medium text-slate-900 outline-none after:absolute after:inset-0 after:content-['']"
        >
          {job.title}
        </Link>
        <p className="text-slate-500">
          {job.category} · Posted {formatDate(job.created_at)}
          {job.budget_minor !== null && ` · Budget ${formatMoney(job.budget_minor, job.currency)}`}
        </p>
        {job.scheduled_for && (
          <p className="text-slate-500">
            For <LocalDateTime iso={job.scheduled_for} />
          </p>
        )}
        {job.booked_provider_name && (
          <p className="text-slate-600">
            {BOOKED_WITH[job.status]} <span className="font-medium text-slate-800">{job.booked_provider_name}</span>
          </p>
        )}
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2">
        {job.status === "open" &&
          (job.pending_applications > 0 ? (
            <Badge tone="warning">{`${plural(job.pending_applications, "application")} waiting`}</Badge>
          ) : (
            <span className="text-xs text-slate-500">No applications yet</span>
          ))}
        <JobStatusBadge status={job.status} />
      </div>
    </li>
  );
}
