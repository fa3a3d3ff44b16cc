"use client";
/**
 * The customer's reviews from providers, a page at a time from
 * GET /api/provider/customers/{id}/reviews, with a sort switch (most recent, highest, lowest) and
 * "Load more". The server renders the first page of the default sort, so the list is there before
 * any script runs; other sorts and further pages are fetched here. A review the customer has
 * disputed is marked "Under dispute" until a moderator decides. The server decides what may be
 * seen: a refusal (the customer changed their visibility meanwhile) shows as the error state.
 */
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { fetchApi } from "@/components/app/fetch-api";
import { ListSkeleton } from "@/components/app/list-skeleton";
import { LoadFailed } from "@/components/app/load-failed";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useLoadMore } from "@/components/app/use-load-more";
import { useMemo, useState } from "react";
import type { CustomerReviewDto, ReviewsPageDto } from "@/lib/provider-profile/dto";
import type { ReviewSort } from "@/lib/provider-profile/inputs";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { Stars } from "./stars";

const SORTS: { value: ReviewSort; label: string }[] = [
  { value: "recent", label: "Most recent" },
  { value: "highest", label: "Highest" },
  { value: "lowest", label: "Lowest" },
];

type Props = {
  customerId: string;
  /** The first page of the "recent" sort, rendered by the server. */
  initialPage: ReviewsPageDto;
  /** Visible reviews in all, from the profile's stats, for "Showing 10 of 21". */
  total: number;
  /** The business the page was read as (X-Business-Id), so every page is read as the same one. */
  businessId?: string;
  /** The server's page size (REVIEWS_PAGE_DEFAULT), so every page matches the first. */
  pageSize: number;
};

function fetchReviewsPage(
  { customerId, businessId, pageSize }: Props,
  sort: ReviewSort,
  cursor: string | null,
  signal: AbortSignal,
): Promise<ReviewsPageDto> {
  const params = new URLSearchParams({ sort, limit: String(pageSize) });
  if (cursor) params.set("cursor", cursor);
  return fetchApi(`/api/provider/customers/${encodeURIComponent(customerId)}/reviews?${params}`, {
    businessId,
    signal,
    fallbackMessage: "The reviews could not be loaded.",
  });
}

export function ReviewsList(props: Props) {
  const { customerId, initialPage, total, businessId, pageSize } = props;
  const [sort, setSort] = useState<ReviewSort>("recent");
  const query = useInfiniteQuery({
    queryKey: ["provider-profile", customerId, "reviews", sort, businessId ?? null, pageSize],
    queryFn: ({ pageParam, signal }) => fetchReviewsPage(props, sort, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.pagination.next_cursor,
    initialData: sort === "recent" ? { pages: [initialPage], pageParams: [null] } : undefined,
    // While another sort loads, the current list stays (dimmed) rather than collapsing to a skeleton.
    placeholderData: keepPreviousData,
  });

  const reviews = useMemo<CustomerReviewDto[]>(() => query.data?.pages.flatMap((p) => p.reviews) ?? [], [query.data]);
  const switching = query.isPlaceholderData;

  const { itemRef, loadMore } = useLoadMore(query, reviews);

  const sortSwitch = (
    <div role="group" aria-label="Sort reviews" className="inline-flex rounded-lg bg-slate-100 p-1">
      {SORTS.map((option) => {
        const active = option.value === sort;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={active}
            onClick={() => setSort(option.value)}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
              active ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );

  return (
    <Card
      title="Reviews from providers"
      description="What providers said after working with this customer."
      actions={total > 0 ? sortSwitch : undefined}
    >
      {query.isPending ? (
        <ListSkeleton label="Loading reviews…" />
      ) : query.isError && reviews.length === 0 ? (
        <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : reviews.length === 0 ? (
        <EmptyState
          title="No reviews yet"
          description="Reviews appear here after providers complete a job with this customer."
        />
      ) : (
        <>
          <ol
            aria-label="Reviews"
            aria-busy={switching || undefined}
            className={cn("divide-y divide-slate-100 transition-opacity", switching && "opacity-50")}
          >
            {reviews.map((review, i) => (
              <ReviewItem key={review.review_id} review={review} ref={itemRef(i)} />
            ))}
          </ol>
          <LoadMoreFooter
            query={query}
            onLoadMore={loadMore}
            divided
            paused={switching}
            status={
              switching
                ? "Sorting…"
                : query.hasNextPage
                  ? `Showing ${reviews.length} of ${plural(Math.max(total, reviews.length), "review")}.`
                  : reviews.length === 1
                    ? "That is the only review."
                    : `All ${reviews.length} reviews shown.`
            }
            failedMessage="More reviews could not be loaded."
            refreshFailedMessage="The reviews could not be loaded."
          />
        </>
      )}
    </Card>
  );
}

function ReviewItem({ review, ref }: { review: CustomerReviewDto; ref: (el: HTMLLIElement | null) => void }) {
  return (
    <li ref={ref} tabIndex={-1} className="py-4 first:pt-0 focus-visible:rounded-lg">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1.5">
        <span className="flex flex-wrap items-center gap-2">
          <Stars rating={review.rating} />
          {review.under_dispute && <DisputeMark />}
        </span>
        <time dateTime={review.review_date} className="text-xs text-slate-500">
          {review.formatted_date}
        </time>
      </div>
      {review.comment ? (
        <p className="mt-2 text-sm leading-relaxed break-words text-slate-800">{review.comment}</p>
      ) : (
        <p className="mt-2 text-sm text-slate-500 italic">No comment left.</p>
      )}
      <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Badge>{review.job_category}</Badge>
        <span>
          by <span className="font-medium text-slate-700">{review.provider_name}</span>
        </span>
      </p>
    </li>
  );
}

/**
 * A review the customer has disputed and no moderator has decided yet: the provider reading it
 * should know the customer contests it. The words say so in full; the mark goes once it is decided.
 */
function DisputeMark() {
  return (
    <Badge tone="warning">
      Under dispute
      <span className="sr-only">: the customer contests this review and a moderator has not decided yet</span>
    </Badge>
  );
}
