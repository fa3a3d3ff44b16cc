/** OpenAPI registration of withdrawing an application (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { applicationParams } from "./inputs";
import { applicationWithdrawnDto } from "./withdraw";

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/applications/{applicationId}/withdraw",
  operationId: "withdrawApplication",
  summary: "Withdraw your application",
  description:
    "The applying provider business, while its application is pending and the job open. 403 " +
    "`not_your_application` for another business's application, `own_job` on your own job; 409 " +
    "`job_not_open`, `application_not_pending`. A withdrawn application stays on the job, so the " +
    "business cannot apply to that job again (409 `already_applied`).",
  tags: ["Marketplace"],
  access: "provider",
  params: applicationParams,
  responses: { 200: { description: "The application, withdrawn.", schema: applicationWithdrawnDto } },
  errors: [409],
});
