/**
 * The OpenAPI registry: each concept documents its own routes, next to its code, with the same
 * zod schemas its route handlers parse, so the published contract cannot drift from the code.
 *
 * How a concept adds its routes
 * 1. Create lib/<concept>/openapi.ts and call registerRoute once per route, passing the very
 *    schema objects the route uses (import them from lib/<concept>/inputs.ts and dto.ts);
 *    coverage.test.ts compares them with the spec route() carries, by identity:
 *
 *      registerRoute({
 *        method: "post", path: "/api/crm/customers/{customerId}/notes",   // OpenAPI {param} syntax
 *        summary: "Add a note", tags: ["CRM"], access: "business", permission: "crm.write",
 *        params: customerParams, body: createNoteInput,
 *        responses: { 201: { description: "The note", schema: noteDto } },
 *        errors: [409],                                                   // beyond the automatic ones
 *      });
 *
 * 2. Add `import "@/lib/<concept>/openapi";` to lib/openapi/document.ts. A new tag gets its
 *    description once, from the concept's openapi.ts: describeTag("CRM", "Business staff's ...").
 * 3. Describe with zod's own metadata, not `.openapi()` (zod-to-openapi 8+ reads zod 4's `.meta`,
 *    so no extendZodWithOpenApi and no import-order trap): `.meta({ id: "CrmNote", description })`
 *    names a schema (it becomes a component and is $ref'd); `.meta({ description, example })` on a
 *    params/query field becomes that parameter's description.
 *
 * Standard error responses are added from `access` and the inputs (see standardErrors), the
 * session cookie security and the X-Business-Id header from `access`.
 */
import { OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { PERMISSIONS, ROLE_PERMISSIONS, type Permission } from "@/lib/authz/policy";
import { isBodyReader, type BodyReader } from "@/lib/http/bodies";
import { ERROR_RESPONSES, errorBody, type ErrorStatus } from "./error-responses";

/**
 * Who may call a route, as the docs describe it (the route itself enforces it in lib/authz):
 * - public: anyone; user: any signed-in account; customer: an account with a customer profile;
 * - business: staff acting for a business (X-Business-Id), with `permission` if given;
 * - provider: staff of a marketplace provider business; admin: platform administrators;
 * - cron: scheduled jobs, with the cron secret as a bearer token;
 * - metrics: the Prometheus scraper, with the metrics token as a bearer token.
 */
export type Access = "public" | "user" | "customer" | "business" | "provider" | "admin" | "cron" | "metrics";

type ParamsSchema = z.ZodObject | z.ZodPipe;

export type ResponseDoc = {
  description: string;
  /** Omit for an empty body (204). */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  /** A realistic body, where the one generated from the schema would mislead (nulls, "string"). */
  example?: unknown;
  headers?: z.ZodObject;
};

export type RouteDoc = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path syntax: /api/customers/{customerId}. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  /** For access "business": the permission lib/authz checks, so the docs can name the roles. */
  permission?: Permission;
  operationId?: string;
  params?: ParamsSchema;
  query?: ParamsSchema;
  /** A JSON body's schema, or the very body kind the route reads (multipart: documented with its media type). */
  body?: z.ZodType | BodyReader<unknown>;
  /** Success (and other route-specific) responses, by status. */
  responses: Record<number, ResponseDoc>;
  /** Error statuses beyond standardErrors': 409, 422, or 429 for a read or public route that charges a rate limit. */
  errors?: ErrorStatus[];
  deprecated?: boolean;
};

export const SESSION_COOKIE = "authjs.session-token";
export const BUSINESS_HEADER = "X-Business-Id";

export const registry = new OpenAPIRegistry();

