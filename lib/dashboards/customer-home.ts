/**
 * The customer's own home: their profile at a glance and how much they have done on the platform.
 * The figures come from the customer's profile (lib/customer-profile), so /me shows the counts and
 * the public name providers see; their recent jobs and who viewed them are the list functions'
 * first pages (lib/marketplace/job-lists/customer-jobs.ts, lib/customer-profile/views.ts), so /me
 * shows the rows /me/jobs does.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCustomer } from "@/lib/authz/policy";
import { readProfileCounters } from "@/lib/customer-profile/counters";
import { publicDisplayName } from "@/lib/customer-profile/figures";
import { jobRecordOf } from "@/lib/customer-profile/record";
import { iso } from "@/lib/dto";
import { notFound } from "@/lib/errors";
import { customerHomeDto, type CustomerHomeDto } from "./dto";

export async function getCustomerHome(db: Database, actor: Actor): Promise<CustomerHomeDto> {
  const { customerId } = requireCustomer(actor);
  const [[profile], counters, live] = await Promise.all([
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
    readProfileCounters(db, customerId),
    // What profile_stats does not count, live in one round trip; each subquery uses its (customer_id, ...) index.
    db.execute<{ open_jobs: number; orders: number; profile_views: number }>(sql`
      select
        (select count(*) from jobs where customer_id = ${customerId} and status = 'open')::int as open_jobs,
        (select count(*) from order_snapshots where customer_id = ${customerId})::int as orders,
        (select count(*) from profile_views where customer_id = ${customerId})::int as profile_views`),
  ]);
  if (!profile) throw notFound("Your profile");
  return customerHomeDto.parse({
    public_name: publicDisplayName(profile.displayName, profile.firstName, profile.lastName),
    first_name: profile.firstName,
    last_name: profile.lastName,
    handle: profile.handle,
    provider_visibility: profile.providerVisibility,
    social_visibility: profile.socialVisibility,
    member_since: iso(profile.memberSince),
    counts: {
      jobs_posted: counters.jobsPosted,
      reviews_received: counters.reviewsReceived,
      ...live.rows[0]!,
    },
    job_record: jobRecordOf(counters),
  });
}
