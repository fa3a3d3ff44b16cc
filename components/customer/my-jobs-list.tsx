"use client";
/**
 * The customer's jobs, a page at a time from GET /api/customer/jobs, with "Load more". The server
 * renders the first page (of the status chosen in the URL), so the list is there before any
 * script runs. The cache lives only while the list is shown: coming back renders a fresh first
 * page from the server rather than a remembered one without the job just posted.
 */
import type { JobStatus } from "@/db/schema";
import type { CustomerJobsPageDto } from "@/lib/marketplace/job-lists/dto";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useCursorList } from "@/components/app/use-cursor-list";
import { JOB_STATUS } from "@/components/jobs/job-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { JobRow } from "./job-row";

type Props = {
  status: JobStatus | undefined;
  initialPage: CustomerJobsPageDto;
  /** The server's page size, so every page matches the first. */
  pageSize: number;
};

export function MyJobsList({ status, initialPage, pageSize }: Props) {
  const {
    query,
    items: jobs,
    itemRef,
    loadMore,
  } = useCursorList({
    key: ["customer-jobs"],
    path: "/api/customer/jobs",
    filters: { status },
    items: "jobs",
    pageSize,
    initialPage,
    // Gone once the list is not shown, so coming back starts from the server's fresh first page.
    gcTime: 0,
    fallbackMessage: "More jobs could not be loaded.",
  });

  if (jobs.length === 0) {
    return (
      <EmptyState
        title={status ? `No ${JOB_STATUS[status].label.toLowerCase()} jobs` : "No jobs yet"}
        description={
          status
            ? "Jobs appear here as they reach this status. Choose “All” to see every job you have posted."
            : "Describe the work you need done, and providers on the marketplace can apply."
        }
        action={<ButtonLink href="/me/jobs/new">Post a job</ButtonLink>}
      />
    );
  }

  return (
    <>
      <ul aria-label="Your jobs" className="divide-y divide-slate-100">
        {jobs.map((job, i) => (
          <JobRow key={job.job_id} job={job} ref={itemRef(i)} />
        ))}
      </ul>
      <LoadMoreFooter
        query={query}
        onLoadMore={loadMore}
        divided
        status={query.hasNextPage ? `Showing the newest ${jobs.length}.` : undefined}
        count={jobs.length}
        failedMessage="More jobs could not be loaded."
      />
    </>
  );
}
