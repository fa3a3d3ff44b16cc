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
 * - jobs_completed: their completed jobs;
 * - jobs_cancelled: jobs the CUSTOMER called off after booking a provider: the only cancellations
 *   that count against them (the provider's view, its rates and the `reliable` badge);
 * - jobs_withdrawn: jobs the customer cancelled before booking anyone, which let nobody down;
 * - jobs_cancelled_by_provider: jobs the booked provider cancelled, which the customer did not do;
 *   these two are the customer's own information (their /me page), shown to no provider;
 * - reviews_received, rating1..5_count: their VISIBLE reviews, in total and by rating;
 * - last_active_at: the latest of the customer's own actions that leave a timestamp: joining,
 *   posting, booking, a message sent, a cancellation or withdrawal, a dispute, an order. Completing
 *   does not count: a job does not record which side completed it.
 *
 * Who cancelled is jobs.cancelled_by; whether a provider was booked is the job's row in bookings
 * (a cancelled job keeps it).
 *
 * One customer's recomputation is a handful of index scans (see Customers below), the whole
 * database's one hash aggregate per table.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** The profile_stats counters the definition yields, in this order, after `customer_id`. */
export const DEFINED_COUNTERS = [
  "jobs_posted",
  "jobs_completed",
  "jobs_cancelled",
  "jobs_withdrawn",
  "jobs_cancelled_by_provider",
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
 * Which customers a recomputation covers: a condition on `customers c`, or "all". The counters'
 * meaning (the aggregates below) is the same text either way; only how each table is narrowed to
 * the customers differs. "all" reads whole tables in one hash aggregate each, with no filter to pay
 * for; a set narrows every table to those customers along the indexes a handful of them needs
 * (jobs_customer_created_idx, then the job-keyed customer_reviews_job_provider_key, bookings_job_key
 * and job_messages_thread_idx, and order_snapshots_customer_idx): customer_reviews has no index on
 * customer_id alone, only partial ones over visible reviews, so its rows are found through the
 * customer's jobs.
 */
export type Customers = SQL | "all";

function narrowing(customers: Customers) {
  if (customers === "all") {
    return { scope: sql`select c.id, c.created_at from customers c`, where: () => sql``, and: () => sql`` };
  }
  const inScope = (column: string) => sql.raw(`${column} in (select id from scope)`);
  return {
    scope: sql`select c.id, c.created_at from customers c where ${customers}`,
    where: (column: string) => sql`where ${inScope(column)}`,
    and: (column: string) => sql`and ${inScope(column)}`,
  };
}

/**
 * One row per customer of `customers`: `customer_id`, every counter of DEFINED_COUNTERS and
 * `last_active_at`, as the raw rows say they should be. A derived table: use it as
 * `from (${expectedProfileStats(...)}) e`.
 */
export function expectedProfileStats(customers: Customers): SQL {
  const n = narrowing(customers);
  const reviewsOfScope =
    customers === "all"
      ? sql``
      : sql`where cr.job_id in (select id from jobs where customer_id in (select id from scope)) ${n.and("cr.customer_id")}`;
  return sql`
    with scope as (${n.scope}),
    j as (
      select j.customer_id, count(*)::int as posted,
        count(*) filter (where j.status = 'completed')::int as completed,
        count(*) filter (where j.status = 'cancelled' and j.cancelled_by = 'customer' and b.id is not null)::int as cancelled,
        count(*) filter (where j.status = 'cancelled' and j.cancelled_by = 'customer' and b.id is null)::int as withdrawn,
        count(*) filter (where j.status = 'cancelled' and j.cancelled_by = 'provider')::int as cancelled_by_provider,
        max(j.created_at) as last_posted,
        max(j.cancelled_at) filter (where j.cancelled_by = 'customer') as last_cancelled,
        max(b.created_at) as last_booked
      from jobs j left join bookings b on b.job_id = j.id and b.customer_id = j.customer_id
      ${n.where("j.customer_id")} group by j.customer_id),
    r as (
      select cr.customer_id, count(*) filter (where cr.is_visible)::int as visible,
        count(*) filter (where cr.is_visible and cr.rating = 1)::int as r1,
        count(*) filter (where cr.is_visible and cr.rating = 2)::int as r2,
        count(*) filter (where cr.is_visible and cr.rating = 3)::int as r3,
        count(*) filter (where cr.is_visible and cr.rating = 4)::int as r4,
        count(*) filter (where cr.is_visible and cr.rating = 5)::int as r5,
        max(cr.disputed_at) as last_disputed
      from customer_reviews cr ${reviewsOfScope} group by cr.customer_id),
    m as (
      select mj.customer_id, max(m.created_at) as last_message
      from jobs mj join job_messages m on m.job_id = mj.id
      where m.sender_role = 'customer' ${n.and("mj.customer_id")} group by mj.customer_id),
    o as (
      select customer_id, max(placed_at) as last_order from order_snapshots
      ${n.where("customer_id")} group by customer_id)
    select s.id as customer_id,
      coalesce(j.posted, 0) as jobs_posted,
      coalesce(j.completed, 0) as jobs_completed,
      coalesce(j.cancelled, 0) as jobs_cancelled,
      coalesce(j.withdrawn, 0) as jobs_withdrawn,
      coalesce(j.cancelled_by_provider, 0) as jobs_cancelled_by_provider,
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
 * One row per (customer, category) the customers posted in, with `jobs`: what
 * profile_job_categories should hold. A derived table, like expectedProfileStats.
 */
export function expectedJobCategories(customers: Customers): SQL {
  const n = narrowing(customers);
  return sql`
    with scope as (${n.scope})
    select customer_id, category, count(*)::int as jobs from jobs ${n.where("customer_id")}
    group by customer_id, category`;
}

/** `c.id in (...)` for a list of customer ids (none: no customer). */
export function customersIn(ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`c.id in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}
