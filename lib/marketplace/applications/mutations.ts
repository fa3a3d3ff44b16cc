/**
 * A provider applies to an open job, the customer books one application, a provider withdraws
 * its own. Each runs in one transaction holding the job's row lock, and writes with its change the
 * provider interaction it implies, its audit rows, its domain event and the customer's counters.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookings, jobApplications, jobs } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import {
  marketplaceActor,
  requireCustomer,
  requireJobCustomer,
  requireJobProvider,
  requireProvider,
} from "@/lib/authz/policy";
import { conflict, forbidden } from "@/lib/errors";
import { loadApplication, requirePending, setApplicationStatus } from "./status";
import { iso } from "@/lib/dto";
import {
  applicationWithdrawnDto,
  type ApplicationWithdrawnDto,
  applicationCreatedDto,
  type ApplicationCreatedDto,
  bookingDto,
  type BookingDto,
} from "./dto";
import { declinePendingApplications } from "./decline";
import type { ApplyInput } from "./inputs";
import { recordInteraction } from "@/lib/marketplace/interactions";
import { loadJobFor } from "@/lib/marketplace/jobs/access";
import { bumpProfileStats } from "@/lib/customer-profile/stats";
import { bookAppointment } from "@/lib/crm/bookings";

export async function applyToJob(
  db: Database,
  actor: Actor,
  jobId: string,
  input: ApplyInput,
): Promise<ApplicationCreatedDto> {
  const { user, business } = requireProvider(actor);
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    // A share lock: applications may arrive together, but not while a booking is being made.
    const { job, side } = await loadJobFor(tx, m, jobId, "share");
    requireJobProvider(side);
    if (job.status !== "open") throw conflict("This job is no longer taking applications.", "job_not_open");
    const [application] = await tx
      .insert(jobApplications)
      .values({ jobId, providerBusinessId: business.businessId, applicantUserId: user.userId, message: input.message })
      .onConflictDoNothing()
      .returning();
    // Applied before, or two staff of one business at the same moment: the unique key lets one through.
    if (!application) throw conflict("Your business has already applied to this job.", "already_applied");

    await recordInteraction(tx, {
      providerBusinessId: business.businessId,
      customerId: job.customerId,
      kind: "job_application",
      jobId,
    });
    await recordChange(tx, user, {
      businessId: business.businessId,
      entity: { type: "job_application", id: application.id },
      action: "create",
      after: { jobId, providerBusinessId: business.businessId, status: application.status },
      event: {
        type: "v1.job.applied",
        data: {
          job_id: jobId,
          customer_id: job.customerId,
          application_id: application.id,
          provider_business_id: business.businessId,
          applied_by: user.userId,
        },
      },
    });
    return applicationCreatedDto.parse({
      application_id: application.id,
      job_id: jobId,
      status: "pending",
      created_at: iso(application.createdAt),
    });
  });
}
/** The customer books the provider of one application; the other pending applications are declined. */
export async function acceptApplication(
  db: Database,
  actor: Actor,
  jobId: string,
  applicationId: string,
): Promise<BookingDto> {
  const { user, customerId } = requireCustomer(actor);
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    const { job, side } = await loadJobFor(tx, m, jobId, "update");
    requireJobCustomer(side);
    const application = await loadApplication(tx, jobId, applicationId);
    if (job.status !== "open") throw conflict("This job is already booked or closed.", "job_not_open");
    requirePending(application);
    const provider = application.providerBusinessId;

    const [booking] = await tx
      .insert(bookings)
      .values({ jobId, applicationId, providerBusinessId: provider, customerId })
      .returning();
    await setApplicationStatus(tx, user, application, "accepted");
    const declined = await declinePendingApplications(tx, user, jobId, applicationId);
    await tx.update(jobs).set({ status: "booked" }).where(eq(jobs.id, jobId));

    await recordInteraction(tx, { providerBusinessId: provider, customerId, kind: "booking", jobId });
    // The provider business's CRM: its record of the customer (made or linked) and the appointment.
    await bookAppointment(tx, user, {
      businessId: provider,
      customerId,
      jobId,
      scheduledFor: job.scheduledFor,
      bookedAt: booking!.createdAt,
    });
    await recordChange(tx, user, {
      businessId: provider,
      entity: { type: "booking", id: booking!.id },
      action: "create",
      after: { jobId, applicationId, providerBusinessId: provider },
      event: {
        type: "v1.job.booked",
        data: {
          job_id: jobId,
          customer_id: customerId,
          booking_id: booking!.id,
          application_id: applicationId,
          provider_business_id: provider,
          declined_application_ids: declined.map((d) => d.id),
          booked_by: user.userId,
        },
      },
    });
    await recordChange(tx, user, {
      businessId: null,
      entity: { type: "job", id: jobId },
      action: "update",
      before: { status: job.status },
      after: { status: "booked" },
    });
    await bumpProfileStats(tx, customerId, {}, { active: true });
    return bookingDto.parse({
      booking_id: booking!.id,
      job_id: jobId,
      application_id: applicationId,
      provider_business_id: provider,
      status: "booked",
      declined_application_ids: declined.map((d) => d.id),
      booked_at: iso(booking!.createdAt),
    });
  });
}

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

    await setApplicationStatus(tx, user, application, "withdrawn", {
      type: "v1.job.application_withdrawn",
      data: {
        job_id: jobId,
        customer_id: job.customerId,
        application_id: applicationId,
        provider_business_id: business.businessId,
        withdrawn_by: user.userId,
      },
    });
    return applicationWithdrawnDto.parse({ application_id: applicationId, job_id: jobId, status: "withdrawn" });
  });
}
