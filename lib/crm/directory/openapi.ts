/** OpenAPI registration of the customer directory: the list, the search, the repeat customers (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { customerPageDto, customerSearchPageDto } from "./dto";
import { customerListQuery, customerSearchQuery, repeatCustomersQuery } from "./inputs";
import { businessParams } from "@/lib/crm/inputs";

const CRM = ["CRM"];
const PAGING =
  "Keyset pages: pass `next_cursor` back as `cursor` (with the same parameters) for the next page; pages never " +
  "skip or repeat a record while others are added, and a cursor this list did not issue is a 400. A business you " +
  "are not staff of is a 404.";

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}",
  operationId: "listCustomerRecords",
  summary: "List the business's customers",
  description:
    "The business's customer records, filtered by type, tag, loyalty tier, repeat or not, live (default) or " +
    `soft-deleted, sorted by name, created, last_purchase (never-purchased last when descending) or total_spent. ${PAGING}`,
  tags: CRM,
  access: "business",
  permission: "crm.read",
  params: businessParams,
  query: customerListQuery,
  responses: { 200: { description: "A page of customer records.", schema: customerPageDto } },
});

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/search",
  operationId: "searchCustomerRecords",
  summary: "Search the business's customers",
  description:
    "Live records whose name, email or phone contains `q` (a phone on its digits), ranked: name starts with it, " +
    "then a later word of the name does, then the name, the email and the phone contain it; by name within a rank. " +
    `Each result says which field matched and where (\`match\`). ${PAGING}`,
  tags: CRM,
  access: "business",
  permission: "crm.read",
  params: businessParams,
  query: customerSearchQuery,
  responses: { 200: { description: "A page of matching records.", schema: customerSearchPageDto } },
});

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/repeat",
  operationId: "listRepeatCustomers",
  summary: "Repeat customers, most valuable first",
  description: `Live records with 2 or more purchases, by total spent (highest first). ${PAGING}`,
  tags: CRM,
  access: "business",
  permission: "crm.read",
  params: businessParams,
  query: repeatCustomersQuery,
  responses: { 200: { description: "A page of repeat customers.", schema: customerPageDto } },
});
