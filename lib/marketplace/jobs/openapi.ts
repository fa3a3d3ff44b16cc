/**
 * OpenAPI registration of the job routes (post, read, complete, cancel) and the Marketplace tag's
 * description, which the other marketplace sub-concepts' routes share (see lib/openapi/registry.ts).
 */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { jobDto, jobStatusDto } from "./dto";
import { jobParams, postJobInput } from "./inputs";

describeTag(
  "Marketplace",
  "Customers post jobs; provider businesses view and apply, message the customer and, once booked and " +
    "done, review them. A job the caller may not see is 404. Refusals carry a `reason`: 403 " +
    "`not_job_owner`, `own_job`, `not_booked_provider`, `not_applied`, `not_a_provider`, `not_a_customer`, " +
    "`not_on_marketplace`, `not_your_thread`, `not_your_application`; 409 `job_not_open`, `already_applied`, `application_not_pending`, `not_booked`, " +
    "`already_completed`, `already_cancelled`, `not_completed`, `already_reviewed`, `already_disputed`, " +
    "`job_closed`, `thread_closed`; 422 `not_an_applicant`. Every provider step is recorded as an " +
    "interaction with the customer, which is what a restricted profile is checked against.",
);

const MARKETPLACE = ["Marketplace"];

registerRoute({
  method: "post",
  path: "/api/jobs",
  operationId: "postJob",
  summary: "Post a job",
  description:
    "Money in integer minor units (`budget_minor`) with an ISO currency (default USD); `scheduled_for` in the future.",
  tags: MARKETPLACE,
  access: "customer",
  body: postJobInput,
  responses: { 201: { description: "The job, open.", schema: jobDto } },
});

registerRoute({
  method: "get",
  path: "/api/jobs/{jobId}",
  operationId: "getJob",
  summary: "One job",
  description:
    "The customer who posted it sees every application and review. A provider sees open jobs and jobs it " +
    "applied to or was booked for, with its own application and review only; its look is recorded as a " +
    "`job_view` interaction. Anyone else: 404.",
  tags: MARKETPLACE,
  access: "user",
  params: jobParams,
  responses: { 200: { description: "The job.", schema: jobDto } },
  errors: [403, 429],
});

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/complete",
  operationId: "completeJob",
  summary: "Mark a booked job completed",
  description: "Either party of the booking.",
  tags: MARKETPLACE,
  access: "user",
  params: jobParams,
  responses: { 200: { description: "The job's new state.", schema: jobStatusDto } },
  errors: [403, 409],
});

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/cancel",
  operationId: "cancelJob",
  summary: "Cancel a job",
  description:
    "The customer, on an open or booked job; the booked provider, on a booked job. `cancelled_by` records which side.",
  tags: MARKETPLACE,
  access: "user",
  params: jobParams,
  responses: { 200: { description: "The job's new state.", schema: jobStatusDto } },
  errors: [403, 409],
});
