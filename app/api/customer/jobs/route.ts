/** GET: the signed-in customer's own jobs, newest first, optionally of one status. */
import { route } from "@/lib/http/route";
import { customerJobsQuery } from "@/lib/marketplace/job-lists/inputs";
import { listMyJobs } from "@/lib/marketplace/job-lists/customer-jobs";

export const GET = route({ query: customerJobsQuery }, ({ db, actor, query }) => listMyJobs(db, actor, query));
