/** What the provider-profile routes and the customer's "who viewed me" route accept. */
import { z } from "zod";
import { pageCursor, pageLimit } from "@/lib/http/page-query";
import { id } from "@/lib/inputs";

export const REVIEWS_PAGE_DEFAULT = 10;
export const REVIEWS_PAGE_MAX = 50;

export const REVIEW_SORTS = ["recent", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** A malformed id is a 400 from the wrapper, before any query runs. */
export const customerParams = z.object({
  customerId: id("That is not a customer id.").meta({ description: "The customer's id." }),
});

const cursor = pageCursor("The `next_cursor` of the previous page, with the same sort; omit for the first page.");

export const reviewsQuery = z.object({
  sort: z
    .enum(REVIEW_SORTS, "Sort by recent, highest or lowest.")
    .default("recent")
    .meta({ description: "recent: newest first; highest / lowest: by rating, newest first within a rating." }),
  limit: pageLimit(REVIEWS_PAGE_MAX, REVIEWS_PAGE_DEFAULT, "Reviews"),
  cursor,
});
export type ReviewsQuery = z.output<typeof reviewsQuery>;
