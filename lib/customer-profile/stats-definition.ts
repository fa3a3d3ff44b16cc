/**
 * What profile_stats and profile_job_categories should hold, written once, as SQL over the raw
 * rows: the increments in ./stats.ts must always arrive at exactly this. Three callers read it:
 * - ./stats.ts inserts a customer's missing row from it (a new account's first counted step);
 * - ./stats-oracle.ts compares every stored row with it (tests, and an operator auditing a live
 *   database), which is what makes it an oracle: it never runs the `x = x + n` code it checks;
 * - the scale seed (lib/seed/scale.ts) loads every customer's row from it.
 * The demo seed computes the same figures in TypeScript from the world it builds
 * (lib/seed/demo/stats.ts), and the oracle holds it to this definition: a second witness, not a
 * second definition.
 *
 * The counters:
 * - jobs_posted: every job the customer posted;
 * - jobs_completed, jobs_cancelled: their jobs in each end state;
 * - reviews_received, rating1..5_count: their VISIBLE reviews, in total and by rating;
 * - last_active_at: the latest of the customer's own actions that leave a timestamp: joining,
 *   posting, booking, a message sent, a cancellation or withdrawal, a dispute, an order. Completing
 *   does not count: a job does not record which side completed it.
 *
 * Reviews, bookings and messages are reached through the customer's jobs, so one customer's
 * recomputation is a handful of index scans (jobs_customer_created_idx, then the job-keyed
 * indexes: customer_reviews_job_provider_key, bookings_job_key, job_messages_thread_idx), and the
 * whole database's is one hash aggregate per table.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** The profile_stats counters the definition yields, in this order, after `customer_id`. */
export const DEFINED_COUNTERS = [
  "jobs_posted",
  "jobs_completed",
  "jobs_cancelled",
  "reviews_received",
  "rating1_count",
  "rating2_count",
  "rating3_count",
  "rating4_count",
  "rating5_count",
] as const;
export type DefinedCounter = (typeof DEFINED_COUNTERS)[number];

/** `jobs_posted, jobs_completed, ...`: the counters, for a column list. */
export const definedCounterList = sql.raw(DEFINED_COUNTERS.join(", "));
/** Every column the definition yields: `customer_id`, the counters, then `last_active_at`. */
export const definedStatsColumnList = sql.raw(["customer_id", ...DEFINED_COUNTERS, "last_active_at"].join(", "));

/**
 * The customers a recomputation covers: a condition on `customers c` (`sql\`true\`` for all).
 * Every table below is read only for them.
 */
function scope(customers: SQL): SQL {
  return sql`select c.id, c.created_at from customers c where ${customers}`;
}

/**
 * One row per customer matching `customers` (a condition on `customers c`): `customer_id`, every
 * counter of DEFINED_COUNTERS and `last_active_at`, as the raw rows say they should be. A derived table: use it
 * as `from (${expectedProfileStats(...)}) e`.
 */
export function expectedProfileStats(customers: SQL): SQL {
  return sql`
    with scope as (${scope(customers)}),
    j as (
      select j.customer_id, count(*)::int as posted,
        count(*) filter (where j.status = 'completed')::int as completed,
        count(*) filter (where j.status = 'cancelled')::int as cancelled,
        max(j.created_at) as last_posted,
        max(j.cancelled_at) filter (where j.cancelled_by = 'customer') as last_cancelled,
        max(b.created_at) as last_booked
      from jobs j left join bookings b on b.job_id = j.id and b.customer_id = j.customer_id
      where j.customer_id in (select id from scope) group by j.customer_id),
    r as (
      select rj.customer_id, count(*) filter (where cr.is_visible)::int as visible,
        count(*) filter (where cr.is_visible and cr.rating = 1)::int as r1,
        count(*) filter (where cr.is_visible and cr.rating = 2)::int as r2,
        count(*) filter (where cr.is_visible and cr.rating = 3)::int as r3,
        count(*) filter (where cr.is_visible and cr.rating = 4)::int as r4,
        count(*) filter (where cr.is_visible and cr.rating = 5)::int as r5,
        max(cr.disputed_at) as last_disputed
      from jobs rj join customer_reviews cr on cr.job_id = rj.id and cr.customer_id = rj.customer_id
      where rj.customer_id in (select id from scope) group by rj.customer_id),
    m as (
      select mj.customer_id, max(m.created_at) as last_message
      from jobs mj join job_messages m on m.job_id = mj.id
      where m.sender_role = 'customer' and mj.customer_id in (select id from scope) group by mj.customer_id),
    o as (
      select customer_id, max(placed_at) as last_order from order_snapshots
      where customer_id in (select id from scope) group by customer_id)
    select s.id as customer_id,
      coalesce(j.posted, 0) as jobs_posted,
      coalesce(j.completed, 0) as jobs_completed,
      coalesce(j.cancelled, 0) as jobs_cancelled,
      coalesce(r.visible, 0) as reviews_received,
      coalesce(r.r1, 0) as rating1_count, coalesce(r.r2, 0) as rating2_count, coalesce(r.r3, 0) as rating3_count,
      coalesce(r.r4, 0) as rating4_count, coalesce(r.r5, 0) as rating5_count,
      greatest(s.created_at, j.last_posted, j.last_cancelled, j.last_booked, m.last_message, r.last_disputed, o.last_order)
        as last_active_at
    from scope s
    left join j on j.customer_id = s.id left join r on r.customer_id = s.id
    left join m on m.customer_id = s.id left join o on o.customer_id = s.id`;
}

/**
 * One row per (customer, category) the customers matching `customers` posted in, with `jobs`: what
 * profile_job_categories should hold. A derived table, like expectedProfileStats.
 */
export function expectedJobCategories(customers: SQL): SQL {
  return sql`
    select customer_id, category, count(*)::int as jobs from jobs
    where customer_id in (select id from (${scope(customers)}) scope) group by customer_id, category`;
}

/** `c.id in (...)` for a list of customer ids (none: no customer). */
export function customersIn(ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`c.id in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}
