/**
 * What a provider may see of a customer, and what the customer sees of who looked. Every field is
 * named here and every object is strict: the query functions parse their answer through these
 * schemas, so a column added to a query cannot reach a response by accident (it fails loudly
 * instead). Contact details, addresses, payment details and the last name are simply not fields.
 */
import { z } from "zod";
import { keysetPagination } from "@/lib/http/keyset";
import { BADGE_TYPES } from "@/lib/customer-profile/badges";
import { rate, ratesReason } from "@/lib/customer-profile/dto";
import { at } from "@/lib/dto";

/** How many of the newest reviews and of the top job categories a profile carries. */
export const RECENT_REVIEWS = 5;
export const TOP_CATEGORIES = 5;

const rating = z.number().int().min(1).max(5);

export const profileCustomerDto = z
  .strictObject({
    customer_id: z.uuid(),
    display_name: z
      .string()
      .meta({ description: 'The chosen public name, or first name and last initial ("John D.").' }),
    avatar_url: z.string().nullable(),
    member_since: at.meta({ description: "When the customer joined." }),
    is_new: z.boolean().meta({ description: "Joined recently (see the new_customer badge)." }),
  })
  .meta({ id: "ProviderProfileCustomer" });

export const profileStatsDto = z
  .strictObject({
    avg_rating: z
      .number()
      .min(1)
      .max(5)
      .nullable()
      .meta({ description: "Mean rating of the visible reviews, to 2 decimals; null without reviews." }),
    review_count: z.number().int().min(0).meta({ description: "Visible reviews." }),
    jobs_posted_6mo: z.number().int().min(0).meta({ description: "Jobs posted in the last six months." }),
    jobs_completed: z.number().int().min(0).meta({ description: "Jobs completed with a provider." }),
    jobs_cancelled: z.number().int().min(0).meta({
      description:
        "Jobs the customer called off after booking a provider. A job withdrawn before any booking, and a job the provider cancelled, do not count.",
    }),
    completion_rate: rate.meta({
      description: "jobs_completed / finished jobs (jobs_completed + jobs_cancelled), a percentage to 2 decimals.",
    }),
    cancellation_rate: rate.meta({ description: "jobs_cancelled / finished jobs, a percentage to 2 decimals." }),
    rates_reason: ratesReason,
  })
  .meta({ id: "ProviderProfileStats" });

export const histogramBarDto = z.strictObject({ rating, count: z.number().int().min(0) });

/** Shared by both review shapes, so the profile and the review pages say it in the same words. */
const underDispute = z.boolean().meta({
  description:
    "The customer has disputed this review and no platform administrator has decided the dispute yet. " +
    "False again once one has (a review they hide is no longer shown at all).",
});

export const recentReviewDto = z.strictObject({
  rating,
  comment: z.string(),
  job_category: z.string(),
  review_date: at,
  under_dispute: underDispute,
});

export const jobCategoryDto = z.strictObject({ category: z.string(), count: z.number().int().min(1) });

export const badgeDto = z
  .strictObject({
    type: z.enum(BADGE_TYPES).meta({ description: "Which badge: a stable identifier." }),
    label: z.string().meta({ description: 'Its name, to show ("Reliable").' }),
    description: z.string().meta({ description: "What earned it, in a sentence." }),
  })
  .meta({
    id: "CustomerBadge",
    description:
      "A badge the customer has earned: `type` and `label`, then what more it says (thresholds in lib/customer-profile/badges.ts).",
  });

export const providerProfileDto = z
  .strictObject({
    customer: profileCustomerDto,
    stats: profileStatsDto,
    rating_histogram: z
      .array(histogramBarDto)
      .length(5)
      .meta({ description: "Visible reviews per rating, 5 stars first, for the chart." }),
    recent_reviews: z
      .array(recentReviewDto)
      .max(RECENT_REVIEWS)
      .meta({ description: `The ${RECENT_REVIEWS} newest visible reviews.` }),
    job_categories: z
      .array(jobCategoryDto)
      .max(TOP_CATEGORIES)
      .meta({ description: `The customer's ${TOP_CATEGORIES} most posted job categories.` }),
    badges: z.array(badgeDto),
  })
  .meta({ id: "ProviderProfile", description: "A customer's public profile, as a provider sees it." });
export type ProviderProfileDto = z.infer<typeof providerProfileDto>;

export const customerReviewDto = z
  .strictObject({
    review_id: z.uuid(),
    rating,
    comment: z.string(),
    job_category: z.string(),
    provider_name: z.string().meta({ description: "The reviewing provider business." }),
    review_date: at,
    formatted_date: z.string().meta({ description: 'The date for display, e.g. "March 3, 2026" (UTC).' }),
    under_dispute: underDispute,
  })
  .meta({ id: "CustomerReview" });
export type CustomerReviewDto = z.infer<typeof customerReviewDto>;

export const reviewsPageDto = z
  .strictObject({ reviews: z.array(customerReviewDto), pagination: keysetPagination })
  .meta({ id: "CustomerReviewPage", description: "A page of a customer's visible reviews." });
export type ReviewsPageDto = z.infer<typeof reviewsPageDto>;
