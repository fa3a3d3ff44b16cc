/**
 * GET: one job, as its customer or a provider sees it. A provider's look is recorded as a job_view,
 * which opens the customer's restricted profile to it, so it shares the profile lookups' limit.
 */
import { route } from "@/lib/http/route";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { getJob } from "@/lib/marketplace/jobs/queries";

export const GET = route({ params: jobParams, rateLimit: "profileView" }, ({ db, actor, params }) =>
  getJob(db, actor, params.jobId),
);
