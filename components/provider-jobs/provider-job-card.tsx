/** One job the business applied to: its title (to the job page), category, where the business stands and since when. */
import type { ReactNode } from "react";
import type { ProviderJobDto } from "@/lib/marketplace/job-lists/dto";
import type { ProviderJobStage } from "@/lib/marketplace/job-lists/inputs";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDate, formatWeekdayDateTime, timeAgo } from "@/components/ui/format";
import { CustomerLink, JobFacts, JobItem, JobTitle } from "./job-item";

export const STAGE_LABELS: Record<ProviderJobStage, string> = {
  applied: "Applied",
  booked: "Booked",
  completed: "Completed",
  closed: "Closed",
};

const STAGE_TONES: Record<ProviderJobStage, BadgeTone> = {
  applied: "brand",
  booked: "accent",
  completed: "success",
  closed: "neutral",
};

/** Where the business stands, in a sentence. */
function standing(job: ProviderJobDto): string {
  switch (job.stage) {
    case "applied":
      return "Waiting for the customer to choose";
    case "booked":
      return "You are booked for this job";
    case "completed":
      return "Done";
    case "closed":
      if (job.job_status === "cancelled") return "The job was cancelled";
      if (job.application_status === "withdrawn") return "You withdrew your application";
      return "The customer chose another provider";
  }
}

function facts(job: ProviderJobDto, now: number): [string, ReactNode][] {
  const list: [string, ReactNode][] = [
    ["Where you stand", standing(job)],
    [
      "You applied",
      <time key="applied" dateTime={job.applied_at} title={formatWeekdayDateTime(job.applied_at)}>
        {timeAgo(job.applied_at, now)}
      </time>,
    ],
  ];
  if (job.completed_at)
    list.push([
      "Completed",
      <time key="completed" dateTime={job.completed_at}>
        {formatDate(job.completed_at)}
      </time>,
    ]);
  return list;
}

export function ProviderJobCard({
  job,
  now,
  ref,
}: {
  job: ProviderJobDto;
  now: number;
  ref: (el: HTMLLIElement | null) => void;
}) {
  return (
    <JobItem ref={ref}>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <JobTitle jobId={job.job_id} title={job.title} />
        <div className="flex flex-wrap gap-2">
          <Badge tone={STAGE_TONES[job.stage]}>{STAGE_LABELS[job.stage]}</Badge>
          <Badge tone="accent">{job.category}</Badge>
        </div>
      </div>
      <JobFacts facts={facts(job, now)} />
      <p className="mt-3 text-xs text-slate-500">
        <CustomerLink customerId={job.customer_id} srSuffix={`of ${job.title}`} />
      </p>
    </JobItem>
  );
}
