"use client";
/**
 * The customer's jobs, a page at a time from GET /api/customer/jobs, with "Load more". The server
 * renders the first page (of the status chosen in the URL), so the list is there before any
 * script runs. The cache lives only while the list is shown: coming back renders a fresh first
 * page from the server rather than a remembered one without the job just posted.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { JobStatus } from "@/db/schema";
import type { CustomerJobsPageDto } from "@/lib/marketplace/customer-jobs-dto";
import { fetchApi } from "@/components/app/fetch-api";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useLoadMore } from "@/components/app/use-load-more";
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

function fetchJobsPage(status: JobStatus | undefined, pageSize: number, cursor: string | null, signal: AbortSignal) {
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (status) params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  return fetchApi<CustomerJobsPageDto>(`/api/customer/jobs?${params}`, { signal, fallbackMessage: "More jobs could not be loaded." });
}

export function MyJobsList({ status, initialPage, pageSize }: Props) {
  const query = useInfiniteQuery({
    queryKey: ["customer-jobs", status ?? "all", pageSize],
    queryFn: ({ pageParam, signal }) => fetchJobsPage(status, pageSize, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.pagination.next_cursor,
    initialData: { pages: [initialPage], pageParams: [null] },
    gcTime: 0,
  });
  const jobs = useMemo(() => query.data.pages.flatMap((page) => page.jobs), [query.data]);
  const { itemRef, loadMore } = useLoadMore(query, jobs);

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
        status={query.hasNextPage ? `Showing the newest ${jobs.length}.` : jobs.length === 1 ? "That is the only one." : `All ${jobs.length} shown.`}
        failedMessage="More jobs could not be loaded."
      />
    </>
  );
}
