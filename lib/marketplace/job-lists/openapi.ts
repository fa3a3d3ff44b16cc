/** OpenAPI registration of the job lists: open jobs to browse, a provider business's own work, a customer's own jobs (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { customerJobsPageDto, openJobsPageDto, providerJobsPageDto } from "./dto";
import { customerJobsQuery, openJobsQuery, providerJobsQuery } from "./inputs";

const MARKETPLACE = ["Marketplace"];

const PAGING =
  "Newest first, a page at a time: pass `next_cursor` back as `cursor` (with any filter) for the next page; " +
  "a cursor this list did not issue is a 400.";

registerRoute({
  method: "get",
  path: "/api/jobs",
  operationId: "listOpenJobs",
  summary: "Browse open jobs",
  description:
    `The jobs still looking for a provider, the same for every provider business. ${PAGING} Each job names its ` +
    "customer by id only; read who they are with GET /api/provider/customers/{customerId}/profile, which applies " +
    "the customer's visibility choice. An unknown `category` is a 400 with a field error.",
  tags: MARKETPLACE,
  access: "provider",
  query: openJobsQuery,
  responses: { 200: { description: "A page of open jobs.", schema: openJobsPageDto } },
});

registerRoute({
  method: "get",
  path: "/api/provider/jobs",
  operationId: "listProviderJobs",
  summary: "Your business's jobs",
  description: `The jobs your business applied to, by the time it applied, with where it stands with each. ${PAGING}`,
  tags: MARKETPLACE,
  access: "provider",
  query: providerJobsQuery,
  responses: { 200: { description: "A page of your jobs.", schema: providerJobsPageDto } },
});

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
