/**
 * A job's own steps: the customer posts it; it ends completed by either party of the booking, or
 * cancelled (by the customer while it is open, by either party once booked; only the customer
 * cancelling a booked job counts against them). Each runs in one
 * transaction holding the job's row lock, so two completes (or a complete and a cancel) at once end
 * the job exactly once and count it exactly once, and writes with its change the provider
 * interaction it implies, its audit rows, its domain event and the customer's counters
 * (lib/customer-profile/stats.ts), so none of them can disagree with the job.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobs } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor, requireBookingParty, requireCustomer } from "@/lib/authz/policy";
import { conflict } from "@/lib/errors";
import { iso } from "@/lib/dto";
import { jobStatusDto, type JobStatusDto, type JobDto } from "./dto";
import { declinePendingApplications } from "@/lib/marketplace/applications/decline";
import type { PostJobInput } from "./inputs";
import { recordInteraction } from "@/lib/marketplace/interactions";
import { loadJobFor } from "./access";
import { toJobDto } from "./queries";
import { bumpProfileStats, countJobCategory } from "@/lib/customer-profile/stats";
import { endAppointment } from "@/lib/crm/bookings";

export async function postJob(db: Database, actor: Actor, input: PostJobInput): Promise<JobDto> {
  const { user, customerId } = requireCustomer(actor);
  return db.transaction(async (tx) => {
    const values = {
      title: input.title,
      category: input.category,
      description: input.description,
      budgetMinor: input.budget_minor ?? null,
      currency: input.currency ?? "USD",
      scheduledFor: input.scheduled_for ? new Date(input.scheduled_for) : null,
    };
    const [job] = await tx
      .insert(jobs)
      .values({ customerId, ...values })
      .returning();
    // The description is the customer's free text (it may hold an address): changed, not copied.
    await recordChange(tx, user, {
      businessId: null,
      entity: { type: "job", id: job!.id },
      action: "create",
      after: { ...values, status: job!.status },
      sensitive: ["description"],
      event: { type: "v1.job.posted", data: { job_id: job!.id, customer_id: customerId, posted_by: user.userId } },
    });
    await bumpProfileStats(tx, customerId, { jobsPosted: 1 }, { active: true });
    await countJobCategory(tx, customerId, job!.category);
    return toJobDto(job!, "customer", null, [], [], null);
  });
}

/** A job that has ended takes no further step. */
function assertNotEnded(status: string) {
  if (status === "completed") throw conflict("This job is already completed.", "already_completed");
  if (status === "cancelled") throw conflict("This job was cancelled.", "already_cancelled");
}
export async function completeJob(db: Database, actor: Actor, jobId: string): Promise<JobStatusDto> {
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    const { job, side, booking, facts } = await loadJobFor(tx, m, jobId, "update");
    assertNotEnded(job.status);
    if (!booking || job.status !== "booked") throw conflict("Only a booked job can be completed.", "not_booked");
    requireBookingParty(m, side, facts);

    const [done] = await tx
      .update(jobs)
      .set({ status: "completed", completedAt: sql`now()` })
      .where(eq(jobs.id, jobId))
      .returning();
    await recordInteraction(tx, {
      providerBusinessId: booking.providerBusinessId,
      customerId: job.customerId,
      kind: "job_completed",
      jobId,
    });
    await recordChange(tx, m.user, {
      businessId: booking.providerBusinessId,
      entity: { type: "job", id: jobId },
      action: "update",
      before: { status: job.status, completedAt: null },
      after: { status: done!.status, completedAt: done!.completedAt },
      event: {
        type: "v1.job.completed",
        data: {
          job_id: jobId,
          customer_id: job.customerId,
          provider_business_id: booking.providerBusinessId,
          party: side,
          completed_by: m.user.userId,
        },
      },
    });
    await endAppointment(tx, m.user, { businessId: booking.providerBusinessId, jobId }, "completed");
    // Not "active": jobs keep no record of who completed, so a recomputation could not follow.
    await bumpProfileStats(tx, job.customerId, { jobsCompleted: 1 });
    return toStatusDto(done!);
  });
}
export async function cancelJob(db: Database, actor: Actor, jobId: string): Promise<JobStatusDto> {
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    const { job, side, booking, facts } = await loadJobFor(tx, m, jobId, "update");
    assertNotEnded(job.status);
    // An open job has no booking, so only its customer passes; a booked one, either party.
    requireBookingParty(m, side, facts);

    const [cancelled] = await tx
      .update(jobs)
      .set({ status: "cancelled", cancelledAt: sql`now()`, cancelledBy: side })
      .where(eq(jobs.id, jobId))
      .returning();
    await declinePendingApplications(tx, m.user, jobId);
    const provider = booking?.providerBusinessId ?? null;
    await recordChange(tx, m.user, {
      businessId: provider,
      entity: { type: "job", id: jobId },
      action: "update",
      before: { status: job.status, cancelledAt: null, cancelledBy: null },
      after: { status: cancelled!.status, cancelledAt: cancelled!.cancelledAt, cancelledBy: side },
      event: {
        type: "v1.job.cancelled",
        data: {
          job_id: jobId,
          customer_id: job.customerId,
          provider_business_id: provider,
          party: side,
          cancelled_by: m.user.userId,
        },
      },
    });
    if (provider) await endAppointment(tx, m.user, { businessId: provider, jobId }, "cancelled");
    // Only the customer calling off a booked job counts against them; withdrawing before any
    // booking, or the provider cancelling, is counted apart (lib/customer-profile/stats-definition.ts).
    const counter = side === "provider" ? "jobsCancelledByProvider" : booking ? "jobsCancelled" : "jobsWithdrawn";
    await bumpProfileStats(tx, job.customerId, { [counter]: 1 }, { active: side === "customer" });
    return toStatusDto(cancelled!);
  });
}
function toStatusDto(job: typeof jobs.$inferSelect): JobStatusDto {
  return jobStatusDto.parse({
    job_id: job.id,
    status: job.status,
    completed_at: iso(job.completedAt),
    cancelled_at: iso(job.cancelledAt),
    cancelled_by: job.cancelledBy,
  });
}
