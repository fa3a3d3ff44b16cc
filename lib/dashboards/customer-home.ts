/**
 * The customer's own home: their profile at a glance and how much they have done on the platform.
 * Their recent jobs and who viewed them are the list functions' first pages (lib/marketplace/
 * job-lists/customer-jobs.ts, lib/customer-profile/views.ts), so /me shows the rows /me/jobs does.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customers, type ProviderVisibility, type SocialVisibility } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCustomer } from "@/lib/authz/policy";
import { notFound } from "@/lib/errors";

export type CustomerHome = {
  firstName: string;
  lastName: string;
  displayName: string | null;
  handle: string;
  providerVisibility: ProviderVisibility;
  socialVisibility: SocialVisibility;
  memberSince: Date;
  counts: { jobs: number; openJobs: number; orders: number; reviews: number; profileViews: number };
};

export async function getCustomerHome(db: Database, actor: Actor): Promise<CustomerHome> {
  const { customerId } = requireCustomer(actor);
  const [[profile], counts] = await Promise.all([
    db
      .select({
        firstName: customers.firstName,
        lastName: customers.lastName,
        displayName: customers.displayName,
        handle: customers.handle,
        providerVisibility: customers.providerVisibility,
        socialVisibility: customers.socialVisibility,
        memberSince: customers.createdAt,
      })
      .from(customers)
      .where(eq(customers.id, customerId)),
    // Live counts in one round trip; each subquery uses its (customer_id, ...) index.
    db.execute<CustomerHome["counts"]>(sql`
      select
        (select count(*) from jobs where customer_id = ${customerId})::int as "jobs",
        (select count(*) from jobs where customer_id = ${customerId} and status = 'open')::int as "openJobs",
        (select count(*) from order_snapshots where customer_id = ${customerId})::int as "orders",
        (select count(*) from customer_reviews where customer_id = ${customerId} and is_visible)::int as "reviews",
        (select count(*) from profile_views where customer_id = ${customerId})::int as "profileViews"`),
  ]);
  if (!profile) throw notFound("Your profile");
  return { ...profile, counts: counts.rows[0]! };
}
