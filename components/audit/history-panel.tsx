"use client";
/**
 * A record's change history as a timeline, read from GET /api/audit a page at a time: who changed
 * what and when, field by field. Sensitive fields show only that they changed. Reusable for any
 * entity type; the server decides what the viewer may see (a refusal shows as the error state).
 *
 *   <HistoryPanel entityType="membership" title="Staff changes" businessId={business.businessId} />
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchApi } from "@/components/app/fetch-api";
import { LoadFailed } from "@/components/app/load-failed";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useLoadMore } from "@/components/app/use-load-more";
import type { AuditEntryDto, AuditPageDto } from "@/lib/audit/dto";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChangeGroup, groupChanges } from "./change-group";

type Props = {
  entityType: string;
  /** One record; omit (staff only) for every record of the type in the acting business. */
  entityId?: string;
  title?: string;
  description?: string;
  /** The business to read as (X-Business-Id), so the panel shows the same business as its page. */
  businessId?: string;
  /** Changes when the page's data changes (after a server action), so the history refetches. */
  revision?: string;
  pageSize?: number;
};

function fetchHistoryPage(
  { entityType, entityId, businessId, pageSize }: Props,
  cursor: string | null,
  signal: AbortSignal,
): Promise<AuditPageDto> {
  const params = new URLSearchParams({ entity_type: entityType, limit: String(pageSize ?? 20) });
  if (entityId) params.set("entity_id", entityId);
  if (cursor) params.set("cursor", cursor);
  return fetchApi(`/api/audit?${params}`, { businessId, signal, fallbackMessage: "The history could not be loaded." });
}

export function HistoryPanel(props: Props) {
  const { entityType, entityId, title = "History", description, businessId, revision } = props;
  const query = useInfiniteQuery({
    queryKey: ["audit", entityType, entityId ?? null, businessId ?? null, revision ?? null, props.pageSize ?? 20],
    queryFn: ({ pageParam, signal }) => fetchHistoryPage(props, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

  const entries = useMemo<AuditEntryDto[]>(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const groups = useMemo(() => groupChanges(entries), [entries]);

  const { itemRef, loadMore } = useLoadMore(query, groups);

  return (
    <Card title={title} description={description}>
      {query.isPending ? (
        <HistorySkeleton />
      ) : query.isError && entries.length === 0 ? (
        <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : groups.length === 0 ? (
        <EmptyState
          title="No changes recorded yet"
          description="Changes appear here, newest first, as soon as they are made."
        />
      ) : (
        <>
          <ol className="ml-1.5 border-l border-slate-200" aria-label={title}>
            {groups.map((group, i) => (
              <ChangeGroup key={group.key} group={group} showSubject={!entityId} ref={itemRef(i)} />
            ))}
          </ol>
          <LoadMoreFooter
            query={query}
            onLoadMore={loadMore}
            status={
              query.hasNextPage
                ? `Showing the ${entries.length} newest changes.`
                : entries.length === 1
                  ? "That is the only change so far."
                  : `All ${entries.length} changes shown.`
            }
            failedMessage="Older changes could not be loaded."
          />
        </>
      )}
    </Card>
  );
}

function HistorySkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-5">
      <span className="sr-only">Loading history…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} aria-hidden className="flex animate-pulse gap-3">
          <div className="mt-1 size-2.5 shrink-0 rounded-full bg-slate-200" />
          <div className="flex-1 space-y-2">
            <div className="h-4 w-2/3 rounded bg-slate-200" />
            <div className="h-3 w-1/3 rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}
