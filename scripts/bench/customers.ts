/**
 * Who the profile benchmarks involve, in a world seeded with --scale: the providers that look (owners
 * of marketplace provider businesses) and the customers they look at, the one with the most
 * reviews (the seed's "whale") and a typical one. Each customer is made public for the run,
 * whatever it chose, and given its choice back afterwards.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** The address in-process benchmarks charge rate limits to (a documentation range, RFC 5737). */
export const BENCH_IP = "198.51.100.1";

export type ProviderOwner = { user_id: string; business_id: string; email: string };

/** The first `count` owners of marketplace provider businesses, by email: the same ones on every run. */
export async function providerOwners(db: Database, count: number): Promise<ProviderOwner[]> {
  const { rows } = await db.execute<ProviderOwner>(sql`
    select u.id as user_id, m.business_id, u.email
    from users u join memberships m on m.user_id = u.id join businesses b on b.id = m.business_id
    where b.is_marketplace_provider and m.role = 'owner' order by u.email limit ${count}`);
  if (rows.length < count)
    throw new Error(`Needs ${count} provider owners: seed a bigger world with npm run db:seed -- --scale N.`);
  return rows;
}

export type MeasuredCustomer = { id: string; reviews: number; label: string };

export async function customersToMeasure(db: Database): Promise<MeasuredCustomer[]> {
  const { rows } = await db.execute<MeasuredCustomer>(sql`
    (select customer_id as id, reviews_received as reviews, 'most reviews' as label
       from profile_stats order by reviews_received desc limit 1)
    union all
    (select customer_id, reviews_received, 'typical' from profile_stats
       where reviews_received between 3 and 20 limit 1)`);
  if (rows.length === 0) throw new Error("No customers: seed the database with npm run db:seed -- --scale N.");
  return rows;
}

export async function withPublicProfile<T>(
  db: Database,
  customers: MeasuredCustomer[],
  run: () => Promise<T>,
): Promise<T> {
  const ids = customers.map((c) => c.id);
  const { rows: before } = await db.execute<{ id: string; visibility: string }>(
    sql`select id, provider_visibility as visibility from customers where id in ${ids}`,
  );
  await db.execute(sql`update customers set provider_visibility = 'public' where id in ${ids}`);
  try {
    return await run();
  } finally {
    for (const { id, visibility } of before) {
      await db.execute(
        sql`update customers set provider_visibility = ${visibility}::provider_visibility where id = ${id}`,
      );
    }
  }
}
