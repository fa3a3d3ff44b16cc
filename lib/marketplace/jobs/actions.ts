"use server";
/**
 * The job page's forms, one per step. Each calls the same data function as the JSON API (so the
 * same guards decide), then refreshes the job page so both sides see the new state.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionContext } from "@/lib/actions/action";
import { id } from "@/lib/inputs";
import { applicationParams, applyInput } from "@/lib/marketplace/applications/inputs";
import { jobId, jobParams } from "./inputs";
import { disputeInput, reviewInput } from "@/lib/marketplace/reviews/inputs";
import { acceptApplication, applyToJob, withdrawApplication } from "@/lib/marketplace/applications/mutations";
import { cancelJob, completeJob, postJob } from "./mutations";
import { disputeReview, reviewCustomer } from "@/lib/marketplace/reviews/mutations";
import { redirect } from "next/navigation";
import { postJobForm } from "./post-job-form";

/** A step on one job: its data function, then the job page refreshed so both sides see the new state. */
function jobStep<S extends z.ZodType<{ jobId: string }>, T>(schema: S, step: (ctx: ActionContext<S>) => Promise<T>) {
  return action(schema, async (ctx) => {
    const result = await step(ctx);
    revalidatePath(`/jobs/${ctx.input.jobId}`);
    return result;
  });
}

export const applyAction = jobStep(applyInput.extend({ jobId }), ({ db, actor, input }) =>
  applyToJob(db, actor, input.jobId, { message: input.message }),
);

export const acceptApplicationAction = jobStep(applicationParams, ({ db, actor, input }) =>
  acceptApplication(db, actor, input.jobId, input.applicationId),
);

export const withdrawApplicationAction = jobStep(applicationParams, ({ db, actor, input }) =>
  withdrawApplication(db, actor, input.jobId, input.applicationId),
);

export const completeJobAction = jobStep(jobParams, ({ db, actor, input }) => completeJob(db, actor, input.jobId));

export const cancelJobAction = jobStep(jobParams, ({ db, actor, input }) => cancelJob(db, actor, input.jobId));

/** A form sends the chosen star as text, or nothing when no star was chosen. */
const rating = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
  z.number("Choose a rating from 1 to 5 stars.").pipe(reviewInput.shape.rating),
);

export const reviewCustomerAction = jobStep(reviewInput.extend({ jobId, rating }), ({ db, actor, input }) =>
  reviewCustomer(db, actor, input.jobId, { rating: input.rating, comment: input.comment }),
);

export const disputeReviewAction = jobStep(
  disputeInput.extend({ jobId, reviewId: id("That link does not point to a review.") }),
  ({ db, actor, input }) => disputeReview(db, actor, input.jobId, input.reviewId, { reason: input.reason }),
);

export const postJobAction = action(postJobForm, async ({ db, actor, input }) => {
  const job = await postJob(db, actor, input);
  // /me and /me/jobs list the new job.
  revalidatePath("/me", "layout");
  redirect(`/jobs/${job.job_id}`);
});
