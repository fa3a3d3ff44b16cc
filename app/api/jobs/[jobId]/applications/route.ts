/** POST: a provider applies to an open job (201). */
import { created, route } from "@/lib/http/route";
import { applyInput } from "@/lib/marketplace/applications/inputs";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { applyToJob } from "@/lib/marketplace/applications/mutations";

export const POST = route({ params: jobParams, body: applyInput }, async ({ db, actor, params, body }) =>
  created(await applyToJob(db, actor, params.jobId, body)),
);
