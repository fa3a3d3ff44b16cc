/** OpenAPI registration of the provider's view of a customer (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { providerProfileDto, reviewsPageDto } from "./dto";
import { customerParams, reviewsQuery } from "./inputs";
import { audienceRules } from "@/lib/customer-profile/audience";

describeTag(
  "Provider view",
  "A customer's public profile as marketplace providers see it, within the customer's visibility setting; and who viewed it.",
);

const ACCESS_RULES =
  `The customer decides who may look: ${audienceRules()}. Refusals are 403 with \`reason\` \`private\` or ` +
  "`no_interaction` (or `not_a_provider` for callers not acting for a marketplace provider) and a message to show as is.";

registerRoute({
  method: "get",
  path: "/api/provider/customers/{customerId}/profile",
  operationId: "getProviderCustomerProfile",
  summary: "A customer's public profile",
  description:
    `${ACCESS_RULES} Every view is recorded (the customer can see which businesses looked) and ` +
    "charged to the `profileView` rate limit. Never includes contact details, addresses, payment " +
    "details or more of the last name than its initial.",
  tags: ["Provider view"],
  access: "provider",
  params: customerParams,
  responses: { 200: { description: "The profile.", schema: providerProfileDto } },
  errors: [429],
});

registerRoute({
  method: "get",
  path: "/api/provider/customers/{customerId}/reviews",
  operationId: "listProviderCustomerReviews",
  summary: "A customer's reviews, a page at a time",
  description:
    `${ACCESS_RULES} Hidden reviews never appear. Pass \`next_cursor\` back as \`cursor\` with the same ` +
    "`sort`; a cursor from another sort is a 400. Charged to the `profileView` rate limit.",
  tags: ["Provider view"],
  access: "provider",
  params: customerParams,
  query: reviewsQuery,
  responses: { 200: { description: "A page of reviews.", schema: reviewsPageDto } },
  errors: [429],
});
