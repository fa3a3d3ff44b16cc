"use client";
/**
 * Below a paged list: "Load more" while there is more, what is shown so far (announced politely),
 * and a failed page's message. Each list words its own failures, and its status unless the plain
 * "All 12 shown." will do once everything is listed.
 */
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type Props = {
  query: Pick<
    UseInfiniteQueryResult,
    "hasNextPage" | "isFetchingNextPage" | "isFetchNextPageError" | "isError" | "error"
  >;
  onLoadMore: () => void;
  /** "Showing the newest 10." and the like; without it (and `count`) the footer shows only while there is more. */
  status?: string;
  /** The number of items listed: once there is no more, the status is "All 12 shown." (or "That is the only one.") unless `status` is given. */
  count?: number;
  /** The failed page's message when the server sent none. */
  failedMessage: string;
  /** For lists that refetch their loaded pages (after a change): such a failure is shown too, with this when the server sent no message. */
  refreshFailedMessage?: string;
  /** A rule above the footer, for lists of rows. */
  divided?: boolean;
  /** No "Load more" for now, e.g. while the list is re-sorted. */
  paused?: boolean;
};

export function LoadMoreFooter({
  query,
  onLoadMore,
  status: worded,
  count,
  failedMessage,
  refreshFailedMessage,
  divided,
  paused,
}: Props) {
  const canLoadMore = query.hasNextPage && !paused;
  const status = worded ?? (count === undefined || query.hasNextPage ? undefined : allShown(count));
  return (
    <>
      {(canLoadMore || status !== undefined) && (
        <div className={cn("mt-4 flex flex-wrap items-center gap-3", divided && "border-t border-slate-100 pt-4")}>
          {canLoadMore && (
            <Button variant="secondary" size="sm" onClick={onLoadMore} pending={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          )}
          {status !== undefined && (
            <p className="text-xs text-slate-500" aria-live="polite">
              {status}
            </p>
          )}
        </div>
      )}
      {query.isFetchNextPageError && (
        <Alert className="mt-3">{`${query.error?.message ?? failedMessage} Press “Load more” to try again.`}</Alert>
      )}
      {refreshFailedMessage !== undefined && query.isError && !query.isFetchNextPageError && (
        <Alert className="mt-3">{query.error?.message ?? refreshFailedMessage}</Alert>
      )}
    </>
  );
}

function allShown(count: number) {
  return count === 1 ? "That is the only one." : `All ${count} shown.`;
}
