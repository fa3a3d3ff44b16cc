"use server";
/**
 * The job page's forms, one per step. Each calls the same data function as the JSON API (so the
 * same guards decide), then refreshes the job page so both sides see the new state.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { applyInput, disputeInput, reviewInput } from "@/lib/marketplace/inputs";
import { acceptApplication, applyToJob } from "@/lib/marketplace/jobs";
import { cancelJob, completeJob } from "@/lib/marketplace/lifecycle";
import { disputeReview, reviewCustomer } from "@/lib/marketplace/reviews";
import { withdrawApplication } from "@/lib/marketplace/withdraw";

const jobPage = (jobId: string) => `/jobs/${jobId}`;

const jobId = z.uuid("That link does not point to a job.");
const applicationId = z.uuid("That link does not point to an application.");

export const applyAction = action(applyInput.extend({ jobId }), async ({ db, actor, input }) => {
  const result = await applyToJob(db, actor, input.jobId, { message: input.message });
  revalidatePath(jobPage(input.jobId));
  return result;
});

export const acceptApplicationAction = action(z.object({ jobId, applicationId }), async ({ db, actor, input }) => {
  const result = await acceptApplication(db, actor, input.jobId, input.applicationId);
  revalidatePath(jobPage(input.jobId));
  return result;
});

export const withdrawApplicationAction = action(z.object({ jobId, applicationId }), async ({ db, actor, input }) => {
  const result = await withdrawApplication(db, actor, input.jobId, input.applicationId);
  revalidatePath(jobPage(input.jobId));
  return result;
});

export const completeJobAction = action(z.object({ jobId }), async ({ db, actor, input }) => {
  const result = await completeJob(db, actor, input.jobId);
  revalidatePath(jobPage(input.jobId));
  return result;
});

export const cancelJobAction = action(z.object({ jobId }), async ({ db, actor, input }) => {
  const result = await cancelJob(db, actor, input.jobId);
  revalidatePath(jobPage(input.jobId));
  return result;
});

/** A form sends the chosen star as text, or nothing when no star was chosen. */
const rating = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
  z.number("Choose a rating from 1 to 5 stars.").pipe(reviewInput.shape.rating),
);

export const reviewCustomerAction = action(reviewInput.extend({ jobId, rating }), async ({ db, actor, input }) => {
  const result = await reviewCustomer(db, actor, input.jobId, { rating: input.rating, comment: input.comment });
  revalidatePath(jobPage(input.jobId));
  return result;
});

export const disputeReviewAction = action(
  disputeInput.extend({ jobId, reviewId: z.uuid("That link does not point to a review.") }),
  async ({ db, actor, input }) => {
    const result = await disputeReview(db, actor, input.jobId, input.reviewId, { reason: input.reason });
    revalidatePath(jobPage(input.jobId));
    return result;
  },
);
