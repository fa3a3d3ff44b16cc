/** OpenAPI registration of the customer's own job list (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { customerJobsQuery } from "./browse-inputs";
import { customerJobsPageDto } from "./customer-jobs-dto";

registerRoute({
  method: "get",
  path: "/api/customer/jobs",
  operationId: "listMyJobs",
  summary: "My jobs",
  description:
    "The jobs the signed-in customer posted, newest first, with how many applications wait for an answer " +
    "and the booked provider. Pass `next_cursor` back as `cursor` (with any `status`) for the next page; a " +
    "cursor this API did not issue is a 400. Accounts without a customer profile: 403 `not_a_customer`.",
  tags: ["Marketplace"],
  access: "customer",
  query: customerJobsQuery,
  responses: { 200: { description: "A page of jobs.", schema: customerJobsPageDto } },
});
