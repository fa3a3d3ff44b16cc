/**
 * Whether Postgres stopped planning the profile's prepared statements (db/prepared.ts): on one
 * connection of the pool (the one the benchmark's sequential calls kept reusing, most likely), the
 * profile and a first page of each sort run a dozen more times, then pg_prepared_statements tells,
 * per statement, how many executions on that connection reused the generic plan (no planning at
 * all) and how many were planned afresh. Postgres plans the first five itself, then keeps planning
 * only if the generic plan looked costlier than the custom ones.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { UserActor } from "@/lib/auth/actor";
import type { ReviewSort } from "@/lib/provider-profile/inputs";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { listCustomerReviews } from "@/lib/provider-profile/reviews";
import { BENCH_IP } from "./customers";

type PlanCounts = { statement: string; generic_plans: number; custom_plans: number };

export async function preparedPlans(
  db: Database,
  provider: UserActor,
  customerId: string,
  sorts: ReviewSort[],
): Promise<PlanCounts[]> {
  return db.transaction(async (tx) => {
    for (let i = 0; i < 12; i++) {
      await getProviderProfile(tx, provider, customerId, BENCH_IP);
      for (const sort of sorts) await listCustomerReviews(tx, provider, customerId, { sort, limit: 10 });
    }
    const { rows } = await tx.execute<PlanCounts>(sql`
      select name as statement, generic_plans::int, custom_plans::int from pg_prepared_statements order by name`);
    return rows;
  });
}
