/** POST: the customer disputes a review of their job, once, with a reason for the moderators. */
import { route } from "@/lib/http/route";
import { disputeInput, jobReviewParams } from "@/lib/marketplace/reviews/inputs";
import { disputeReview } from "@/lib/marketplace/reviews/mutations";

export const POST = route({ params: jobReviewParams, body: disputeInput }, ({ db, actor, params, body }) =>
  disputeReview(db, actor, params.jobId, params.reviewId, body),
);
