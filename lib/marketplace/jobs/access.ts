/**
 * Loading a job for an action: the job row, its booking and the acting provider's application in
 * one query, then the side the actor takes from lib/authz (404 when the job is not theirs to see).
 * Mutations lock the job row ("update" for a change of state, "share" to apply), so two actions on
 * one job run one after the other and each sees the state the other left.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookings, jobApplications, jobs } from "@/db/schema";
import { jobSideOf, type JobFacts, type JobSide, type MarketplaceActor } from "@/lib/authz/policy";
import { notFound } from "@/lib/errors";

export type LoadedJob = {
  job: typeof jobs.$inferSelect;
  booking: { id: string; providerBusinessId: string; applicationId: string; createdAt: Date } | null;
  /** The acting provider business's application, if it applied. */
  ownApplication: { id: string; status: (typeof jobApplications.$inferSelect)["status"] } | null;
  facts: JobFacts;
  side: JobSide;
};

export async function loadJobFor(
  tx: Database,
  m: MarketplaceActor,
  jobId: string,
  lock?: "update" | "share",
): Promise<LoadedJob> {
  // A business id that matches nothing when the actor acts for no provider.
  const provider = m.providerBusinessId ?? "00000000-0000-0000-0000-000000000000";
  let query = tx
    .select({
      job: jobs,
      bookingId: bookings.id,
      bookedProviderId: bookings.providerBusinessId,
      bookedApplicationId: bookings.applicationId,
      bookedAt: bookings.createdAt,
      applicationId: jobApplications.id,
      applicationStatus: jobApplications.status,
    })
    .from(jobs)
    .leftJoin(bookings, eq(bookings.jobId, jobs.id))
    .leftJoin(
      jobApplications,
      and(eq(jobApplications.jobId, jobs.id), eq(jobApplications.providerBusinessId, provider)),
    )
    .where(eq(jobs.id, jobId))
    .$dynamic();
  if (lock) query = query.for(lock, { of: jobs });
  const [row] = await query;
  if (!row) throw notFound("That job");

  const facts: JobFacts = {
    customerId: row.job.customerId,
    status: row.job.status,
    bookedProviderId: row.bookedProviderId,
    providerApplied: row.applicationId !== null,
  };
  return {
    job: row.job,
    booking: row.bookingId
      ? {
          id: row.bookingId,
          providerBusinessId: row.bookedProviderId!,
          applicationId: row.bookedApplicationId!,
          createdAt: row.bookedAt!,
        }
      : null,
    ownApplication: row.applicationId ? { id: row.applicationId, status: row.applicationStatus! } : null,
    facts,
    side: jobSideOf(m, facts),
  };
}
