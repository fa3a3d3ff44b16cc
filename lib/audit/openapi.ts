/** OpenAPI registration of the audit history route (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { auditPageDto } from "./dto";
import { auditQuery } from "./inputs";

describeTag(
  "Audit",
  "Who changed what, field by field: old and new values (sensitive fields redacted), the actor and the request's trace id.",
);

registerRoute({
  method: "get",
  path: "/api/audit",
  operationId: "listAuditHistory",
  summary: "The change history of a record",
  description:
    "Newest first, a page at a time: pass `next_cursor` back as `cursor` for older changes. " +
    "Staff with the audit.read permission see the changes of the business they act for (omit " +
    "`entity_id` for every record of the type); anyone may see the history of their own account " +
    "(`entity_type=user`) and customer profile (`entity_type=customer`); platform administrators see " +
    "everything. A record without history answers an empty page. Sensitive fields (credentials, " +
    'contact details, addresses, payment details) show `{"redacted": true}` instead of their values.',
  tags: ["Audit"],
  access: "user",
  query: auditQuery,
  responses: { 200: { description: "A page of changes.", schema: auditPageDto } },
  errors: [403],
});
