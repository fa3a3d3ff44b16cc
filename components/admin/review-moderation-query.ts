/** Reading the moderation lists from GET /api/admin/reviews, and the query key they share. */
import { fetchApi } from "@/components/app/fetch-api";
import type { ModerationPageDto, ModerationStatus } from "@/lib/marketplace/moderation";

/** The key prefix of every moderation list: invalidated after a review is hidden or shown. */
export const REVIEW_MODERATION_KEY = ["admin", "review-moderation"] as const;

export function fetchModerationPage(status: ModerationStatus, pageSize: number, cursor: string | null, signal: AbortSignal) {
  const params = new URLSearchParams({ status, limit: String(pageSize) });
  if (cursor) params.set("cursor", cursor);
  return fetchApi<ModerationPageDto>(`/api/admin/reviews?${params}`, {
    signal,
    fallbackMessage: "The reviews could not be loaded.",
  });
}
