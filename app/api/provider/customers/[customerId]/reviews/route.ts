/** GET: a page of a customer's visible reviews, same access as the profile; charged to the profileView rate limit. */
import { route } from "@/lib/http/route";
import { customerParams, reviewsQuery } from "@/lib/provider-profile/inputs";
import { listCustomerReviews } from "@/lib/provider-profile/reviews";

export const GET = route(
  { params: customerParams, query: reviewsQuery, rateLimit: "profileView" },
  ({ db, actor, params, query }) => listCustomerReviews(db, actor, params.customerId, query),
);
