/** POST: either party of the booking marks the job completed. */
import { route } from "@/lib/http/route";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { completeJob } from "@/lib/marketplace/jobs/mutations";

export const POST = route({ params: jobParams }, ({ db, actor, params }) => completeJob(db, actor, params.jobId));
