/** GET: one job, as its customer or a provider sees it; a provider's look is recorded as a job_view. */
import { route } from "@/lib/http/route";
import { jobParams } from "@/lib/marketplace/inputs";
import { getJob } from "@/lib/marketplace/queries";

export const GET = route({ params: jobParams }, ({ db, actor, params }) => getJob(db, actor, params.jobId));
