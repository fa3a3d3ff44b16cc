/** POST: the booked provider reviews the customer after completion, once (201). */
import { created, route } from "@/lib/http/route";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { reviewInput } from "@/lib/marketplace/reviews/inputs";
import { reviewCustomer } from "@/lib/marketplace/reviews/mutations";

export const POST = route({ params: jobParams, body: reviewInput }, async ({ db, actor, params, body }) =>
  created(await reviewCustomer(db, actor, params.jobId, body)),
);
