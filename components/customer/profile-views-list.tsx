"use client";
/**
 * "Who viewed your profile": the provider businesses that looked, and when, newest first, a page at
 * a time from GET /api/customer/profile/views. The server renders the first page; the cache lives
 * only while the card is shown, so a later visit starts from a fresh first page.
 */
import type { ProfileViewsPageDto } from "@/lib/customer-profile/dto";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useCursorList } from "@/components/app/use-cursor-list";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDateTime } from "./local-time";

type Props = { initialPage: ProfileViewsPageDto; pageSize: number };

export function ProfileViewsList({ initialPage, pageSize }: Props) {
  const {
    query,
    items: views,
    itemRef,
    loadMore,
  } = useCursorList({
    key: ["customer-profile-views"],
    path: "/api/customer/profile/views",
    items: "views",
    pageSize,
    initialPage,
    // Gone once the card is not shown, so a later visit starts from the server's fresh first page.
    gcTime: 0,
    fallbackMessage: "More views could not be loaded.",
  });

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
