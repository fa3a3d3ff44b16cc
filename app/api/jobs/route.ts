/** GET: open jobs on the marketplace, for providers (a keyset page). POST: a customer posts a job (201 with the job). */
import { created, route } from "@/lib/http/route";
import { openJobsQuery } from "@/lib/marketplace/job-lists/inputs";
import { postJobInput } from "@/lib/marketplace/jobs/inputs";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { listOpenJobs } from "@/lib/marketplace/job-lists/open-jobs";

export const GET = route({ query: openJobsQuery }, ({ db, actor, query }) => listOpenJobs(db, actor, query));

export const POST = route({ body: postJobInput }, async ({ db, actor, body }) =>
  created(await postJob(db, actor, body)),
);
