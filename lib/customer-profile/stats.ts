/**
 * Keeping profile_stats exact: every marketplace change adjusts the customer's counters in its own
 * transaction, with `x = x + n` so concurrent changes never lose an update (the row lock
 * serialises them; no read-modify-write in the application).
 *
 * What the counters mean (and what a recomputation from the raw rows gives):
 * - jobs_posted, jobs_completed, jobs_cancelled: the customer's jobs, and those in each end state;
 * - reviews_received and rating1..5_count: their VISIBLE reviews, in total and by rating, so a
 *   hidden review leaves both (reviews_received is always the histogram's sum);
 * - last_active_at: the latest of the customer's own actions that leave a timestamp: joining,
 *   posting a job, booking, sending a message, cancelling, disputing, placing an order. Completing
 *   does not count: a job does not record which side completed it.
 *
 * A customer without a row yet (a new account) gets one computed from the raw rows, which already
 * include this transaction's change; if another transaction inserts it first, the insert turns
 * into the same increment. Either way the counters equal the recomputation.
 * orders_count and total_spent_minor belong to the orders feature and are not touched here.
 */
import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profileJobCategories, profileStats } from "@/db/schema";

const COUNTERS = {
  jobsPosted: "jobs_posted",
  jobsCompleted: "jobs_completed",
  jobsCancelled: "jobs_cancelled",
  reviewsReceived: "reviews_received",
  rating1Count: "rating1_count",
  rating2Count: "rating2_count",
  rating3Count: "rating3_count",
  rating4Count: "rating4_count",
  rating5Count: "rating5_count",
} as const;

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
  await tx.execute(sql`
    insert into profile_stats (customer_id, jobs_posted, jobs_completed, jobs_cancelled, reviews_received,
      rating1_count, rating2_count, rating3_count, rating4_count, rating5_count, last_active_at)
    select c.id, j.posted, j.completed, j.cancelled, r.n, r.r1, r.r2, r.r3, r.r4, r.r5,
      greatest(c.created_at, j.last_posted, j.last_cancelled,
        (select max(b.created_at) from jobs bj join bookings b on b.job_id = bj.id where bj.customer_id = c.id and b.customer_id = c.id),
        (select max(m.created_at) from job_messages m join jobs mj on mj.id = m.job_id
          where mj.customer_id = c.id and m.sender_role = 'customer'),
        r.last_disputed,
        (select max(o.placed_at) from order_snapshots o where o.customer_id = c.id),
        ${options.active ? sql`now()` : sql`null`})
    from customers c
    cross join lateral (
      select count(*)::int as posted,
        count(*) filter (where status = 'completed')::int as completed,
        count(*) filter (where status = 'cancelled')::int as cancelled,
        max(created_at) as last_posted,
        max(cancelled_at) filter (where cancelled_by = 'customer') as last_cancelled
      from jobs where customer_id = c.id) j
    cross join lateral (
      -- Through the customer's jobs: customer_reviews and bookings have no index on customer_id alone
      -- (only partial ones over visible reviews), and a review's customer is its job's.
      select count(*) filter (where is_visible)::int as n,
        count(*) filter (where is_visible and rating = 1)::int as r1,
        count(*) filter (where is_visible and rating = 2)::int as r2,
        count(*) filter (where is_visible and rating = 3)::int as r3,
        count(*) filter (where is_visible and rating = 4)::int as r4,
        count(*) filter (where is_visible and rating = 5)::int as r5,
        max(disputed_at) as last_disputed
      from jobs rj join customer_reviews cr on cr.job_id = rj.id where rj.customer_id = c.id and cr.customer_id = c.id) r
    where c.id = ${customerId}
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
