/** POST: the customer books the provider of this application; the other applications are declined. */
import { route } from "@/lib/http/route";
import { applicationParams } from "@/lib/marketplace/inputs";
import { acceptApplication } from "@/lib/marketplace/jobs";

export const POST = route({ params: applicationParams }, ({ db, actor, params }) =>
  acceptApplication(db, actor, params.jobId, params.applicationId),
);
