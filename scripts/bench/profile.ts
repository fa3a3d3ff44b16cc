/**
 * The provider's view of a customer at scale: run on a database seeded with
 * `npm run db:seed -- --scale N`. For the customer with the most reviews (the seed's "whale") and a
 * typical one it measures the whole profile read (one statement: the rate-limit charge, access, the
 * view insert and the figures) and review pages under each sort, first page against a deep page; then whether
 * Postgres reuses generic plans for those prepared statements.
 */
import type { Database } from "@/db/client";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { type UserActor } from "@/lib/auth/actor";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { listCustomerReviews } from "@/lib/provider-profile/reviews";
import type { ReviewSort } from "@/lib/provider-profile/inputs";
import { BENCH_IP, customersToMeasure, providerOwners, withPublicProfile, type MeasuredCustomer } from "./customers";
import { measure, type Figure } from "./measure";
import { preparedPlans } from "./plans";

const SORTS: ReviewSort[] = ["recent", "highest", "lowest"];
const DEEP_PAGES = 40;

/** A provider to look with. */
async function benchProvider(db: Database): Promise<UserActor> {
  const [owner] = await providerOwners(db, 1);
  return (await resolveActor(db, owner!.user_id, { businessId: owner!.business_id })) as UserActor;
}

export async function profileSuite(db: Database): Promise<Figure[]> {
  const provider = await benchProvider(db);
  const customers = await customersToMeasure(db);
  return withPublicProfile(db, customers, async () => {
    const figures: Figure[] = [];
    for (const customer of customers) figures.push(...(await measureCustomer(db, provider, customer)));
    console.log(
      "Prepared statements on one connection of the pool: executions that reused the generic plan, and executions planned afresh:",
    );
    console.table(await preparedPlans(db, provider, customers[0]!.id, SORTS));
    return figures;
  });
}

async function measureCustomer(db: Database, provider: UserActor, customer: MeasuredCustomer) {
  const who = `${customer.label} (${customer.reviews} reviews)`;
  const page = (sort: ReviewSort, cursor?: string) =>
    listCustomerReviews(db, provider, customer.id, { sort, limit: 10, cursor });
  const figures = [
    await measure(`profile of ${who}: rate limit + access + figures + view insert`, 500, () =>
      getProviderProfile(db, provider, customer.id, BENCH_IP),
    ),
  ];
  for (const sort of SORTS) {
    figures.push(await measure(`reviews of ${who}, ${sort}: first page`, 500, () => page(sort)));
    let cursor: string | undefined;
    for (let i = 0; i < DEEP_PAGES; i++) {
      const next = (await page(sort, cursor)).pagination.next_cursor;
      if (!next) break;
      cursor = next;
    }
    const deep = cursor;
    if (deep)
      figures.push(await measure(`reviews of ${who}, ${sort}: page ${DEEP_PAGES + 1}`, 500, () => page(sort, deep)));
  }
  return figures;
}
