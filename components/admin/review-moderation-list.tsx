"use client";
/**
 * One moderation list (the disputed queue or the hidden reviews), a page at a time from
 * GET /api/admin/reviews with "Load more". After a decision every moderation list is invalidated
 * (REVIEW_MODERATION_KEY): the open one refetches its loaded pages from the first, and the other
 * refetches when it is opened. The decided review leaves the open list (a decided dispute leaves
 * the queue, a review shown again leaves Hidden), taking the focused button with it, so focus moves
 * to the review that took its place, or the one before it, or the empty list.
 */
import { useEffect, useEffectEvent, useRef } from "react";
import { ListSkeleton } from "@/components/app/list-skeleton";
import { LoadFailed } from "@/components/app/load-failed";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useCursorList } from "@/components/app/use-cursor-list";
import type { ModerationPageDto, ModerationReviewDto } from "@/lib/marketplace/reviews/dto";
import type { ModerationStatus } from "@/lib/marketplace/reviews/inputs";
import { EmptyState } from "@/components/ui/empty-state";
import { ReviewModerationItem, type Announce } from "./review-moderation-item";
import { REVIEW_MODERATION_KEY } from "./review-moderation-query";

const COPY: Record<ModerationStatus, { list: string; emptyTitle: string; emptyText: string }> = {
  disputed: {
    list: "Disputed reviews",
    emptyTitle: "No disputed reviews",
    emptyText: "Nothing needs a decision.",
  },
  hidden: {
    list: "Hidden reviews",
    emptyTitle: "No hidden reviews",
    emptyText: "Reviews you hide appear here, so you can show them again.",
  },
};

type Props = {
  status: ModerationStatus;
  /** The first page, when the server rendered it. */
  initialPage?: ModerationPageDto;
  pageSize: number;
  onAnnounce: Announce;
};

export function ReviewModerationList({ status, initialPage, pageSize, onAnnounce }: Props) {
  const {
    query,
    items: reviews,
    itemRef,
    loadMore,
    focusNear,
  } = useCursorList({
    key: REVIEW_MODERATION_KEY,
    path: "/api/admin/reviews",
    filters: { status },
    items: "reviews",
    pageSize,
    initialPage,
    fallbackMessage: "The reviews could not be loaded.",
  });
  const { emptyRef, decided } = useFocusAfterDecision(reviews, focusNear);
  const copy = COPY[status];

  if (query.isPending) return <ListSkeleton label="Loading reviews…" />;
  if (query.isError && reviews.length === 0) {
    return (
      <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  if (reviews.length === 0) {
    return (
      <div ref={emptyRef} tabIndex={-1} className="rounded-xl">
        <EmptyState title={copy.emptyTitle} description={copy.emptyText} />
      </div>
    );
  }
  return (
    <>
      <ol aria-label={copy.list} className="divide-y divide-slate-100">
        {reviews.map((review, i) => (
          <ReviewModerationItem
            key={review.review_id}
            review={review}
            status={status}
            ref={itemRef(i)}
            onAnnounce={onAnnounce}
            onDecided={() => decided(review.review_id, i)}
          />
        ))}
      </ol>
      <LoadMoreFooter
        query={query}
        onLoadMore={loadMore}
        divided
        status={query.hasNextPage ? `Showing the first ${reviews.length}.` : undefined}
        count={reviews.length}
        failedMessage="More reviews could not be loaded."
        refreshFailedMessage="The reviews could not be refreshed."
      />
    </>
  );
}

/**
 * Once a decided review has left the list, focus goes where it was: to the review now in its place,
 * else the one before it, else the empty list. Only when the row took the focus with it (focus is
 * back on the page body): focus the user has moved elsewhere meanwhile stays where they put it.
 */
function useFocusAfterDecision(reviews: readonly ModerationReviewDto[], focusNear: (index: number) => boolean) {
  const emptyRef = useRef<HTMLDivElement>(null);
  const pending = useRef<{ id: string; index: number } | null>(null);
  // An effect event: it runs when the list changes and reads the latest focusNear without re-running for it.
  const refocus = useEffectEvent((current: readonly ModerationReviewDto[]) => {
    const left = pending.current;
    if (!left || current.some((r) => r.review_id === left.id)) return;
    pending.current = null;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    if (!focusNear(left.index)) emptyRef.current?.focus();
  });
  useEffect(() => refocus(reviews), [reviews]);
  return {
    emptyRef,
    decided: (id: string, index: number) => {
      pending.current = { id, index };
    },
  };
}
