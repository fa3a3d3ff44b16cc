"use client";
/** Below a paged list: "Load more" while there is more, a count for screen readers, and a failed page's message. */
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props = {
  query: Pick<UseInfiniteQueryResult, "hasNextPage" | "isFetchingNextPage" | "isFetchNextPageError" | "error">;
  onLoadMore: () => void;
  status: string;
  failedMessage: string;
};

export function LoadMoreFooter({ query, onLoadMore, status, failedMessage }: Props) {
  return (
    <>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {query.hasNextPage && (
          <Button variant="secondary" size="sm" onClick={onLoadMore} pending={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        )}
        <p className="text-xs text-slate-500" aria-live="polite">
          {status}
        </p>
      </div>
      {query.isFetchNextPageError && (
        <Alert className="mt-3">{`${query.error?.message ?? failedMessage} Press “Load more” to try again.`}</Alert>
      )}
    </>
  );
}
