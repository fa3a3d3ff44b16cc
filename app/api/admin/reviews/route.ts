/** GET: the reviews platform administrators moderate: the disputed queue, or the hidden reviews. */
import { route } from "@/lib/http/route";
import { listReviewsForModeration } from "@/lib/marketplace/reviews/queries";
import { moderationQuery } from "@/lib/marketplace/reviews/inputs";

export const GET = route({ query: moderationQuery }, ({ db, actor, query }) =>
  listReviewsForModeration(db, actor, query),
);
