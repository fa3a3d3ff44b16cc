/**
 * What the review routes send back: a new review, a dispute, a moderation decision, and the
 * moderation queue's pages.
 */
import { z } from "zod";
import { keysetPagination } from "@/lib/http/keyset";
import { at } from "@/lib/dto";

export const reviewCreatedDto = z
  .strictObject({
    review_id: z.uuid(),
    job_id: z.uuid(),
    customer_id: z.uuid(),
    provider_business_id: z.uuid(),
    rating: z.int().min(1).max(5),
    comment: z.string(),
    job_category: z.string(),
    is_visible: z.boolean(),
    created_at: at,
  })
  .meta({ id: "ReviewCreated" });
export type ReviewCreatedDto = z.infer<typeof reviewCreatedDto>;
export const disputeDto = z
  .strictObject({ review_id: z.uuid(), job_id: z.uuid(), disputed_at: at })
  .meta({ id: "ReviewDispute" });
export type DisputeDto = z.infer<typeof disputeDto>;
export const reviewVisibilityDto = z
  .strictObject({
    review_id: z.uuid(),
    is_visible: z.boolean(),
    /** False when the review already had this visibility: the administrator kept it as it was (still a recorded decision). */
    changed: z.boolean(),
  })
  .meta({ id: "ReviewVisibility" });
export type ReviewVisibilityDto = z.infer<typeof reviewVisibilityDto>;

export const moderationReviewDto = z
  .strictObject({
    review_id: z.uuid(),
    job_id: z.uuid(),
    job_title: z.string(),
    job_category: z.string(),
    rating: z.int().min(1).max(5),
    comment: z.string(),
    is_visible: z.boolean().meta({ description: "False once an administrator has hidden it." }),
    disputed_at: at.nullable(),
    dispute_reason: z.string().nullable().meta({ description: "The customer's words to the moderators." }),
    moderated_at: at.nullable().meta({
      description:
        "When an administrator last hid, showed or kept it; null if none has (in the queue: null, or before the dispute).",
    }),
    created_at: at,
    provider_business_id: z.uuid(),
    provider_name: z.string().meta({ description: "The reviewing provider business." }),
    customer_id: z.uuid(),
    customer_display_name: z.string().meta({
      description:
        'The reviewed customer\'s public name: the one they chose, or first name and last initial ("John D.").',
    }),
  })
  .meta({ id: "ModerationReview", description: "A review as platform moderators see it." });
export type ModerationReviewDto = z.infer<typeof moderationReviewDto>;
export const moderationPageDto = z
  .strictObject({
    reviews: z.array(moderationReviewDto),
    pagination: keysetPagination,
  })
  .meta({ id: "ModerationReviewPage", description: "A page of reviews to moderate." });
export type ModerationPageDto = z.infer<typeof moderationPageDto>;
