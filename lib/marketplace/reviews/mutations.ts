/**
 * Reviews of customers: the booked provider reviews the customer once the job is completed (one
 * review per provider and job), the customer may dispute a review, and a platform administrator
 * hides, shows or keeps it. Every change that moves a review in or out of the visible set adjusts
 * the customer's histogram in the same transaction (./stats.ts), so it always counts visible reviews.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customerReviews } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import {
  marketplaceActor,
  requireBookingParty,
  requireCustomer,
  requireJobCustomer,
  requireJobProvider,
  requirePlatformAdmin,
  requireProvider,
} from "@/lib/authz/policy";
import { conflict, notFound } from "@/lib/errors";
import { iso } from "@/lib/dto";
import {
  disputeDto,
  type DisputeDto,
  reviewCreatedDto,
  type ReviewCreatedDto,
  reviewVisibilityDto,
  type ReviewVisibilityDto,
} from "./dto";
import type { DisputeInput, ReviewInput } from "./inputs";
import { loadJobFor } from "@/lib/marketplace/jobs/access";
import { bumpProfileStats, visibleReviewDelta } from "@/lib/customer-profile/stats";

export async function reviewCustomer(
  db: Database,
  actor: Actor,
  jobId: string,
  input: ReviewInput,
): Promise<ReviewCreatedDto> {
  const { user, business } = requireProvider(actor);
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    // A share lock: the job cannot change state while it is being reviewed.
    const { job, side, facts } = await loadJobFor(tx, m, jobId, "share");
    requireJobProvider(side);
    requireBookingParty(m, side, facts);
    if (job.status !== "completed") throw conflict("A job can be reviewed once it is completed.", "not_completed");
    const [review] = await tx
      .insert(customerReviews)
      .values({
        jobId,
        customerId: job.customerId,
        providerBusinessId: business.businessId,
        authorUserId: user.userId,
        rating: input.rating,
        comment: input.comment,
        jobCategory: job.category,
      })
      .onConflictDoNothing()
      .returning();
    if (!review) throw conflict("Your business has already reviewed this job.", "already_reviewed");

    await recordChange(tx, user, {
      businessId: business.businessId,
      entity: { type: "customer_review", id: review.id },
      action: "create",
      after: {
        jobId,
        customerId: job.customerId,
        rating: review.rating,
        comment: review.comment,
        isVisible: review.isVisible,
      },
      // Words about a person stay out of the long-lived trail; the rating and its changes do not.
      sensitive: ["comment"],
      event: {
        type: "v1.review.created",
        data: {
          review_id: review.id,
          job_id: jobId,
          customer_id: job.customerId,
          provider_business_id: business.businessId,
          author: user.userId,
        },
      },
    });
    await bumpProfileStats(tx, job.customerId, visibleReviewDelta(review.rating, 1));
    return reviewCreatedDto.parse({
      review_id: review.id,
      job_id: jobId,
      customer_id: job.customerId,
      provider_business_id: business.businessId,
      rating: review.rating,
      comment: review.comment,
      job_category: review.jobCategory,
      is_visible: review.isVisible,
      created_at: iso(review.createdAt),
    });
  });
}

/** The customer disputes a review of their job, once; the reason goes to the moderators. */
export async function disputeReview(
  db: Database,
  actor: Actor,
  jobId: string,
  reviewId: string,
  input: DisputeInput,
): Promise<DisputeDto> {
  const { user, customerId } = requireCustomer(actor);
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    const { side } = await loadJobFor(tx, m, jobId);
    requireJobCustomer(side);
    const [disputed] = await tx
      .update(customerReviews)
      .set({ disputedAt: sql`now()`, disputeReason: input.reason })
      .where(
        and(eq(customerReviews.id, reviewId), eq(customerReviews.jobId, jobId), isNull(customerReviews.disputedAt)),
      )
      .returning();
    if (!disputed) {
      const [exists] = await tx
        .select({ id: customerReviews.id })
        .from(customerReviews)
        .where(and(eq(customerReviews.id, reviewId), eq(customerReviews.jobId, jobId)));
      if (!exists) throw notFound("That review");
      throw conflict("You have already disputed this review.", "already_disputed");
    }
    await recordChange(tx, user, {
      businessId: disputed.providerBusinessId,
      entity: { type: "customer_review", id: reviewId },
      action: "dispute",
      before: { disputedAt: null, disputeReason: null },
      after: { disputedAt: disputed.disputedAt, disputeReason: input.reason },
      sensitive: ["disputeReason"],
      event: {
        type: "v1.review.disputed",
        data: {
          review_id: reviewId,
          job_id: jobId,
          customer_id: customerId,
          disputed_by: user.userId,
        },
      },
    });
    await bumpProfileStats(tx, customerId, {}, { active: true });
    return disputeDto.parse({ review_id: reviewId, job_id: jobId, disputed_at: iso(disputed.disputedAt!) });
  });
}

/**
 * A platform administrator decides on a review: hides it, shows it, or keeps it as it is. Every
 * call is a decision and records who made it and when (moderated_by, moderated_at), which is what
 * takes a disputed review out of the moderators' queue: asking for the visibility a review already
 * has means "keep it" (changed: false). Only a change of visibility moves the customer's figures
 * and publishes v1.review.visibility_changed, so a retried request never counts twice; the row is
 * locked before it is read, so two administrators at once count once too.
 */
export async function setReviewVisibility(
  db: Database,
  actor: Actor,
  reviewId: string,
  isVisible: boolean,
): Promise<ReviewVisibilityDto> {
  const admin = requirePlatformAdmin(actor);
  return db.transaction(async (tx) => {
    const [review] = await tx
      .select({
        isVisible: customerReviews.isVisible,
        customerId: customerReviews.customerId,
        providerBusinessId: customerReviews.providerBusinessId,
        rating: customerReviews.rating,
      })
      .from(customerReviews)
      .where(eq(customerReviews.id, reviewId))
      .for("update");
    if (!review) throw notFound("That review");
    await tx
      .update(customerReviews)
      .set({ isVisible, moderatedAt: sql`now()`, moderatedBy: admin.userId })
      .where(eq(customerReviews.id, reviewId));
    const entity = { type: "customer_review", id: reviewId };
    if (review.isVisible === isVisible) {
      // A decision with no field to diff: the trail says who kept the review as it was, and when.
      await recordChange(tx, admin, { businessId: review.providerBusinessId, entity, action: "keep" });
      return reviewVisibilityDto.parse({ review_id: reviewId, is_visible: isVisible, changed: false });
    }
    await recordChange(tx, admin, {
      businessId: review.providerBusinessId,
      entity,
      action: "update",
      before: { isVisible: review.isVisible },
      after: { isVisible },
      event: {
        type: "v1.review.visibility_changed",
        data: {
          review_id: reviewId,
          customer_id: review.customerId,
          is_visible: isVisible,
          changed_by: admin.userId,
        },
      },
    });
    await bumpProfileStats(tx, review.customerId, visibleReviewDelta(review.rating, isVisible ? 1 : -1));
    return reviewVisibilityDto.parse({ review_id: reviewId, is_visible: isVisible, changed: true });
  });
}
