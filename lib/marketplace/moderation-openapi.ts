/** OpenAPI registration of the review moderation list (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { moderationPageDto, moderationQuery } from "./moderation";

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
