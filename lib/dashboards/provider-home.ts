/** A provider business's home: who it is, its team size and what is happening on the marketplace. */
import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobs, type StaffRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireProvider } from "@/lib/authz/policy";

export type ProviderHome = {
  businessName: string;
  role: StaffRole;
  counts: { staff: number; openJobs: number; applications: number; bookings: number };
  latestOpenJobs: { id: string; customerId: string; title: string; category: string; createdAt: Date }[];
};

export async function getProviderHome(db: Database, actor: Actor): Promise<ProviderHome> {
  const { business } = requireProvider(actor);
  const businessId = business.businessId;
  const [counts, latestOpenJobs] = await Promise.all([
    db.execute<ProviderHome["counts"]>(sql`
      select
        (select count(*) from memberships where business_id = ${businessId})::int as "staff",
        (select count(*) from jobs where status = 'open')::int as "openJobs",
        (select count(*) from job_applications where provider_business_id = ${businessId})::int as "applications",
        (select count(*) from bookings where provider_business_id = ${businessId})::int as "bookings"`),
    // Open jobs are the marketplace's shared notice board: every provider sees the same list, and
    // these five in the order /provider/jobs starts with (jobs posted together are ordered by id).
    db
      .select({ id: jobs.id, customerId: jobs.customerId, title: jobs.title, category: jobs.category, createdAt: jobs.createdAt })
      .from(jobs)
      .where(eq(jobs.status, "open"))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(5),
  ]);
  return { businessName: business.businessName, role: business.role, counts: counts.rows[0]!, latestOpenJobs };
}
