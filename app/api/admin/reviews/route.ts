/** GET: the reviews platform administrators moderate: the disputed queue, or the hidden reviews. */
import { route } from "@/lib/http/route";
import { listReviewsForModeration, moderationQuery } from "@/lib/marketplace/moderation";

export const GET = route({ query: moderationQuery }, ({ db, actor, query }) =>
  listReviewsForModeration(db, actor, query),
);
