"use client";
/**
 * The jobs the business applied to, a page at a time from GET /api/provider/jobs, with "Load
 * more". The server renders the first page (of the stage in the URL); further pages are fetched
 * here with the same stage, page size and business.
 */
import { LoadFailed } from "@/components/app/load-failed";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useCursorList } from "@/components/app/use-cursor-list";
import type { ProviderJobsPageDto } from "@/lib/marketplace/job-lists/dto";
import type { ProviderJobStage } from "@/lib/marketplace/job-lists/inputs";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { ProviderJobCard } from "./provider-job-card";

type Props = {
  stage: ProviderJobStage | null;
  initialPage: ProviderJobsPageDto;
  /** The business the page was read as (X-Business-Id), so every page is read as the same one. */
  businessId?: string;
  pageSize: number;
  /** The server's clock at render, for "applied 2 days ago" that server and browser agree on. */
  now: number;
};

const EMPTY: Record<ProviderJobStage, { title: string; description: string }> = {
  applied: {
    title: "No applications waiting",
    description: "Jobs you apply to wait here until the customer chooses a provider.",
  },
  booked: {
    title: "Nothing booked right now",
    description: "When a customer books you, the job moves here until it is done.",
  },
  completed: {
    title: "No completed jobs yet",
    description: "Jobs you finish are kept here, so you can review the customer.",
  },
  closed: {
    title: "Nothing closed",
    description: "Jobs that were cancelled, or went to another provider, are listed here.",
  },
};

export function MyJobsList({ stage, initialPage, businessId, pageSize, now }: Props) {
  const {
    query,
    items: jobs,
    itemRef,
    loadMore,
  } = useCursorList({
    key: ["provider-jobs", "mine"],
    path: "/api/provider/jobs",
    filters: { stage },
    items: "jobs",
    pageSize,
    businessId,
    initialPage,
    fallbackMessage: "Your applications could not be loaded.",
  });

  if (query.isError && jobs.length === 0) {
    return (
      <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  if (jobs.length === 0) {
    return stage ? (
      <EmptyState
        {...EMPTY[stage]}
        action={
          <ButtonLink href="/provider/jobs?view=mine" variant="secondary" size="sm">
            Show all your jobs
          </ButtonLink>
        }
      />
    ) : (
      <EmptyState
        title="You have not applied to any jobs yet"
        description="Find a job that suits your business and apply: it will be listed here, with where you stand."
        action={
          <ButtonLink href="/provider/jobs?view=open" size="sm">
            Browse open jobs
          </ButtonLink>
        }
      />
    );
  }
  return (
    <>
      <ol aria-label="Your applications" className="space-y-4">
        {jobs.map((job, i) => (
          <ProviderJobCard key={job.job_id} job={job} now={now} ref={itemRef(i)} />
        ))}
      </ol>
      <LoadMoreFooter
        query={query}
        onLoadMore={loadMore}
        status={query.hasNextPage ? `Showing ${plural(jobs.length, "job")}.` : undefined}
        count={jobs.length}
        failedMessage="More jobs could not be loaded."
      />
    </>
  );
}
