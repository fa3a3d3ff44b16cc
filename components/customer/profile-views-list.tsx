"use client";
/**
 * "Who viewed your profile": the provider businesses that looked, and when, newest first, a page at
 * a time from GET /api/customer/profile/views. The server renders the first page; the cache lives
 * only while the card is shown, so a later visit starts from a fresh first page.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ProfileViewsPageDto } from "@/lib/provider-profile/dto";
import { fetchApi } from "@/components/app/fetch-api";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useLoadMore } from "@/components/app/use-load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDateTime } from "./local-time";

type Props = { initialPage: ProfileViewsPageDto; pageSize: number };

export function ProfileViewsList({ initialPage, pageSize }: Props) {
  const query = useInfiniteQuery({
    queryKey: ["customer-profile-views", pageSize],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (pageParam) params.set("cursor", pageParam);
      return fetchApi<ProfileViewsPageDto>(`/api/customer/profile/views?${params}`, {
        signal,
        fallbackMessage: "More views could not be loaded.",
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.pagination.next_cursor,
    initialData: { pages: [initialPage], pageParams: [null] },
    gcTime: 0,
  });
  const views = useMemo(() => query.data.pages.flatMap((page) => page.views), [query.data]);
  const { itemRef, loadMore } = useLoadMore(query, views);

  if (views.length === 0) {
    return (
      <EmptyState
        title="No views yet"
        description="When a provider business looks at your profile, you will see which one and when here."
      />
    );
  }

  return (
    <>
      <ul aria-label="Profile views" className="divide-y divide-slate-100">
        {views.map((view, i) => (
          <li
            key={view.view_id}
            ref={itemRef(i)}
            tabIndex={-1}
            className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 py-3 text-sm outline-none focus-visible:rounded-lg focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <span className="font-medium text-slate-900">{view.provider_name}</span>
            <span className="text-slate-500">
              <LocalDateTime iso={view.viewed_at} />
            </span>
          </li>
        ))}
      </ul>
      <LoadMoreFooter query={query} onLoadMore={loadMore} divided failedMessage="More views could not be loaded." />
    </>
  );
}
