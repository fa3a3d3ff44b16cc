/** POST: the booked provider reviews the customer after completion, once (201). */
import { created, route } from "@/lib/http/route";
import { jobParams, reviewInput } from "@/lib/marketplace/inputs";
import { reviewCustomer } from "@/lib/marketplace/reviews";

export const POST = route({ params: jobParams, body: reviewInput }, async ({ db, actor, params, body }) =>
  created(await reviewCustomer(db, actor, params.jobId, body)),
);
