/** OpenAPI registration of the review routes: review a customer, dispute a review, moderate (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { disputeDto, moderationPageDto, reviewVisibilityDto, reviewCreatedDto } from "./dto";
import {
  jobReviewParams,
  disputeInput,
  moderationQuery,
  reviewVisibilityInput,
  reviewParams,
  reviewInput,
} from "./inputs";
import { jobParams } from "@/lib/marketplace/jobs/inputs";

registerRoute({
  method: "get",
  path: "/api/admin/reviews",
  operationId: "listReviewsForModeration",
  summary: "Reviews to moderate",
  description:
    "status=disputed: the queue, every disputed review no administrator has decided on since it was disputed, " +
    "most recently disputed first, with its current visibility. PATCH /api/admin/reviews/{reviewId} decides: " +
    "`is_visible: false` hides it, `true` shows it, and the visibility it already has keeps it; any of them takes it " +
    "out of the queue. status=hidden: hidden reviews, newest written first. " +
    "Keyset pages: pass `next_cursor` back as `cursor` with the same status; a cursor of the other status is a 400. " +
    "The customer is named by their public name only.",
  tags: ["Marketplace"],
  access: "admin",
  query: moderationQuery,
  responses: { 200: { description: "A page of reviews.", schema: moderationPageDto } },
});

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/review",
  operationId: "reviewCustomer",
  summary: "Review the customer of a completed job",
  description: "The booked provider, once the job is completed; one review per provider business and job.",
  tags: ["Marketplace"],
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
  tags: ["Marketplace"],
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
  tags: ["Marketplace"],
  access: "admin",
  params: reviewParams,
  body: reviewVisibilityInput,
  responses: { 200: { description: "The review's visibility.", schema: reviewVisibilityDto } },
});
