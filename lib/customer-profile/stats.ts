/**
 * Keeping profile_stats exact: every marketplace change adjusts the customer's counters in its own
 * transaction, with `x = x + n` so concurrent changes never lose an update (the row lock
 * serialises them; no read-modify-write in the application).
 *
 * What the counters mean is written once, in ./stats-definition.ts (the SQL that recomputes them
 * from the raw rows); each step here must move them exactly as that definition would.
 *
 * A customer without a row yet (a new account) gets one inserted from that definition, whose raw
 * rows already include this transaction's change; if another transaction inserts it first, the
 * insert turns into the same increment. Either way the counters equal the recomputation.
 * orders_count and total_spent_minor belong to the orders feature and are not touched here.
 */
import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profileJobCategories, profileStats } from "@/db/schema";
import {
  definedCounterList,
  definedStatsColumnList,
  expectedProfileStats,
  type DefinedCounter,
} from "./stats-definition";

const COUNTERS = {
  jobsPosted: "jobs_posted",
  jobsCompleted: "jobs_completed",
  jobsCancelled: "jobs_cancelled",
  jobsWithdrawn: "jobs_withdrawn",
  jobsCancelledByProvider: "jobs_cancelled_by_provider",
  reviewsReceived: "reviews_received",
  rating1Count: "rating1_count",
  rating2Count: "rating2_count",
  rating3Count: "rating3_count",
  rating4Count: "rating4_count",
  rating5Count: "rating5_count",
} as const satisfies Record<string, DefinedCounter>;

export type StatsCounter = keyof typeof COUNTERS;
export type StatsDelta = Partial<Record<StatsCounter, number>>;

/** The histogram column of a rating (1 to 5). */
function ratingCounter(rating: number): StatsCounter {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new Error(`A rating is 1 to 5, not ${rating}`);
  return `rating${rating}Count` as StatsCounter;
}

/** A visible review arriving (+1) or leaving (-1) the customer's visible set. */
export function visibleReviewDelta(rating: number, sign: 1 | -1): StatsDelta {
  return { reviewsReceived: sign, [ratingCounter(rating)]: sign };
}

/**
 * Applies `delta` to the customer's counters; `active` also moves last_active_at to now (the
 * customer themself acted).
 */
export async function bumpProfileStats(
  tx: Database,
  customerId: string,
  delta: StatsDelta,
  options: { active?: boolean } = {},
): Promise<void> {
  const entries = (Object.entries(delta) as [StatsCounter, number][]).filter(([, n]) => n !== 0);
  if (entries.length === 0 && !options.active) return;

  const set: { [K in StatsCounter | "lastActiveAt"]?: SQL } = {};
  for (const [key, n] of entries) set[key] = sql`${profileStats[key]} + ${n}`;
  // greatest() skips nulls: a row never active before takes now().
  if (options.active) set.lastActiveAt = sql`greatest(${profileStats.lastActiveAt}, now())`;

  const updated = await tx
    .update(profileStats)
    .set(set)
    .where(eq(profileStats.customerId, customerId))
    .returning({ customerId: profileStats.customerId });
  if (updated.length > 0) return;

  const onConflict = sql.join(
    [
      ...entries.map(
        ([key, n]) => sql`${sql.identifier(COUNTERS[key])} = profile_stats.${sql.identifier(COUNTERS[key])} + ${n}`,
      ),
      ...(options.active ? [sql`last_active_at = greatest(profile_stats.last_active_at, now())`] : []),
    ],
    sql`, `,
  );
  // The row as the raw rows say it should be (lib/customer-profile/stats-definition.ts), which
  // already include this transaction's change; `active` puts now() in last_active_at as well.
  await tx.execute(sql`
    insert into profile_stats (${definedStatsColumnList})
    select customer_id, ${definedCounterList}, greatest(last_active_at, ${options.active ? sql`now()` : sql`null`})
    from (${expectedProfileStats(sql`c.id = ${customerId}`)}) expected
    on conflict (customer_id) do update set ${onConflict}`);
}

/** One more job posted in `category`: the per-category count behind the profile's top categories. */
export async function countJobCategory(tx: Database, customerId: string, category: string): Promise<void> {
  await tx
    .insert(profileJobCategories)
    .values({ customerId, category, jobs: 1 })
    .onConflictDoUpdate({
      target: [profileJobCategories.customerId, profileJobCategories.category],
      set: { jobs: sql`${profileJobCategories.jobs} + 1` },
    });
}
