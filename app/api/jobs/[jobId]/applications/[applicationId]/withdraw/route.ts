/** POST: a provider withdraws its own pending application while the job is open. */
import { route } from "@/lib/http/route";
import { applicationParams } from "@/lib/marketplace/applications/inputs";
import { withdrawApplication } from "@/lib/marketplace/applications/mutations";

export const POST = route({ params: applicationParams }, ({ db, actor, params }) =>
  withdrawApplication(db, actor, params.jobId, params.applicationId),
);
