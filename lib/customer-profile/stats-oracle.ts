/**
 * The oracle for profile_stats and profile_job_categories: every stored row compared with what the
 * raw rows say it should be (./stats-definition.ts, the one definition), in one plain SQL query.
 * It never runs the increments of ./stats.ts, so it checks them; tests (the marketplace's random
 * sequences, concurrency, the seeds, the migrations) assert it finds nothing, and an operator can
 * run it to audit a live database.
 *
 * A customer without a row is fine while nothing counts for them yet (a new account); once
 * anything does, the row must exist and agree, last_active_at included.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customersIn, DEFINED_COUNTERS, expectedJobCategories, expectedProfileStats } from "./stats-definition";

type StatsMismatch = {
  customer_id: string;
  stored: Record<string, unknown> | null;
  expected: Record<string, unknown>;
};

/** `'jobs_posted', x.jobs_posted, ...` for json_build_object, over alias `x`. */
const asJson = (x: string) =>
  sql.raw([...DEFINED_COUNTERS, "last_active_at"].map((c) => `'${c}', ${x}.${c}`).join(", "));
/** `(x.jobs_posted, ..., x.last_active_at)`, a row to compare. */
const asRow = (x: string) => sql.raw(`(${[...DEFINED_COUNTERS, "last_active_at"].map((c) => `${x}.${c}`).join(", ")})`);

export async function profileStatsMismatches(db: Database, customerIds?: string[]): Promise<StatsMismatch[]> {
  const customers = customerIds ? customersIn(customerIds) : "all";
  // One aggregate pass per table (hash joins over the whole database, index scans for a few ids),
  // not a subquery per customer.
  const { rows } = await db.execute<StatsMismatch>(sql`
    with e as (${expectedProfileStats(customers)}),
    jc as (select customer_id, jsonb_object_agg(category, jobs) as categories
      from (${expectedJobCategories(customers)}) per_category group by customer_id),
    sc as (select customer_id, jsonb_object_agg(category, jobs) as categories from profile_job_categories
      where customer_id in (select customer_id from e) group by customer_id),
    compared as (
      select e.*, coalesce(jc.categories, '{}'::jsonb) as job_categories,
        coalesce(sc.categories, '{}'::jsonb) as stored_job_categories
      from e left join jc on jc.customer_id = e.customer_id left join sc on sc.customer_id = e.customer_id)
    select e.customer_id,
      case when s.customer_id is null then null
        else json_build_object(${asJson("s")}, 'job_categories', e.stored_job_categories) end as stored,
      json_build_object(${asJson("e")}, 'job_categories', e.job_categories) as expected
    from compared e left join profile_stats s on s.customer_id = e.customer_id
    where case when s.customer_id is null
      then e.jobs_posted + e.reviews_received > 0
      else (${asRow("s")}, e.stored_job_categories) is distinct from (${asRow("e")}, e.job_categories)
    end
    order by e.customer_id`);
  return rows;
}
