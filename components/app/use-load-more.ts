"use client";
/**
 * "Load more" for an infinite query, with focus moved to the first newly loaded item, so keyboard
 * and screen-reader users continue where the new content starts (and do not lose focus when the
 * button goes away). If the page fails, focus stays on the button for another try. Lists whose
 * items can leave (a decided review) use focusNear to put focus where the item was.
 */
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

export function useLoadMore(
  query: Pick<UseInfiniteQueryResult, "fetchNextPage" | "isFetchingNextPage" | "isFetchNextPageError">,
  items: readonly unknown[],
) {
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const focusFrom = useRef<number | null>(null);
  /** Focuses the item at `index`, else the one before it (the list ends there); false when neither is listed. */
  const focusNear = (index: number) => {
    const target = itemRefs.current[index] ?? itemRefs.current[index - 1];
    target?.focus();
    return target != null;
  };
  useEffect(() => {
    if (focusFrom.current === null || query.isFetchingNextPage) return;
    const from = focusFrom.current;
    focusFrom.current = null;
    if (!query.isFetchNextPageError) focusNear(from);
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
    focusNear,
  };
}
