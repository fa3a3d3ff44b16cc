/** The query key the moderation lists share. */

/** The key prefix of every moderation list: invalidated after a review is hidden or shown. */
export const REVIEW_MODERATION_KEY = ["admin", "review-moderation"] as const;
