/** OpenAPI registration of the application routes: apply, book (accept) and withdraw (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { applicationParams, applyInput } from "./inputs";
import { applicationCreatedDto, applicationWithdrawnDto, bookingDto } from "./dto";
import { jobParams } from "@/lib/marketplace/jobs/inputs";

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

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/applications",
  operationId: "applyToJob",
  summary: "Apply to a job",
  description: "One application per provider business and job; the job must be open.",
  tags: ["Marketplace"],
  access: "provider",
  params: jobParams,
  body: applyInput,
  responses: { 201: { description: "The application, pending.", schema: applicationCreatedDto } },
  errors: [409],
});

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/applications/{applicationId}/accept",
  operationId: "acceptApplication",
  summary: "Book the provider of an application",
  description: "The job becomes booked; every other pending application is declined (`rejected`).",
  tags: ["Marketplace"],
  access: "customer",
  params: applicationParams,
  responses: { 200: { description: "The booking.", schema: bookingDto } },
  errors: [409],
});
