/** GET: the acting provider business's own jobs (applied, booked, completed, closed), newest application first. */
import { route } from "@/lib/http/route";
import { providerJobsQuery } from "@/lib/marketplace/job-lists/inputs";
import { listProviderJobs } from "@/lib/marketplace/job-lists/provider-jobs";

export const GET = route({ query: providerJobsQuery }, ({ db, actor, query }) => listProviderJobs(db, actor, query));
