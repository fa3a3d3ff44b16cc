/**
 * One job thread's data in the browser. The newest page is polled (every 5 s while the tab is
 * visible) and merged into what was already seen, so the conversation only ever grows; earlier
 * pages are loaded on request from the cursor before the oldest message seen, and never refetched
 * (messages cannot change). A message sent here joins the conversation at once.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, fetchApi, fetchOrFail } from "@/components/app/fetch-api";
import type { MessageDto } from "@/lib/marketplace/messages/dto";
import type { JobMessagePageDto, JobThreadMessageDto } from "@/lib/marketplace/messages/dto";

const PAGE_SIZE = 30;
const POLL_MS = 5_000;

export type ThreadMessage = JobThreadMessageDto;

/** Everything seen of the newest part of the thread, oldest to newest. */
export type LiveThread = {
  viewerRole: JobMessagePageDto["viewer_role"];
  messages: ThreadMessage[];
  /** The cursor before the oldest of `messages`, for "Load earlier messages"; null when there is nothing earlier. */
  olderCursor: string | null;
  /** The other side's messages the last poll brought, for the screen-reader announcement. */
  arrived: ThreadMessage[];
};

const byTime = (a: ThreadMessage, b: ThreadMessage) => Date.parse(a.created_at) - Date.parse(b.created_at);

/** The newest page folded into what was seen: new messages join in time order (a stable sort keeps the server's order within a millisecond). */
function mergeNewest(seen: LiveThread | undefined, page: JobMessagePageDto): LiveThread {
  const known = new Set(seen?.messages.map((m) => m.message_id));
  const fresh = page.messages.filter((m) => !known.has(m.message_id));
  // More arrived between two polls than a page holds: start again from this page rather than leave a hole.
  const gap = seen !== undefined && page.pagination.has_more && fresh.length === page.messages.length;
  if (!seen || gap) {
    return {
      viewerRole: page.viewer_role,
      messages: page.messages,
      olderCursor: page.pagination.next_cursor,
      arrived: gap ? fresh.filter((m) => m.sender_role !== page.viewer_role) : [],
    };
  }
  if (fresh.length === 0) return seen.arrived.length === 0 ? seen : { ...seen, arrived: [] };
  return {
    ...seen,
    messages: [...seen.messages, ...fresh].sort(byTime),
    arrived: fresh.filter((m) => m.sender_role !== seen.viewerRole),
  };
}

function withSent(seen: LiveThread | undefined, sent: MessageDto): LiveThread | undefined {
  if (!seen || seen.messages.some((m) => m.message_id === sent.message_id)) return seen;
  const message: ThreadMessage = {
    message_id: sent.message_id,
    sender_role: sent.sender_role,
    sender_name: "You",
    body: sent.body,
    created_at: sent.created_at,
  };
  return { ...seen, messages: [...seen.messages, message].sort(byTime), arrived: [] };
}

function fetchPage(jobId: string, providerBusinessId: string, before: string | null, signal: AbortSignal) {
  const params = new URLSearchParams({ provider_business_id: providerBusinessId, limit: String(PAGE_SIZE) });
  if (before) params.set("before", before);
  return fetchApi<JobMessagePageDto>(`/api/jobs/${encodeURIComponent(jobId)}/messages?${params}`, {
    signal,
    fallbackMessage: "The conversation could not be loaded.",
  });
}

export function useThread(jobId: string, providerBusinessId: string, canWrite: boolean) {
  const client = useQueryClient();
  const liveKey = ["job-thread", jobId, providerBusinessId, "live"] as const;
  const live = useQuery({
    queryKey: liveKey,
    // Merged with what the cache holds when the page arrives, so a message sent meanwhile stays.
    queryFn: async ({ signal }) =>
      mergeNewest(client.getQueryData<LiveThread>(liveKey), await fetchPage(jobId, providerBusinessId, null, signal)),
    // A closed thread takes no more messages, so there is nothing to wait for. TanStack pauses the
    // interval while the tab is hidden (refetchIntervalInBackground is false).
    refetchInterval: canWrite ? POLL_MS : false,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });

  const olderCursor = live.data?.olderCursor ?? null;
  const [wantsOlder, setWantsOlder] = useState(false);
  const older = useInfiniteQuery({
    queryKey: ["job-thread", jobId, providerBusinessId, "older", olderCursor],
    queryFn: ({ pageParam, signal }) => fetchPage(jobId, providerBusinessId, pageParam, signal),
    initialPageParam: olderCursor,
    getNextPageParam: (last) => last.pagination.next_cursor,
    enabled: wantsOlder && olderCursor !== null,
    staleTime: Infinity,
  });

  const earlier = [...(older.data?.pages ?? [])].reverse().flatMap((p) => p.messages);
  // Until the first earlier page has arrived (or after it failed), the button stays for another try.
  const hasEarlier = wantsOlder && older.data ? older.hasNextPage : olderCursor !== null;
  return {
    live,
    older,
    messages: [...earlier, ...(live.data?.messages ?? [])],
    earlierCount: earlier.length,
    hasEarlier,
    loadingEarlier: wantsOlder && (older.isPending || older.isFetchingNextPage),
    loadEarlier: () => {
      if (!wantsOlder) setWantsOlder(true);
      else if (!older.data) void older.refetch();
      else void older.fetchNextPage();
    },
    appendSent: (sent: MessageDto) => client.setQueryData<LiveThread>(liveKey, (seen) => withSent(seen, sent)),
  };
}

/**
 * POSTs a message; a refusal's message (the field's, for a 400) is the error to show by the form,
 * and a network failure is an ApiError of status 0 (fetchOrFail).
 */
export async function postMessage(jobId: string, providerBusinessId: string, body: string): Promise<MessageDto> {
  const response = await fetchOrFail(`/api/jobs/${encodeURIComponent(jobId)}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ body, provider_business_id: providerBusinessId }),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = json?.error;
    throw new ApiError(
      error?.field_errors?.body?.join(" ") ?? error?.message ?? "The message could not be sent. Try again.",
      response.status,
    );
  }
  return json as MessageDto;
}
