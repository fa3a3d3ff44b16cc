/** PATCH: a platform administrator decides on a review: hides it, shows it, or keeps the visibility it has. */
import { route } from "@/lib/http/route";
import { reviewParams, reviewVisibilityInput } from "@/lib/marketplace/reviews/inputs";
import { setReviewVisibility } from "@/lib/marketplace/reviews/mutations";

export const PATCH = route({ params: reviewParams, body: reviewVisibilityInput }, ({ db, actor, params, body }) =>
  setReviewVisibility(db, actor, params.reviewId, body.is_visible),
);
