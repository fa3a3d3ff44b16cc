/** OpenAPI registration of the CRM tag routes (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { bulkTagResultDto, recordTagsDto, tagAddedDto, tagListDto } from "./dto";
import { addTagInput, bulkTagInput, recordTagParams } from "./inputs";
import { businessParams, recordParams } from "@/lib/crm/inputs";

describeTag(
  "Customer tags",
  "Labels from a business's own tag list, with colours, on its customer records: at most 50 per record, each once (case-insensitively). Internal to the business.",
);

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/tags",
  operationId: "listCustomerTags",
  summary: "The business's tag list",
  description: "Every tag of the business, by label, with its colour and how many live records carry it.",
  tags: ["Customer tags"],
  access: "business",
  permission: "crm.read",
  params: businessParams,
  responses: { 200: { description: "The tag list.", schema: tagListDto } },
});

registerRoute({
  method: "post",
  path: "/api/customers/{businessId}/{customerId}/tags",
  operationId: "tagCustomer",
  summary: "Tag a record",
  description:
    "The label is matched case-insensitively against the business's tag list and created there on first use. 409 duplicate_tag when the record already carries it (in any case), 409 too_many_tags at 50, 409 record_deleted. Emits v1.customer.tagged.",
  tags: ["Customer tags"],
  access: "business",
  permission: "crm.write",
  params: recordParams,
  body: addTagInput,
  responses: { 201: { description: "The record's tags, with the one added.", schema: tagAddedDto } },
  errors: [409],
});

registerRoute({
  method: "delete",
  path: "/api/customers/{businessId}/{customerId}/tags/{tagId}",
  operationId: "untagCustomer",
  summary: "Take a tag off a record",
  description: "Audited; emits no event. The tag stays in the business's list.",
  tags: ["Customer tags"],
  access: "business",
  permission: "crm.write",
  params: recordTagParams,
  responses: { 200: { description: "The record's remaining tags.", schema: recordTagsDto } },
  errors: [409],
});

registerRoute({
  method: "post",
  path: "/api/customers/{businessId}/tags/bulk",
  operationId: "bulkTagCustomers",
  summary: "Tag many records at once",
  description:
    "1-100 record ids, one transaction, an outcome per record (tagged, already_tagged, too_many_tags, record_deleted, not_found) rather than all-or-nothing: records that cannot take the tag are reported and left as they were.",
  tags: ["Customer tags"],
  access: "business",
  permission: "crm.write",
  params: businessParams,
  body: bulkTagInput,
  responses: { 200: { description: "The tag and each record's outcome.", schema: bulkTagResultDto } },
});
