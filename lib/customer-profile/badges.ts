/**
 * The badges a provider sees on a customer's profile, and the one table of their thresholds:
 * change a number here and the profile, its docs (docs/provider-profile.md) and the tests follow.
 * Comparisons are made on exact integers (never on the rounded figures shown), so a customer just
 * under a threshold is not lifted over it by rounding.
 */

export const BADGE_THRESHOLDS = {
  /** Joined within this many days; also what `customer.is_new` means. */
  new_customer: { maxAccountAgeDays: 30 },
  /** Posted at least this many jobs in the last six months. */
  frequent_poster: { minJobsPosted6mo: 5 },
  /**
   * Completed at least this share of their finished jobs, over a sample of at least this many;
   * finished as the rates count it (completed, or called off by the customer after booking).
   */
  reliable: { minFinishedJobs: 5, minCompletionPercent: 90 },
  /** Averages at least this rating over at least this many visible reviews. */
  highly_rated: { minReviews: 5, minAvgRating: 4.5 },
} as const;

/** A badge's stable identifier: `type` in the API, as in the seed document's `{type, label}`. */
export type BadgeType = keyof typeof BADGE_THRESHOLDS;
export const BADGE_TYPES = Object.keys(BADGE_THRESHOLDS) as [BadgeType, ...BadgeType[]];

const t = BADGE_THRESHOLDS;
const BADGE_TEXT: Record<BadgeType, { label: string; description: string }> = {
  new_customer: { label: "New customer", description: `Joined in the last ${t.new_customer.maxAccountAgeDays} days.` },
  frequent_poster: {
    label: "Frequent poster",
    description: `Posted ${t.frequent_poster.minJobsPosted6mo} or more jobs in the last six months.`,
  },
  reliable: {
    label: "Reliable",
    description: `Completed at least ${t.reliable.minCompletionPercent}% of ${t.reliable.minFinishedJobs} or more finished jobs (only cancellations they made after booking count against them).`,
  },
  highly_rated: {
    label: "Highly rated",
    description: `Averages ${t.highly_rated.minAvgRating} stars or more over ${t.highly_rated.minReviews} or more reviews.`,
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The exact figures badges are judged on. */
export type BadgeFacts = {
  memberSince: Date;
  now: Date;
  jobsPosted6mo: number;
  jobsCompleted: number;
  /** Called off by the customer after booking (profile_stats.jobs_cancelled). */
  jobsCancelled: number;
  reviewCount: number;
  /** The sum of the visible reviews' ratings (the histogram weighted by rating). */
  ratingSum: number;
};

export function isNewCustomer(memberSince: Date, now: Date): boolean {
  return now.getTime() - memberSince.getTime() < t.new_customer.maxAccountAgeDays * DAY_MS;
}

/** Which badges the facts earn, in the table's order. */
export function earnedBadges(f: BadgeFacts): BadgeType[] {
  const finished = f.jobsCompleted + f.jobsCancelled;
  const earned: Record<BadgeType, boolean> = {
    new_customer: isNewCustomer(f.memberSince, f.now),
    frequent_poster: f.jobsPosted6mo >= t.frequent_poster.minJobsPosted6mo,
    reliable:
      finished >= t.reliable.minFinishedJobs && f.jobsCompleted * 100 >= t.reliable.minCompletionPercent * finished,
    highly_rated:
      f.reviewCount >= t.highly_rated.minReviews && f.ratingSum >= t.highly_rated.minAvgRating * f.reviewCount,
  };
  return BADGE_TYPES.filter((type) => earned[type]);
}

/** A badge as the API gives it: `type` and `label` first, then what more it says (`description`). */
export function badgeView(type: BadgeType) {
  return { type, ...BADGE_TEXT[type] };
}
