/**
 * The profile's figures from exact counts: the public name, the average rating from the rating
 * histogram, and the completion and cancellation rates with their minimum sample. Pure functions,
 * so the rules are tested without a database and the query stays a plain read of counters.
 */
import "server-only";
import { sql, type SQLWrapper } from "drizzle-orm";
import { nameWords, upperInitial } from "@/lib/graphemes";

/**
 * Below this many finished jobs the rates say too little to show. A finished job is one that was
 * completed, or that the customer called off after booking a provider; a job withdrawn before any
 * booking, or cancelled by the provider, is neither (lib/customer-profile/stats-definition.ts).
 */
export const MIN_FINISHED_JOBS_FOR_RATES = 3;

/**
 * The public name: the one the customer chose, else the first name and the initial of the last
 * name's last word ("John D.", "Zoë 😀 Quinn" -> "Zoë Q."). The initial is the whole first grapheme,
 * so "Ñ" typed as two code points, a flag or "👩‍🔬" stay whole. `lastName` may be the full last name
 * (the customer's own page) or, from the provider-facing queries, only the start of its last word
 * (lastNameInitialSql): the rest never leaves the database, and only the initial reaches a client.
 */
export function publicDisplayName(displayName: string | null, firstName: string, lastName: string): string {
  const chosen = displayName?.trim();
  if (chosen) return chosen;
  const first = firstName.trim();
  const initial = upperInitial(nameWords(lastName).at(-1) ?? "");
  return initial ? `${first} ${initial}.` : first;
}

/**
 * Code points of the last name's last word a query selects for publicDisplayName: enough for any
 * one grapheme a name starts with (the longest emoji sequences are 10), so JavaScript can cut
 * it whole, while the rest of the last name stays in the database.
 */
const LAST_WORD_PREFIX = 16;

/** The start of `lastName`'s last word, in SQL: what publicDisplayName needs, and no more. */
export const lastNameInitialSql = (lastName: SQLWrapper) =>
  sql<string>`left(regexp_replace(btrim(${lastName}), '^.*[[:space:]]', ''), ${sql.raw(String(LAST_WORD_PREFIX))})`;

/** n/d rounded half up to 2 decimals, in integer arithmetic up to the last division. */
function round2(numerator: number, denominator: number): number {
  return Math.round((numerator * 100) / denominator) / 100;
}

/** counts[i] = visible reviews with rating i + 1. */
export type RatingCounts = readonly [number, number, number, number, number];

export function ratingSummary(counts: RatingCounts) {
  const reviewCount = counts.reduce((a, b) => a + b, 0);
  const ratingSum = counts.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    reviewCount,
    ratingSum,
    avgRating: reviewCount === 0 ? null : round2(ratingSum, reviewCount),
    /** 5 stars first, as the chart draws it. */
    histogram: [5, 4, 3, 2, 1].map((rating) => ({ rating, count: counts[rating - 1]! })),
  };
}

export type Rates =
  | { completionRate: number; cancellationRate: number; reason: null }
  | { completionRate: null; cancellationRate: null; reason: "too_few_finished_jobs" };

/**
 * Shares of finished jobs only, so an open or booked job, a withdrawn one and a provider's
 * cancellation never count against the customer. `cancelled` is the customer's own cancellations
 * after booking (profile_stats.jobs_cancelled).
 */
export function finishedJobRates(completed: number, cancelled: number): Rates {
  const finished = completed + cancelled;
  if (finished < MIN_FINISHED_JOBS_FOR_RATES) {
    return { completionRate: null, cancellationRate: null, reason: "too_few_finished_jobs" };
  }
  return {
    completionRate: round2(completed * 100, finished),
    cancellationRate: round2(cancelled * 100, finished),
    reason: null,
  };
}
