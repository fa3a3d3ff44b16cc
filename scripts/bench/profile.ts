/**
 * The provider's view of a customer at scale: run on a database seeded with
 * `npm run db:seed -- --scale N`. For the customer with the most reviews (the seed's "whale") and a
 * typical one it measures the whole profile read (access query, then the figures statement that
 * also records the view) and review pages under each sort, first page against a deep page.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { resolveActor, type UserActor } from "@/lib/auth/actor";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { listCustomerReviews } from "@/lib/provider-profile/reviews";
import type { ReviewSort } from "@/lib/provider-profile/inputs";
import { measure, type Figure } from "./measure";

const SORTS: ReviewSort[] = ["recent", "highest", "lowest"];
const DEEP_PAGES = 40;

/** A provider who may see every profile: the customers are made public for the run's duration. */
async function benchProvider(db: Database): Promise<UserActor> {
  const { rows } = await db.execute<{ user_id: string; business_id: string }>(sql`
    select m.user_id, m.business_id from memberships m join businesses b on b.id = m.business_id
    where b.is_marketplace_provider limit 1`);
  const row = rows[0];
  if (!row) throw new Error("No provider business: seed the database with --scale first.");
  return (await resolveActor(db, row.user_id, { businessId: row.business_id })) as UserActor;
}

async function customersToMeasure(db: Database) {
  const { rows } = await db.execute<{ id: string; reviews: number; label: string }>(sql`
    (select customer_id as id, reviews_received as reviews, 'most reviews' as label
       from profile_stats order by reviews_received desc limit 1)
    union all
    (select customer_id, reviews_received, 'typical' from profile_stats
       where reviews_received between 3 and 20 limit 1)`);
  return rows;
}

export async function profileSuite(db: Database): Promise<Figure[]> {
  const provider = await benchProvider(db);
  const figures: Figure[] = [];
  for (const customer of await customersToMeasure(db)) {
    await db.execute(sql`update customers set provider_visibility = 'public' where id = ${customer.id}`);
    const who = `${customer.label} (${customer.reviews} reviews)`;
    figures.push(await measure(`profile of ${who}: access + figures + view insert`, 500, () => getProviderProfile(db, provider, customer.id)));
    for (const sort of SORTS) {
      figures.push(await measure(`reviews of ${who}, ${sort}: first page`, 500, () => listCustomerReviews(db, provider, customer.id, { sort, limit: 10 })));
      let cursor: string | null = null;
      for (let page = 0; page < DEEP_PAGES; page++) {
        const result: { pagination: { next_cursor: string | null } } = await listCustomerReviews(db, provider, customer.id, { sort, limit: 10, cursor: cursor ?? undefined });
        if (!result.pagination.next_cursor) break;
        cursor = result.pagination.next_cursor;
      }
      if (cursor) {
        const deep = cursor;
        figures.push(await measure(`reviews of ${who}, ${sort}: page ${DEEP_PAGES + 1}`, 500, () => listCustomerReviews(db, provider, customer.id, { sort, limit: 10, cursor: deep })));
      }
    }
  }
  return figures;
}
