/**
 * When a job is booked or cancelled, every application still pending is declined, each with its
 * audit row (in the applying provider's business), in the caller's transaction.
 */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobApplications } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { recordApplicationStatus } from "./status";

/** Declines the job's pending applications (but `keep`, the one being accepted) and returns them. */
export async function declinePendingApplications(tx: Database, user: UserActor, jobId: string, keep?: string) {
  const declined = await tx
    .update(jobApplications)
    .set({ status: "rejected" })
    .where(
      and(
        eq(jobApplications.jobId, jobId),
        eq(jobApplications.status, "pending"),
        keep ? ne(jobApplications.id, keep) : undefined,
      ),
    )
    .returning({ id: jobApplications.id, providerBusinessId: jobApplications.providerBusinessId });
  for (const other of declined) await recordApplicationStatus(tx, user, other, "rejected");
  return declined;
}
