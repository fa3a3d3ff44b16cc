/**
 * A provider withdraws its own pending application while the job is still open. The application
 * stays (as "withdrawn"), so the unique key on (job, provider) keeps the business from applying
 * again; the interactions it already recorded stay too (they are history), and the customer's
 * counters never counted applications, so they do not move.
 */
import { z } from "zod";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor, requireJobProvider, requireProvider } from "@/lib/authz/policy";
import { conflict, forbidden } from "@/lib/errors";
import { loadApplication, requirePending, setApplicationStatus } from "./applications";
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
    const application = await loadApplication(tx, jobId, applicationId, { lock: true });
    if (application.providerBusinessId !== business.businessId) {
      throw forbidden("not_your_application", "Only the business that applied can withdraw this application.");
    }
    if (job.status !== "open")
      throw conflict("This job is no longer open, so the application cannot be withdrawn.", "job_not_open");
    requirePending(application);

    await setApplicationStatus(tx, user, application, "withdrawn");
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
