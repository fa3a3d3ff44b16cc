/**
 * GET /api/provider/jobs: the acting provider business's own work on the marketplace, one item per
 * job it applied to, newest application first, a keyset page at a time, optionally of one stage
 * (browse-inputs.ts says what each means). Scoped in the WHERE clause by the business lib/authz
 * returns, so another business's applications cannot appear.
 *
 * The page is read from job_applications_provider_idx (provider_business_id, created_at desc) from
 * the cursor on, each application joined to its job by key. A stage is a filter on that walk, of
 * the application's and the job's states (two tables, so no one index could serve it); checked with
 * EXPLAIN on Postgres, the walk stays on the index for every stage and stops once the page is full.
 */
import "server-only";
import { and, desc, eq, not, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobApplications as a, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireProvider } from "@/lib/authz/policy";
import { keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { decodeBrowseCursor, encodeBrowseCursor } from "./cursor";
import { providerJobsPageDto, type ProviderJobsPageDto } from "./dto";
import type { ProviderJobStage, ProviderJobsQuery } from "./inputs";
import { iso } from "@/lib/dto";

/**
 * The business holds a job's booking exactly when its application is accepted: acceptApplication
 * makes the booking from that application and marks it accepted in one transaction, and nothing
 * else accepts one. Reading that from the application keeps the bookings table out of the query
 * and lets the planner estimate each stage from the application's statistics.
 */
const holdsBooking = eq(a.status, "accepted");

/**
 * Each stage as plain conditions: filters the planner can estimate (a comparison with the CASE
 * below would hide them, and it then sorts all the business's applications instead of walking).
 */
const IN_STAGE = {
  applied: and(eq(a.status, "pending"), eq(jobs.status, "open"))!,
  booked: and(holdsBooking, eq(jobs.status, "booked"))!,
  completed: and(holdsBooking, eq(jobs.status, "completed"))!,
} satisfies Record<Exclude<ProviderJobStage, "closed">, SQL>;

/** Closed is everything else; no column involved is nullable, so NOT is exact. */
const stageFilter = (stage: ProviderJobStage): SQL =>
  stage === "closed" ? not(or(IN_STAGE.applied, IN_STAGE.booked, IN_STAGE.completed)!) : IN_STAGE[stage];

const stage = sql<ProviderJobStage>`case
  when ${IN_STAGE.applied} then 'applied'
  when ${IN_STAGE.booked} then 'booked'
  when ${IN_STAGE.completed} then 'completed'
  else 'closed'
end`;

export async function listProviderJobs(
  db: Database,
  actor: Actor,
  query: ProviderJobsQuery,
): Promise<ProviderJobsPageDto> {
  const { business } = requireProvider(actor);
  const businessId = business.businessId;
  const { limit } = query;
  const after = query.cursor ? decodeBrowseCursor(query.cursor, "mine") : null;
  const rows = await db
    .select({
      id: a.id,
      at: microsText(a.createdAt),
      applicationStatus: a.status,
      jobId: jobs.id,
      customerId: jobs.customerId,
      title: jobs.title,
      category: jobs.category,
      jobStatus: jobs.status,
      completedAt: jobs.completedAt,
      booked: sql<boolean>`${holdsBooking}`,
      stage,
    })
    .from(a)
    .innerJoin(jobs, eq(jobs.id, a.jobId))
    .where(
      and(
        eq(a.providerBusinessId, businessId),
        query.stage ? stageFilter(query.stage) : undefined,
        olderThan(after, a.createdAt, a.id),
      ),
    )
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(limit + 1);

  const { page, pagination } = keysetPage(rows, limit, (last) =>
    encodeBrowseCursor({ l: "mine", t: last.at, i: last.id }),
  );
  return providerJobsPageDto.parse({
    jobs: page.map((row) => ({
      job_id: row.jobId,
      customer_id: row.customerId,
      title: row.title,
      category: row.category,
      job_status: row.jobStatus,
      application_status: row.applicationStatus,
      stage: row.stage,
      applied_at: iso(row.at),
      booked: row.booked,
      completed_at: iso(row.completedAt),
    })),
    pagination,
  });
}
