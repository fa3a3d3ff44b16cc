/**
 * What the review routes accept: reviews and disputes, moderation decisions, and the moderation
 * queue's filters and pages.
 */
import { z } from "zod";
import { pageCursor, pageLimit } from "@/lib/http/page-query";
import { id, plainText, text } from "@/lib/inputs";

export const MODERATION_STATUSES = ["disputed", "hidden"] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export const MODERATION_PAGE_DEFAULT = 20;
export const MODERATION_PAGE_MAX = 50;
export const moderationQuery = z.object({
  status: z
    .enum(MODERATION_STATUSES, "Choose disputed or hidden.")
    .default("disputed")
    .meta({
      description:
        "disputed: the queue, reviews a customer disputed that no administrator has decided on since, " +
        "most recently disputed first, hidden or not; hidden: hidden reviews, newest written first. Default: disputed.",
    }),
  limit: pageLimit(MODERATION_PAGE_MAX, MODERATION_PAGE_DEFAULT, "Reviews"),
  cursor: pageCursor("The `next_cursor` of the previous page, with the same status; omit for the first page."),
});
export type ModerationQuery = z.output<typeof moderationQuery>;

export const jobReviewParams = z.object({ jobId: id(), reviewId: id() });
export const reviewParams = z.object({ reviewId: id() });
export const reviewInput = z.object({
  rating: z.int("A rating is a whole number from 1 to 5.").min(1, "At least 1.").max(5, "At most 5."),
  comment: plainText(2000).default(""),
});
export type ReviewInput = z.output<typeof reviewInput>;
export const disputeInput = z.object({ reason: text(2000, "Say what is wrong with this review.") });
export type DisputeInput = z.output<typeof disputeInput>;
export const reviewVisibilityInput = z.object({ is_visible: z.boolean("true shows the review, false hides it.") });
