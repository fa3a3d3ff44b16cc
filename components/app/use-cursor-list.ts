"use client";
/**
 * A list read a page at a time from one of our cursor-paged GET endpoints (?limit, its filters,
 * ?cursor), with "Load more" (useLoadMore). When the server rendered the first page, the list starts
 * from it, so it is there before any script runs; further pages are read with the same filters,
 * page size and business.
 *
 *   const { query, items, itemRef, loadMore } = useCursorList({
 *     key: ["provider-jobs", "open"], path: "/api/jobs", filters: { category }, items: "jobs", ...
 *   });
 */
import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchApi } from "./fetch-api";
import { useLoadMore } from "./use-load-more";

type CursorPage = { pagination: { next_cursor: string | null } };
/** The page's fields that hold the listed items. */
type ItemsField<Page> = { [F in keyof Page]: Page[F] extends readonly unknown[] ? F : never }[keyof Page];
type ItemOf<Page, F extends keyof Page> = Page[F] extends readonly (infer Item)[] ? Item : never;

type Options<Page extends CursorPage, F extends ItemsField<Page>> = {
  /** The query key's start (its filters, business and page size follow); invalidating it refetches the list. */
  key: QueryKey;
  /** The endpoint, e.g. "/api/customer/jobs". */
  path: string;
  /** The list's query parameters besides limit and cursor; unset ones are left out. */
  filters?: Record<string, string | null | undefined>;
  /** The page's field that holds the items, e.g. "jobs". */
  items: F;
  /** The server's page size, so every page matches the first. */
  pageSize: number;
  /** The business to read as (X-Business-Id), so every page is read as the same one. */
  businessId?: string;
  /** The first page, when the server rendered it; without it the list starts pending. */
  initialPage?: Page;
  /** How long the pages outlive the list once it is no longer shown (TanStack's five minutes by default). */
  gcTime?: number;
  /** A failed page's message when the server sent none. */
  fallbackMessage: string;
};

export function useCursorList<Page extends CursorPage, F extends ItemsField<Page>>({
  key,
  path,
  filters = {},
  items: field,
  pageSize,
  businessId,
  initialPage,
  gcTime,
  fallbackMessage,
}: Options<Page, F>) {
  const query = useInfiniteQuery({
    queryKey: [...key, filters, businessId ?? null, pageSize],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
      if (pageParam) params.set("cursor", pageParam);
      return fetchApi<Page>(`${path}?${params}`, { businessId, signal, fallbackMessage });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.pagination.next_cursor,
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    gcTime,
  });
  // No data only while a list the server did not render reads its first page.
  const items = useMemo(
    () => query.data?.pages.flatMap((page) => page[field] as readonly ItemOf<Page, F>[]) ?? [],
    [query.data, field],
  );
  return { query, items, ...useLoadMore(query, items) };
}
