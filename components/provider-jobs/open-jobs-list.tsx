"use client";
/**
 * The open jobs on the marketplace, a page at a time from GET /api/jobs, with "Load more". The
 * server renders the first page (of the category in the URL), so the list is there before any
 * script runs; further pages are fetched here with the same category, page size and business.
 */
import { LoadFailed } from "@/components/app/load-failed";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useCursorList } from "@/components/app/use-cursor-list";
import type { OpenJobsPageDto } from "@/lib/marketplace/job-lists/dto";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { OpenJobCard } from "./open-job-card";

type Props = {
  category: string | null;
  initialPage: OpenJobsPageDto;
  /** The business the page was read as (X-Business-Id), so every page is read as the same one. */
  businessId?: string;
  pageSize: number;
  /** The server's clock at render, for "posted 5 minutes ago" that server and browser agree on. */
  now: number;
};

export function OpenJobsList({ category, initialPage, businessId, pageSize, now }: Props) {
  const {
    query,
    items: jobs,
    itemRef,
    loadMore,
  } = useCursorList({
    key: ["provider-jobs", "open"],
    path: "/api/jobs",
    filters: { category },
    items: "jobs",
    pageSize,
    businessId,
    initialPage,
    fallbackMessage: "The jobs could not be loaded.",
  });

  if (query.isError && jobs.length === 0) {
    return (
      <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  if (jobs.length === 0) {
    return category ? (
      <EmptyState
        title={`No open ${category.toLowerCase()} jobs right now`}
        description="New jobs appear here as soon as customers post them. Other categories may have work waiting."
        action={
          <ButtonLink href="/provider/jobs?view=open" variant="secondary" size="sm">
            Show all categories
          </ButtonLink>
        }
      />
    ) : (
      <EmptyState title="No open jobs right now" description="New jobs appear here as soon as customers post them." />
    );
  }
  return (
    <>
      <ol aria-label="Open jobs" className="space-y-4">
        {jobs.map((job, i) => (
          <OpenJobCard key={job.job_id} job={job} now={now} ref={itemRef(i)} />
        ))}
      </ol>
      <LoadMoreFooter
        query={query}
        onLoadMore={loadMore}
        status={
          query.hasNextPage
            ? `Showing ${plural(jobs.length, "job")}.`
            : jobs.length === 1
              ? "That is the only open job."
              : `All ${jobs.length} open jobs shown.`
        }
        failedMessage="More jobs could not be loaded."
      />
    </>
  );
}
