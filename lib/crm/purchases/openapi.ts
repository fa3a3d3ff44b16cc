/** OpenAPI registration of the CRM's purchases, metrics, stats and history routes, and GET /api/me/businesses. */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { historyPageDto, myBusinessesDto, purchaseRecordedDto, recordMetricsDto, recordStatsDto } from "./dto";
import { historyQuery, recordPurchaseInput } from "./inputs";
import { recordParams } from "@/lib/crm/inputs";

describeTag(
  "CRM purchases",
  "A business's sales to a customer record, the metrics kept from them, and the record's history of purchases and appointments.",
);

const SELF =
  "The person the record is about (a signed-in customer whose account is linked to it) may read it too, at every business; for anyone else the record is not found (404).";

registerRoute({
  method: "post",
  path: "/api/customers/{businessId}/{customerId}/purchases",
  operationId: "recordCrmPurchase",
  summary: "Record a completed sale",
  description:
    "Adds the sale to the record's running totals in the same transaction (purchase count, spend, items, first and last purchase), and answers the purchase with the record's new metrics. " +
    "Idempotent on `(source, external_ref)`: when that reference is already recorded at the business nothing changes and the answer is the **first** purchase (with `recorded: false`) and status 200 instead of 201, also when several arrive at once. " +
    "The currency defaults to the business's and must be it (422 `currency_mismatch`). A deleted record is refused (409 `record_deleted`). " +
    "Emits `v1.customer.updated` with the metrics that changed in `fields_changed` (total_purchases, total_spent, ...).",
  tags: ["CRM purchases"],
  access: "business",
  permission: "crm.purchases",
  params: recordParams,
  body: recordPurchaseInput,
  responses: {
    201: { description: "Recorded; the record's new metrics.", schema: purchaseRecordedDto },
    200: {
      description: "The external reference was already recorded: the first purchase, unchanged metrics.",
      schema: purchaseRecordedDto,
    },
  },
  errors: [409, 422],
});

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/{customerId}/metrics",
  operationId: "getCrmRecordMetrics",
  summary: "A record's purchase metrics and loyalty",
  description: `days_since_last_purchase is computed when read. ${SELF}`,
  tags: ["CRM purchases"],
  access: "business",
  permission: "crm.read",
  params: recordParams,
  responses: { 200: { description: "The metrics, in the business's currency.", schema: recordMetricsDto } },
});

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/{customerId}/stats",
  operationId: "getCrmRecordStats",
  summary: "A record's stats",
  description: `Orders, completed appointments, lifetime value (a decimal, and in minor units beside it) and the last dates. ${SELF}`,
  tags: ["CRM purchases"],
  access: "business",
  permission: "crm.read",
  params: recordParams,
  responses: {
    200: {
      description: "The stats.",
      schema: recordStatsDto,
      example: {
        total_orders: 12,
        total_appointments: 8,
        lifetime_value: 2750.0,
        lifetime_value_minor: 275000,
        currency: "USD",
        last_order_date: "2025-07-15",
        last_appointment_date: "2025-07-02",
      },
    },
  },
});

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/{customerId}/history",
  operationId: "getCrmRecordHistory",
  summary: "A record's purchases and appointments",
  description: `Both together, newest first (a purchase at its time, an appointment at its start), in keyset pages. Appointment notes are sent to staff only. ${SELF}`,
  tags: ["CRM purchases"],
  access: "business",
  permission: "crm.read",
  params: recordParams,
  query: historyQuery,
  responses: { 200: { description: "One page of the history.", schema: historyPageDto } },
});

registerRoute({
  method: "get",
  path: "/api/me/businesses",
  operationId: "listMyCrmBusinesses",
  summary: "Your records at every business",
  description:
    "The businesses that keep a customer record of you, with your orders, spend and appointments there. A business's notes and tags are never shown.",
  tags: ["CRM purchases"],
  access: "customer",
  responses: { 200: { description: "Your records, oldest first.", schema: myBusinessesDto } },
});