registry.registerComponent("securitySchemes", "session", {
  type: "apiKey",
  in: "cookie",
  name: SESSION_COOKIE,
  description:
    "The Auth.js session cookie (a signed JWT), set by signing in at /signin. Over HTTPS it is named " +
    `__Secure-${SESSION_COOKIE}. Browsers send it automatically to this origin.`,
});
registry.registerComponent("securitySchemes", "cronSecret", {
  type: "http",
  scheme: "bearer",
  description: "Scheduled jobs only: `Authorization: Bearer $CRON_SECRET`.",
});
registry.registerComponent("securitySchemes", "metricsToken", {
  type: "http",
  scheme: "bearer",
  description: "The metrics scraper only: `Authorization: Bearer $METRICS_TOKEN`.",
});
registry.registerComponent("parameters", "BusinessId", {
  name: BUSINESS_HEADER,
  in: "header",
  required: false,
  schema: { type: "string", format: "uuid" },
  description:
    "The business to act for, for members of several. Without it the browser's business switcher " +
    "(a cookie) or else the oldest membership is used. Naming a business you are not a member of is " +
    "refused with 403 `not_a_member`.",
});
for (const [status, response] of Object.entries(ERROR_RESPONSES)) {
  registry.registerComponent("responses", response.name, {
    description: response.description,
    ...(status === "429" && {
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
    }),
    content: {
      "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" }, example: response.example },
    },
  });
}

const routes = new Map<string, RouteDoc>();
const tags = new Map<string, string>();

/** A tag's description, shown above its operations; tags appear in the order first described. */
export function describeTag(name: string, description: string) {
  tags.set(name, description);
}

export function registeredTags(): { name: string; description: string }[] {
  return [...tags].map(([name, description]) => ({ name, description }));
}

/**
 * Documents one route. Registering the same method and path again replaces it (a module
 * re-evaluated by hot reload), so the document never lists an operation twice.
 */
export function registerRoute(doc: RouteDoc): RouteDoc {
  checkPathParams(doc);
  routes.set(routeKey(doc.method, doc.path), doc);
  registry.registerPath(toRouteConfig(doc));
  return doc;
}

/** The documentation of a route as registered, with the caller's own schema objects. */
export function registeredRoute(method: RouteDoc["method"], path: string): RouteDoc | undefined {
  return routes.get(routeKey(method, path));
}

export function registeredRoutes(): RouteDoc[] {
  return [...routes.values()];
}

/**
 * Schemas referenced only from raw components (so no route would make the generator emit them).
 * Wrapped as definitions: a bare zod 4 schema has its own `type` field, which the generator would
 * mistake for a definition kind and skip.
 */
export const componentSchemas: OpenAPIRegistry["definitions"] = [{ type: "schema", schema: errorBody }];

/** The automatic error statuses: what the route wrapper and lib/authz can answer for this route. */
export function standardErrors(
  doc: Pick<RouteDoc, "access" | "params" | "query" | "body"> & { method?: RouteDoc["method"] },
): ErrorStatus[] {
  const statuses: ErrorStatus[] = [];
  if (doc.params || doc.query || doc.body) statuses.push(400);
  if (doc.access !== "public") statuses.push(401);
  // Roles and scopes; and any change sent from another site's page (reason cross_origin, lib/http/origin.ts).
  const change = doc.method !== undefined && doc.method !== "get" && !["cron", "metrics"].includes(doc.access);
  if (["customer", "business", "provider", "admin"].includes(doc.access) || change) statuses.push(403);
  if (doc.params) statuses.push(404);
  if (doc.body) statuses.push(408); // the body did not arrive within its deadline
  if (doc.access === "cron") statuses.push(409); // the job is already running
  if (doc.body) statuses.push(413, 415); // too large; not of the media type the route reads
  // The wrapper applies the "write" rate limit to every signed-in change.
  if (doc.method && doc.method !== "get" && !["public", "cron", "metrics"].includes(doc.access)) statuses.push(429);
  statuses.push(500);
  return statuses;
}

