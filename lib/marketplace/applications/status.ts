/**
 * One application to a job, as the steps that answer it (accept, withdraw, decline) read and change
 * it: the same refusals, and the same audit row for each status it leaves "pending" for, in the
 * business of the provider that applied.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobApplications } from "@/db/schema";
import { recordChange, type ChangeEvent } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";

type ApplicationStatus = (typeof jobApplications.$inferSelect)["status"];
export type LoadedApplication = { id: string; providerBusinessId: string; status: ApplicationStatus };

/** The job's application `applicationId` (404 if the job has none by that id), row-locked with `lock`. */
export async function loadApplication(
  tx: Database,
  jobId: string,
  applicationId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<LoadedApplication> {
  let query = tx
    .select({
      id: jobApplications.id,
      providerBusinessId: jobApplications.providerBusinessId,
      status: jobApplications.status,
    })
    .from(jobApplications)
    .where(and(eq(jobApplications.id, applicationId), eq(jobApplications.jobId, jobId)))
    .$dynamic();
  if (lock) query = query.for("update");
  const [application] = await query;
  if (!application) throw notFound("That application");
  return application;
}

/** Only a pending application can be accepted or withdrawn. */
export function requirePending(application: LoadedApplication): void {
  if (application.status !== "pending") {
    throw conflict(`This application is ${application.status}, not pending.`, "application_not_pending");
  }
}

/** Moves a pending application to `status`, with its audit row (and the event the step publishes, if any). */
export async function setApplicationStatus(
  tx: Database,
  user: UserActor,
  application: LoadedApplication,
  status: ApplicationStatus,
  event?: ChangeEvent,
) {
  await tx.update(jobApplications).set({ status }).where(eq(jobApplications.id, application.id));
  await recordApplicationStatus(tx, user, application, status, event);
}

/** The audit row of a pending application that moved to `status` (for updates made elsewhere, several at once). */
export async function recordApplicationStatus(
  tx: Database,
  user: UserActor,
  application: Pick<LoadedApplication, "id" | "providerBusinessId">,
  status: ApplicationStatus,
  event?: ChangeEvent,
) {
  await recordChange(tx, user, {
    businessId: application.providerBusinessId,
    entity: { type: "job_application", id: application.id },
    action: "update",
    before: { status: "pending" },
    after: { status },
    event,
  });
}
