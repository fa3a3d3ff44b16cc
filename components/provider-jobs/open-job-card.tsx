/**
 * One open job in the list: its title (to the job page, where a provider reads it whole and
 * applies), category, a preview of the description, budget, when, how many have applied, whether
 * this business has, and a link to what the customer shares with providers.
 */
import type { OpenJobDto } from "@/lib/marketplace/job-lists/dto";
import { Badge } from "@/components/ui/badge";
import { formatMoney, formatWeekdayDateTime, plural, timeAgo } from "@/components/ui/format";
import { CustomerLink, JobFacts, JobItem, JobTitle } from "./job-item";

export function OpenJobCard({
  job,
  now,
  ref,
}: {
  job: OpenJobDto;
  now: number;
  ref: (el: HTMLLIElement | null) => void;
}) {
  return (
    <JobItem ref={ref}>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <JobTitle jobId={job.job_id} title={job.title} />
        <div className="flex flex-wrap gap-2">
          {job.applied && <Badge tone="success">Applied</Badge>}
          <Badge tone="accent">{job.category}</Badge>
        </div>
      </div>
      <p className="mt-2 text-sm leading-relaxed break-words text-slate-700">
        {job.description}
        {job.description_truncated && "…"}
      </p>
      <JobFacts
        facts={[
          ["Budget", job.budget_minor === null ? "No budget given" : formatMoney(job.budget_minor, job.currency)],
          [
            "When",
            job.scheduled_for ? (
              <time dateTime={job.scheduled_for}>{formatWeekdayDateTime(job.scheduled_for)}</time>
            ) : (
              "No date set"
            ),
          ],
          ["Applied so far", job.application_count === 0 ? "No one yet" : plural(job.application_count, "provider")],
        ]}
      />
      <p className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
        <span>
          Posted{" "}
          <time dateTime={job.created_at} title={formatWeekdayDateTime(job.created_at)}>
            {timeAgo(job.created_at, now)}
          </time>
        </span>
        <span aria-hidden>·</span>
        <CustomerLink customerId={job.customer_id} srSuffix={`who posted ${job.title}`} />
      </p>
    </JobItem>
  );
}
