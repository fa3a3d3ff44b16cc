/**
 * A provider withdraws its own pending application while the job is still open. The application
 * stays (as "withdrawn"), so the unique key on (job, provider) keeps the business from applying
 * again; the interactions it already recorded stay too (they are history), and the customer's
 * counters never counted applications, so they do not move.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { jobApplications } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor, requireJobProvider, requireProvider } from "@/lib/authz/policy";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { emitJobEvent } from "./events";
import { loadJobFor } from "./job-access";

export const applicationWithdrawnDto = z
  .strictObject({ application_id: z.uuid(), job_id: z.uuid(), status: z.literal("withdrawn") })
  .meta({ id: "ApplicationWithdrawn" });
export type ApplicationWithdrawnDto = z.infer<typeof applicationWithdrawnDto>;

export async function withdrawApplication(
  db: Database,
  actor: Actor,
  jobId: string,
  applicationId: string,
): Promise<ApplicationWithdrawnDto> {
  const { user, business } = requireProvider(actor);
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    // A share lock, as for applying: no booking can be made meanwhile, other applicants go on.
    const { job, side } = await loadJobFor(tx, m, jobId, "share");
    requireJobProvider(side);
    // Locked, so of two withdrawals at once (two staff of the business) the second sees the first's.
    const [application] = await tx
      .select({ providerBusinessId: jobApplications.providerBusinessId, status: jobApplications.status })
      .from(jobApplications)
      .where(and(eq(jobApplications.id, applicationId), eq(jobApplications.jobId, jobId)))
      .for("update");
    if (!application) throw notFound("That application");
    if (application.providerBusinessId !== business.businessId) {
      throw forbidden("not_your_application", "Only the business that applied can withdraw this application.");
    }
    if (job.status !== "open") throw conflict("This job is no longer open, so the application cannot be withdrawn.", "job_not_open");
    if (application.status !== "pending") {
      throw conflict(`This application is ${application.status}, not pending.`, "application_not_pending");
    }

    await tx.update(jobApplications).set({ status: "withdrawn" }).where(eq(jobApplications.id, applicationId));
    await recordChange(tx, user, {
      businessId: business.businessId,
      entity: { type: "job_application", id: applicationId },
      action: "update",
      before: { status: "pending" },
      after: { status: "withdrawn" },
    });
    await emitJobEvent(tx, "v1.job.application_withdrawn", business.businessId, {
      job_id: jobId,
      customer_id: job.customerId,
      application_id: applicationId,
      provider_business_id: business.businessId,
      withdrawn_by: user.userId,
    });
    return { application_id: applicationId, job_id: jobId, status: "withdrawn" };
  });
}
