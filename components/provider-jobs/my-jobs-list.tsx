"use client";
/**
 * The jobs the business applied to, a page at a time from GET /api/provider/jobs, with "Load
 * more". The server renders the first page (of the stage in the URL); further pages are fetched
 * here with the same stage, page size and business.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchApi } from "@/components/app/fetch-api";
import { LoadFailed } from "@/components/app/load-failed";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useLoadMore } from "@/components/app/use-load-more";
import type { ProviderJobDto, ProviderJobsPageDto } from "@/lib/marketplace/browse-dto";
import type { ProviderJobStage } from "@/lib/marketplace/browse-inputs";
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
  applied: { title: "No applications waiting", description: "Jobs you apply to wait here until the customer chooses a provider." },
  booked: { title: "Nothing booked right now", description: "When a customer books you, the job moves here until it is done." },
  completed: { title: "No completed jobs yet", description: "Jobs you finish are kept here, so you can review the customer." },
  closed: { title: "Nothing closed", description: "Jobs that were cancelled, or went to another provider, are listed here." },
};

export function MyJobsList({ stage, initialPage, businessId, pageSize, now }: Props) {
  const query = useInfiniteQuery({
    queryKey: ["provider-jobs", "mine", stage, businessId ?? null, pageSize],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (stage) params.set("stage", stage);
      if (pageParam) params.set("cursor", pageParam);
      return fetchApi<ProviderJobsPageDto>(`/api/provider/jobs?${params}`, {
        businessId,
        signal,
        fallbackMessage: "Your applications could not be loaded.",
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.pagination.next_cursor,
    initialData: { pages: [initialPage], pageParams: [null] },
  });
  const jobs = useMemo<ProviderJobDto[]>(() => query.data?.pages.flatMap((p) => p.jobs) ?? [], [query.data]);
  const { itemRef, loadMore } = useLoadMore(query, jobs);

  if (query.isError && jobs.length === 0) {
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
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
        status={query.hasNextPage ? `Showing ${plural(jobs.length, "job")}.` : jobs.length === 1 ? "That is the only one." : `All ${jobs.length} shown.`}
        failedMessage="More jobs could not be loaded."
      />
    </>
  );
}
