/** POST: the customer books the provider of this application; the other applications are declined. */
import { route } from "@/lib/http/route";
import { applicationParams } from "@/lib/marketplace/applications/inputs";
import { acceptApplication } from "@/lib/marketplace/applications/mutations";

export const POST = route({ params: applicationParams }, ({ db, actor, params }) =>
  acceptApplication(db, actor, params.jobId, params.applicationId),
);
