"use server";
/**
 * The admin page's moderation buttons: "Hide review", "Show review", and "Keep review" / "Keep hidden"
 * (the visibility the review already has). Each is a decision recorded on the review.
 */
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { reviewParams, reviewVisibilityInput } from "./inputs";
import { setReviewVisibility } from "./mutations";

export const setReviewVisibilityAction = action(
  reviewParams.extend(reviewVisibilityInput.shape),
  async ({ db, actor, input }) => {
    const result = await setReviewVisibility(db, actor, input.reviewId, input.is_visible);
    // The page's server-rendered parts change too: the outbox panel lists the event it wrote.
    revalidatePath("/admin");
    return result;
  },
);
