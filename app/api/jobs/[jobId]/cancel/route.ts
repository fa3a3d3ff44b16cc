/** POST: the customer cancels an open or booked job, or the booked provider cancels a booked one. */
import { route } from "@/lib/http/route";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { cancelJob } from "@/lib/marketplace/jobs/mutations";

export const POST = route({ params: jobParams }, ({ db, actor, params }) => cancelJob(db, actor, params.jobId));
