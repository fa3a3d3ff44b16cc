"use client";
/**
 * "Load more" for an infinite query, with focus moved to the first newly loaded item, so keyboard
 * and screen-reader users continue where the new content starts (and do not lose focus when the
 * button goes away). If the page fails, focus stays on the button for another try.
 */
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

export function useLoadMore(
  query: Pick<UseInfiniteQueryResult, "fetchNextPage" | "isFetchingNextPage" | "isFetchNextPageError">,
  items: readonly unknown[],
) {
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null || query.isFetchingNextPage) return;
    if (query.isFetchNextPageError) {
      focusFrom.current = null;
      return;
    }
    const target = itemRefs.current[focusFrom.current] ?? itemRefs.current[focusFrom.current - 1];
    focusFrom.current = null;
    target?.focus();
  }, [items, query.isFetchingNextPage, query.isFetchNextPageError]);

  return {
    /** The ref callback for the item at `index`. */
    itemRef: (index: number) => (el: HTMLLIElement | null) => {
      itemRefs.current[index] = el;
    },
    loadMore: () => {
      focusFrom.current = items.length;
      void query.fetchNextPage();
    },
  };
}
