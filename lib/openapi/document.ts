/**
 * The OpenAPI 3.1 document of the whole API. Each concept's openapi.ts registers its routes as a
 * side effect of being imported, so adding a concept to the document is one import line below.
 * The document is built once per process: the registrations cannot change at run time.
 */
import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { PERMISSIONS, type Permission } from "@/lib/authz/policy";
import pkg from "@/package.json";
import { componentSchemas, registeredTags, registry, rolesWith } from "./registry";

// One import per concept; their tags appear in this order.
import "@/lib/accounts/openapi";
import "@/lib/account-security/openapi";
import "@/lib/staff/openapi";
import "@/lib/crm/records/openapi";
import "@/lib/crm/notes/openapi";
import "@/lib/crm/tags/openapi";
import "@/lib/marketplace/jobs/openapi";
import "@/lib/marketplace/applications/openapi";
import "@/lib/marketplace/messages/openapi";
import "@/lib/marketplace/reviews/openapi";
import "@/lib/marketplace/job-lists/openapi";
import "@/lib/provider-profile/openapi";
import "@/lib/customer-profile/openapi";
import "@/lib/crm/purchases/openapi";
import "@/lib/crm/directory/openapi";
import "@/lib/crm/avatar/openapi";
import "@/lib/audit/openapi";
import "@/lib/events/openapi";
import "@/lib/health/openapi";
import "@/lib/observability/openapi";
import "@/lib/cron/openapi";
import "./openapi";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

const DESCRIPTION = `The JSON API behind Clientele: marketplace providers, customers and business staff.

- **Errors** always have the body \`{ "error": { "code", "message", "reason?", "field_errors?", "trace_id?" } }\`;
  branch on \`code\` and \`reason\` (each reason is listed with the 403, 409 and 422 responses), show \`message\`.
- **Authentication** is the session cookie set by signing in at /signin; API clients that act for a
  business name it in the \`X-Business-Id\` header.
- **Ids** are random UUIDs; **money** is integer minor units with an ISO 4217 currency; **times** are UTC ISO 8601.

## Permissions
Staff act for a business with the permissions of their role in it; an operation that needs one names it.

| Permission | Allows | Roles |
| --- | --- | --- |
${(Object.keys(PERMISSIONS) as Permission[])
  .map((permission) => `| \`${permission}\` | ${PERMISSIONS[permission]} | ${rolesWith(permission).join(", ")} |`)
  .join("\n")}`;

let cached: OpenApiDocument | undefined;

export function buildOpenApiDocument(): OpenApiDocument {
  return new OpenApiGeneratorV31([...componentSchemas, ...registry.definitions]).generateDocument({
    openapi: "3.1.0",
    info: { title: "Clientele API", version: pkg.version, description: DESCRIPTION },
    tags: registeredTags(),
  });
}

/** The document, built on first use. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
