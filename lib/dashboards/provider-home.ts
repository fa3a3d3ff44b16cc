/** A provider business's home: who it is, its team size and what is happening on the marketplace. */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireProvider } from "@/lib/authz/policy";
import { listOpenJobs } from "@/lib/marketplace/job-lists/open-jobs";
import { providerHomeDto, type ProviderHomeDto } from "./dto";

export async function getProviderHome(db: Database, actor: Actor): Promise<ProviderHomeDto> {
  const { business } = requireProvider(actor);
  const businessId = business.businessId;
  const [counts, openJobs] = await Promise.all([
    db.execute<ProviderHomeDto["counts"]>(sql`
      select
        (select count(*) from memberships where business_id = ${businessId})::int as "staff",
        (select count(*) from jobs where status = 'open')::int as "open_jobs",
        (select count(*) from job_applications where provider_business_id = ${businessId})::int as "applications",
        (select count(*) from bookings where provider_business_id = ${businessId})::int as "bookings"`),
    // The first five of /provider/jobs's open list, read the same way.
    listOpenJobs(db, actor, { limit: 5 }),
  ]);
  return providerHomeDto.parse({
    business_name: business.businessName,
    role: business.role,
    counts: counts.rows[0]!,
    latest_open_jobs: openJobs.jobs,
  });
}
