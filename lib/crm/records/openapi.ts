/** OpenAPI registration of the customer-record routes (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { customerRecordDto, preferencesDto } from "./dto";
import { createRecordInput, overrideParams, preferencesInput, updateRecordInput } from "./inputs";
import { businessParams, recordParams } from "@/lib/crm/inputs";

describeTag(
  "CRM",
  "A business's own records of its customers: contact data, tags, notes, preferences, purchases and metrics. The business is named in the path; another business's record is not found.",
);

const record = { description: "The customer record.", schema: customerRecordDto };

registerRoute({
  method: "post",
  path: "/api/customers/{businessId}",
  operationId: "createCustomer",
  summary: "Create a customer record",
  description:
    "`full_name` (or 003's `name`; full_name wins when both are sent) is required. The phone is normalised to E.164, read with the business's country when it has no country code (400 on `phone` if it is not a valid number). The email must not belong to another live record of the business, compared case-insensitively: 409 `customer_email_taken` with `existing_customer_id`. Emits v1.customer.created.",
  tags: ["CRM"],
  access: "business",
  permission: "crm.write",
  params: businessParams,
  body: createRecordInput,
  responses: { 201: { description: "The new record.", schema: customerRecordDto } },
  errors: [409],
});

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/{customerId}",
  operationId: "getCustomer",
  summary: "Read one customer record",
  description:
    "Staff with `crm.read` read any record of the business, deleted ones too (is_active false). The person the record is about (a signed-in customer whose account is linked to it) reads their own live record there, without the business's tags; any other record is 404 to them.",
  tags: ["CRM"],
  access: "business",
  permission: "crm.read",
  params: recordParams,
  responses: { 200: record },
});

registerRoute({
  method: "patch",
  path: "/api/customers/{businessId}/{customerId}",
  operationId: "updateCustomer",
  summary: "Update a customer record",
  description:
    "A partial update: only the fields sent change, null clears one. A request that changes nothing writes and emits nothing; a change emits v1.customer.updated with `fields_changed`. On a record linked to a Clientele account, a changed contact field (full_name, email, phone, address) becomes an override of the person's own value, listed in `overridden_fields`. Rate-limited per user and per record (the `crmRecordEdit` policy). A deleted record is 409 `record_deleted`.",
  tags: ["CRM"],
  access: "business",
  permission: "crm.write",
  params: recordParams,
  body: updateRecordInput,
  responses: { 200: record },
  errors: [409],
});

registerRoute({
  method: "delete",
  path: "/api/customers/{businessId}/{customerId}",
  operationId: "deleteCustomer",
  summary: "Soft-delete a customer record",
  description:
    "The record leaves the lists and its `is_active` turns false; POST …/restore undoes it. Emits v1.customer.updated (`is_active`).",
  tags: ["CRM"],
  access: "business",
  permission: "crm.delete",
  params: recordParams,
  responses: { 200: { description: "The deleted record.", schema: customerRecordDto } },
  errors: [409],
});

registerRoute({
  method: "post",
  path: "/api/customers/{businessId}/{customerId}/restore",
  operationId: "restoreCustomer",
  summary: "Restore a soft-deleted customer record",
  description:
    "409 `not_deleted` for a live record; 409 `customer_email_taken` (with `existing_customer_id`) when another live record has its email meanwhile, `customer_account_taken` when another live record is linked to the same person.",
  tags: ["CRM"],
  access: "business",
  permission: "crm.delete",
  params: recordParams,
  responses: { 200: { description: "The restored record.", schema: customerRecordDto } },
  errors: [409],
});

registerRoute({
  method: "delete",
  path: "/api/customers/{businessId}/{customerId}/overrides/{field}",
  operationId: "revertCustomerOverride",
  summary: "Revert an overridden contact field",
  description:
    "Puts the linked person's own current value back into the field and stops overriding it. 422 `not_linked` on a record without a Clientele account; 409 `not_overridden` when the field is not overridden.",
  tags: ["CRM"],
  access: "business",
  permission: "crm.write",
  params: overrideParams,
  responses: { 200: record },
  errors: [409, 422],
});

registerRoute({
  method: "patch",
  path: "/api/customers/{businessId}/{customerId}/preferences",
  operationId: "updateCustomerPreferences",
  summary: "Set a record's contact preferences",
  description:
    "Only the preferences sent change. `do_not_contact` overrides every opt-in: while it is set, `contactable` is false for every channel, whatever the opt-ins say.",
  tags: ["CRM"],
  access: "business",
  permission: "crm.write",
  params: recordParams,
  body: preferencesInput,
  responses: { 200: { description: "The record's preferences.", schema: preferencesDto } },
  errors: [409],
});