const ACCESS_TEXT: Record<Access, string> = {
  public: "Public: no sign-in needed.",
  user: "Any signed-in account.",
  customer: "A signed-in customer, acting for themselves.",
  business: "Staff acting for a business (choose it with X-Business-Id).",
  provider: "Staff of a marketplace provider business (choose it with X-Business-Id).",
  admin: "Platform administrators only.",
  cron: "Scheduled jobs only (cron secret).",
  metrics: "The metrics scraper only (metrics token).",
};

/** The roles that hold `permission`, as lib/authz grants it. */
export function rolesWith(permission: Permission): string[] {
  return Object.entries(ROLE_PERMISSIONS)
    .filter(([, permissions]) => permissions.includes(permission))
    .map(([role]) => role);
}

function accessText(doc: RouteDoc): string {
  if (!doc.permission) return ACCESS_TEXT[doc.access];
  const { permission } = doc;
  return (
    `${ACCESS_TEXT[doc.access]} Needs the \`${permission}\` permission (roles: ${rolesWith(permission).join(", ")}): ` +
    PERMISSIONS[permission]
  );
}

function toRouteConfig(doc: RouteDoc): RouteConfig {
  const errors = [...new Set([...standardErrors(doc), ...(doc.errors ?? [])])].sort((a, b) => a - b);
  const responses: RouteConfig["responses"] = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.headers && { headers: response.headers }),
      ...(response.schema && {
        content: {
          [response.contentType ?? "application/json"]: {
            schema: response.schema,
            ...(response.example !== undefined && { example: response.example }),
          },
        },
      }),
    };
  }
  for (const status of errors) {
    responses[String(status)] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  }
  const security = {
    public: [],
    cron: [{ cronSecret: [] }],
    metrics: [{ metricsToken: [] }],
  }[doc.access as string] ?? [{ session: [] }];
  return {
    method: doc.method,
    path: doc.path,
    summary: doc.summary,
    description: [doc.description, `**Access:** ${accessText(doc)}`].filter(Boolean).join("\n\n"),
    tags: doc.tags,
    ...(doc.operationId && { operationId: doc.operationId }),
    ...(doc.deprecated && { deprecated: true }),
    security,
    "x-access": doc.access,
    ...(doc.permission && { "x-permission": doc.permission }),
    ...((doc.access === "business" || doc.access === "provider") && {
      parameters: [{ $ref: "#/components/parameters/BusinessId" }],
    }),
    request: {
      ...(doc.params && { params: doc.params }),
      ...(doc.query && { query: doc.query }),
      ...(doc.body && { body: { required: true, content: bodyContent(doc.body) } }),
    },
    responses,
  };
}

/** A body's media type and schema: a zod schema is JSON; a body kind names its own. */
function bodyContent(body: z.ZodType | BodyReader<unknown>) {
  if (!isBodyReader(body)) return { "application/json": { schema: body } };
  if (!body.schema || !body.mediaType) throw new Error(`A ${body.kind} body cannot be documented from its reader`);
  return { [body.mediaType]: { schema: body.schema } };
}

function routeKey(method: string, path: string) {
  return `${method.toUpperCase()} ${path}`;
}

/** A typo between the path and its params schema would document a route nobody can call. */
function checkPathParams(doc: RouteDoc) {
  if (/\[[^\]]+\]/.test(doc.path)) {
    throw new Error(`${routeKey(doc.method, doc.path)}: write path parameters as {name}, not [name]`);
  }
  const inPath = [...doc.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort();
  const shape = doc.params && "shape" in doc.params ? Object.keys(doc.params.shape).sort() : undefined;
  if (!doc.params && inPath.length === 0) return;
  if (shape && inPath.join() !== shape.join()) {
    throw new Error(
      `${routeKey(doc.method, doc.path)}: path parameters {${inPath.join(", ")}} do not match params (${shape.join(", ")})`,
    );
  }
  if (!doc.params && inPath.length > 0) {
    throw new Error(`${routeKey(doc.method, doc.path)}: path has {${inPath.join(", ")}} but no params schema`);
  }
}
