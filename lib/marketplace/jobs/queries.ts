/**
 * Reading one job. The customer who posted it sees every application and review; a provider sees
 * the job with its own application and review only, and its look is recorded as a job_view
 * interaction (the first step of having dealt with the customer). Who may see the job at all is
 * lib/authz's jobSideOf; anyone else gets 404.
 */
import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, customerReviews, jobApplications, type jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor } from "@/lib/authz/policy";
import { iso } from "@/lib/dto";
import { type ApplicationDto, jobDto, type JobDto, type JobReviewDto } from "./dto";
import { recordInteraction } from "@/lib/marketplace/interactions";
import { loadJobFor, type LoadedJob } from "./access";

export async function getJob(db: Database, actor: Actor, jobId: string): Promise<JobDto> {
  const m = marketplaceActor(actor);
  const loaded = await loadJobFor(db, m, jobId);
  const { job, side } = loaded;
  const own = side === "provider" ? m.providerBusinessId! : null;

  const appScope: SQL[] = [
    eq(jobApplications.jobId, jobId),
    ...(own ? [eq(jobApplications.providerBusinessId, own)] : []),
  ];
  const reviewScope: SQL[] = [
    eq(customerReviews.jobId, jobId),
    ...(own ? [eq(customerReviews.providerBusinessId, own)] : []),
  ];
  // One after another: in parallel they would take three of the pool's connections at once
  // (and a transaction's single client cannot run them at once anyway).
  const applications = await db
    .select({
      application_id: jobApplications.id,
      provider_business_id: jobApplications.providerBusinessId,
      provider_name: businesses.name,
      message: jobApplications.message,
      status: jobApplications.status,
      created_at: jobApplications.createdAt,
    })
    .from(jobApplications)
    .innerJoin(businesses, eq(businesses.id, jobApplications.providerBusinessId))
    .where(and(...appScope))
    .orderBy(asc(jobApplications.createdAt), asc(jobApplications.id));
  const reviews = await db
    .select({
      review_id: customerReviews.id,
      provider_business_id: customerReviews.providerBusinessId,
      rating: customerReviews.rating,
      comment: customerReviews.comment,
      is_visible: customerReviews.isVisible,
      disputed_at: customerReviews.disputedAt,
      moderated_at: customerReviews.moderatedAt,
      created_at: customerReviews.createdAt,
    })
    .from(customerReviews)
    .where(and(...reviewScope))
    .orderBy(asc(customerReviews.createdAt), asc(customerReviews.id));
  if (own)
    await recordInteraction(db, { providerBusinessId: own, customerId: job.customerId, kind: "job_view", jobId });
  return toJobDto(
    job,
    side,
    loaded.booking,
    applications.map((a): ApplicationDto => ({
      application_id: a.application_id,
      provider_business_id: a.provider_business_id,
      provider_name: a.provider_name,
      message: a.message,
      status: a.status,
      created_at: iso(a.created_at),
    })),
    reviews.map((r): JobReviewDto => ({
      review_id: r.review_id,
      provider_business_id: r.provider_business_id,
      rating: r.rating,
      comment: r.comment,
      is_visible: r.is_visible,
      disputed_at: iso(r.disputed_at),
      moderated_at: iso(r.moderated_at),
      created_at: iso(r.created_at),
    })),
    own,
  );
}

export function toJobDto(
  job: typeof jobs.$inferSelect,
  viewer: JobDto["viewer"],
  booking: LoadedJob["booking"],
  applications: ApplicationDto[],
  reviews: JobReviewDto[],
  /** The provider business a provider viewer acts for (null for the customer). */
  viewerProvider: string | null,
): JobDto {
  return jobDto.parse({
    job_id: job.id,
    customer_id: job.customerId,
    title: job.title,
    category: job.category,
    description: job.description,
    budget_minor: job.budgetMinor,
    currency: job.currency,
    scheduled_for: iso(job.scheduledFor),
    status: job.status,
    created_at: iso(job.createdAt),
    completed_at: iso(job.completedAt),
    cancelled_at: iso(job.cancelledAt),
    cancelled_by: job.cancelledBy,
    viewer,
    booking: booking
      ? {
          booking_id: booking.id,
          // The customer knows whom they booked; a provider only whether it is the one booked.
          provider_business_id:
            viewer === "customer" || booking.providerBusinessId === viewerProvider ? booking.providerBusinessId : null,
          booked_at: iso(booking.createdAt),
        }
      : null,
    applications,
    reviews,
  });
}
