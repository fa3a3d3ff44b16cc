/** OpenAPI registration of the marketplace routes: jobs, applications, messages, reviews (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import {
  applicationCreatedDto,
  bookingDto,
  disputeDto,
  jobDto,
  jobStatusDto,
  messageDto,
  providerVisibilityDto,
  reviewCreatedDto,
  reviewVisibilityDto,
} from "./dto";
import {
  applicationParams,
  applyInput,
  disputeInput,
  jobParams,
  jobReviewParams,
  messageInput,
  postJobInput,
  providerVisibilityInput,
  reviewInput,
  reviewParams,
  reviewVisibilityInput,
} from "./inputs";

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
  path: "/api/jobs/{jobId}/applications",
  operationId: "applyToJob",
  summary: "Apply to a job",
  description: "One application per provider business and job; the job must be open.",
  tags: MARKETPLACE,
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
  tags: MARKETPLACE,
  access: "customer",
  params: applicationParams,
  responses: { 200: { description: "The booking.", schema: bookingDto } },
  errors: [409],
});

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/messages",
  operationId: "sendJobMessage",
  summary: "Send a message about a job",
  description:
    "One thread per provider business. While the job is open, the customer and each provider whose application is pending (a withdrawn application closes its thread); " +
    "once booked or completed, the customer and the booked provider; a cancelled job takes none. The customer " +
    "names the thread with `provider_business_id`; a provider always writes in its own.",
  tags: MARKETPLACE,
  access: "user",
  params: jobParams,
  body: messageInput,
  responses: { 201: { description: "The message.", schema: messageDto } },
  errors: [403, 409, 422],
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

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/review",
  operationId: "reviewCustomer",
  summary: "Review the customer of a completed job",
  description: "The booked provider, once the job is completed; one review per provider business and job.",
  tags: MARKETPLACE,
  access: "provider",
  params: jobParams,
  body: reviewInput,
  responses: { 201: { description: "The review, visible.", schema: reviewCreatedDto } },
  errors: [409],
});

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/reviews/{reviewId}/dispute",
  operationId: "disputeReview",
  summary: "Dispute a review of your job",
  description: "The customer, once per review, with a reason for the moderators (who may hide the review).",
  tags: MARKETPLACE,
  access: "customer",
  params: jobReviewParams,
  body: disputeInput,
  responses: { 200: { description: "The dispute.", schema: disputeDto } },
  errors: [409],
});

registerRoute({
  method: "patch",
  path: "/api/admin/reviews/{reviewId}",
  operationId: "setReviewVisibility",
  summary: "Hide, show or keep a review",
  description:
    "An administrator's decision on a review, recorded with who made it and when; any decision takes a disputed review out of " +
    "the queue (GET /api/admin/reviews?status=disputed). Hidden reviews leave the customer's rating and histogram at once. " +
    "Sending the visibility the review already has keeps it as it is (`changed: false`): the counters do not move and no event is published.",
  tags: MARKETPLACE,
  access: "admin",
  params: reviewParams,
  body: reviewVisibilityInput,
  responses: { 200: { description: "The review's visibility.", schema: reviewVisibilityDto } },
});

registerRoute({
  method: "patch",
  path: "/api/customer/profile/provider-visibility",
  operationId: "setProviderVisibility",
  summary: "Choose who among providers may see your profile",
  description: "public: any provider; restricted: providers that have dealt with you; private: none.",
  tags: MARKETPLACE,
  access: "customer",
  body: providerVisibilityInput,
  responses: { 200: { description: "The setting.", schema: providerVisibilityDto } },
});
