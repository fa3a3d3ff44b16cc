/**
 * The oracle for profile_stats and profile_job_categories: every customer's counters recomputed
 * from the raw rows in one plain SQL query, written independently of the increments in ./stats.ts, and compared with the
 * stored row. Tests (the marketplace's random sequences, the seeds) assert it finds nothing; an
 * operator can run it to audit a live database.
 *
 * A customer without a row is fine while nothing counts for them yet (a new account); once
 * anything does, the row must exist and agree, last_active_at included.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";

type StatsMismatch = {
  customer_id: string;
  stored: Record<string, unknown> | null;
  expected: Record<string, unknown>;
};

export async function profileStatsMismatches(db: Database, customerIds?: string[]): Promise<StatsMismatch[]> {
  const scope: SQL = customerIds
    ? customerIds.length
      ? sql`where c.id in (${sql.join(
          customerIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`where false`
    : sql``;
  // One aggregate pass per table (hash joins over the whole database, index scans for a few ids),
  // not a subquery per customer: some of these tables have no index on customer_id.
  const { rows } = await db.execute<StatsMismatch>(sql`
    with scope as (select c.id, c.created_at from customers c ${scope}),
    j as (
      select customer_id, count(*)::int as posted,
        count(*) filter (where status = 'completed')::int as completed,
        count(*) filter (where status = 'cancelled')::int as cancelled,
        max(created_at) as last_posted,
        max(cancelled_at) filter (where cancelled_by = 'customer') as last_cancelled
      from jobs where customer_id in (select id from scope) group by customer_id),
    r as (
      select customer_id, count(*) filter (where is_visible)::int as visible,
        count(*) filter (where is_visible and rating = 1)::int as r1,
        count(*) filter (where is_visible and rating = 2)::int as r2,
        count(*) filter (where is_visible and rating = 3)::int as r3,
        count(*) filter (where is_visible and rating = 4)::int as r4,
        count(*) filter (where is_visible and rating = 5)::int as r5,
        max(disputed_at) as last_disputed
      from customer_reviews where customer_id in (select id from scope) group by customer_id),
    b as (select customer_id, max(created_at) as last_booked from bookings
      where customer_id in (select id from scope) group by customer_id),
    m as (select mj.customer_id, max(m.created_at) as last_message from job_messages m join jobs mj on mj.id = m.job_id
      where m.sender_role = 'customer' and mj.customer_id in (select id from scope) group by mj.customer_id),
    o as (select customer_id, max(placed_at) as last_order from order_snapshots
      where customer_id in (select id from scope) group by customer_id),
    jc as (select customer_id, jsonb_object_agg(category, n) as categories
      from (select customer_id, category, count(*)::int as n from jobs
            where customer_id in (select id from scope) group by customer_id, category) per_category
      group by customer_id),
    sc as (select customer_id, jsonb_object_agg(category, jobs) as categories from profile_job_categories
      where customer_id in (select id from scope) group by customer_id),
    expected as (
      select s.id as customer_id,
        coalesce(j.posted, 0) as jobs_posted, coalesce(j.completed, 0) as jobs_completed,
        coalesce(j.cancelled, 0) as jobs_cancelled, coalesce(r.visible, 0) as reviews_received,
        coalesce(r.r1, 0) as rating1_count, coalesce(r.r2, 0) as rating2_count, coalesce(r.r3, 0) as rating3_count,
        coalesce(r.r4, 0) as rating4_count, coalesce(r.r5, 0) as rating5_count,
        greatest(s.created_at, j.last_posted, j.last_cancelled, b.last_booked, m.last_message, r.last_disputed, o.last_order)
          as last_active_at,
        coalesce(jc.categories, '{}'::jsonb) as job_categories,
        coalesce(sc.categories, '{}'::jsonb) as stored_job_categories
      from scope s
      left join j on j.customer_id = s.id left join r on r.customer_id = s.id left join b on b.customer_id = s.id
      left join m on m.customer_id = s.id left join o on o.customer_id = s.id
      left join jc on jc.customer_id = s.id left join sc on sc.customer_id = s.id
    )
    select e.customer_id,
      case when s.customer_id is null then null else json_build_object(
        'jobs_posted', s.jobs_posted, 'jobs_completed', s.jobs_completed, 'jobs_cancelled', s.jobs_cancelled,
        'reviews_received', s.reviews_received, 'rating1_count', s.rating1_count, 'rating2_count', s.rating2_count,
        'rating3_count', s.rating3_count, 'rating4_count', s.rating4_count, 'rating5_count', s.rating5_count,
        'last_active_at', s.last_active_at, 'job_categories', e.stored_job_categories) end as stored,
      json_build_object(
        'jobs_posted', e.jobs_posted, 'jobs_completed', e.jobs_completed, 'jobs_cancelled', e.jobs_cancelled,
        'reviews_received', e.reviews_received, 'rating1_count', e.rating1_count, 'rating2_count', e.rating2_count,
        'rating3_count', e.rating3_count, 'rating4_count', e.rating4_count, 'rating5_count', e.rating5_count,
        'last_active_at', e.last_active_at, 'job_categories', e.job_categories) as expected
    from expected e left join profile_stats s on s.customer_id = e.customer_id
    where case when s.customer_id is null
      then e.jobs_posted + e.reviews_received > 0
      else (s.jobs_posted, s.jobs_completed, s.jobs_cancelled, s.reviews_received, s.rating1_count, s.rating2_count,
            s.rating3_count, s.rating4_count, s.rating5_count, s.last_active_at, e.stored_job_categories)
        is distinct from (e.jobs_posted, e.jobs_completed, e.jobs_cancelled, e.reviews_received, e.rating1_count,
            e.rating2_count, e.rating3_count, e.rating4_count, e.rating5_count, e.last_active_at, e.job_categories)
      end
    order by e.customer_id`);
  return rows;
}
