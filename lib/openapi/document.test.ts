import { describe, expect, it } from "vitest";
import { z } from "zod";
import pkg from "@/package.json";
import {
  type AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  rateLimited,
  toErrorBody,
  unauthorized,
} from "@/lib/errors";
import { healthResponse } from "@/lib/health/schema";
import { buildOpenApiDocument, openApiDocument, type OpenApiDocument } from "./document";
import { errorBody } from "./error-responses";
import { registerRoute, registeredRoute, registeredRoutes, standardErrors } from "./registry";

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
  "x-access"?: string;
};
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function operations(doc: OpenApiDocument) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Operation })),
  );
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

/** Invariants every version of the document must keep, whoever registers routes. */
function expectWellFormed(doc: OpenApiDocument) {
  expect(doc.openapi).toBe("3.1.0");
  const ops = operations(doc);
  expect(ops.length).toBeGreaterThan(0);
  for (const { path, method, op } of ops) {
    const where = `${method.toUpperCase()} ${path}`;
    expect(Object.keys(op.responses), where).not.toHaveLength(0);
    const isPublic = op["x-access"] === "public";
    expect(isPublic ? op.security : op.security?.length, where).toEqual(isPublic ? [] : 1);
    if (!isPublic) expect(op.responses, where).toHaveProperty("401");
  }
  const ids = ops.map(({ op }) => op.operationId).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
  // Every $ref points at something the document defines.
  for (const ref of refsIn(doc)) {
    const [, , section, name] = ref.split("/");
    expect((doc.components as Record<string, Record<string, unknown>>)[section!], ref).toHaveProperty(name!);
  }
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is a well-formed 3.1 document of this version", () => {
    expect(doc.info).toMatchObject({ title: "Clientele API", version: pkg.version });
    expectWellFormed(doc);
    expect(doc.components?.securitySchemes).toHaveProperty("session");
    expect(doc.components?.parameters).toHaveProperty("BusinessId");
    expect(doc.components?.schemas).toHaveProperty("ErrorBody");
    expect(doc.tags).toContainEqual({ name: "Platform", description: expect.any(String) });
  });

  it("documents the health and document endpoints, public and uncached by the session", () => {
    expect(Object.keys(doc.paths ?? {})).toEqual(expect.arrayContaining(["/api/health", "/api/openapi.json"]));
    const health = doc.paths!["/api/health"]!.get as Operation;
    expect(health.security).toEqual([]);
    expect(Object.keys(health.responses)).toEqual(expect.arrayContaining(["200", "503"]));
    expect(health.responses["200"]).toEqual({
      description: expect.any(String),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Health" }, example: expect.any(Object) } },
    });
  });

  it("shows only examples that the response schemas accept", () => {
    for (const route of registeredRoutes()) {
      for (const [status, response] of Object.entries(route.responses)) {
        if (response.example === undefined || !response.schema) continue;
        const result = response.schema.safeParse(response.example);
        expect(result.success, `${route.method} ${route.path} ${status}`).toBe(true);
      }
    }
  });

  it("registers the very schema object the health route returns", () => {
    expect(registeredRoute("get", "/api/health")!.responses[200]!.schema).toBe(healthResponse);
    expect(registeredRoute("get", "/api/health")!.responses[503]!.schema).toBe(healthResponse);
  });

  it("is built once and served from memory", () => {
    expect(openApiDocument()).toBe(doc);
  });
});

describe("the error body schema", () => {
  it.each<[string, AppError]>([
    ["bad request with field errors", badRequest("Some body fields are invalid.", { email: ["Invalid"] })],
    ["unauthorized", unauthorized()],
    ["forbidden with a reason", forbidden("not_a_member", "You are not a member of that business.")],
    ["not found", notFound("That customer")],
    ["conflict", conflict("Taken.", "email_taken")],
    ["rate limited", rateLimited(30)],
  ])("accepts what toErrorBody produces: %s", (_, error) => {
    const body = toErrorBody(error, "trace-1");
    expect(errorBody.parse(body)).toEqual(body);
  });
});

describe("registerRoute", () => {
  // A route of a made-up concept, registered only in this test file's module instance.
  const createWidgetInput = z.object({ name: z.string().min(1).max(80), priceMinor: z.number().int().nonnegative() });
  const widgetParams = z.object({
    shopId: z.uuid().meta({ description: "The shop", example: "0b7c1f3e-3d2a-4c8e-9a55-1f6d2e3c4b5a" }),
  });
  const widget = z.object({ id: z.uuid(), name: z.string() }).meta({ id: "TestWidget" });
  const registered = registerRoute({
    method: "post",
    path: "/api/test-shops/{shopId}/widgets",
    summary: "Create a widget",
    tags: ["Test"],
    access: "business",
    permission: "crm.write",
    params: widgetParams,
    body: createWidgetInput,
    responses: { 201: { description: "The widget", schema: widget } },
    errors: [409],
  });
  const doc = buildOpenApiDocument();
  const op = doc.paths!["/api/test-shops/{shopId}/widgets"]!.post as Operation;

  it("keeps the caller's schema objects, so the docs describe what the route parses", () => {
    const found = registeredRoute("post", "/api/test-shops/{shopId}/widgets")!;
    expect(found).toBe(registered);
    expect(found.body).toBe(createWidgetInput);
    expect(found.params).toBe(widgetParams);
    // And the generated request body follows the schema: required fields and constraints.
    const schema = op.requestBody!.content["application/json"]!.schema as {
      required: string[];
      properties: Record<string, { minLength?: number; maxLength?: number }>;
    };
    expect(schema.required).toEqual(["name", "priceMinor"]);
    expect(schema.properties.name).toMatchObject({ minLength: 1, maxLength: 80 });
  });

  it("adds security, the business header and the standard errors for the access level", () => {
    expectWellFormed(doc);
    expect(op.security).toEqual([{ session: [] }]);
    expect(op.parameters).toEqual(
      expect.arrayContaining([
        { $ref: "#/components/parameters/BusinessId" },
        expect.objectContaining({ in: "path", name: "shopId", required: true, description: "The shop" }),
      ]),
    );
    expect(Object.keys(op.responses).sort()).toEqual([
      "201",
      "400",
      "401",
      "403",
      "404",
      "408",
      "409",
      "413",
      "415",
      "429",
      "500",
    ]);
    expect(op.responses["403"]).toEqual({ $ref: "#/components/responses/Forbidden" });
    expect(doc.components?.schemas).toHaveProperty("TestWidget");
  });

  it.each([
    ["public, no input", { access: "public" as const }, [500]],
    ["public with a body", { access: "public" as const, body: z.object({}) }, [400, 408, 413, 415, 500]],
    [
      "a signed-in change",
      { method: "post" as const, access: "user" as const, body: z.object({}) },
      [400, 401, 403, 408, 413, 415, 429, 500],
    ],
    ["user, no input", { access: "user" as const }, [401, 500]],
    ["customer with a query", { access: "customer" as const, query: z.object({}) }, [400, 401, 403, 500]],
    [
      "provider with params",
      { access: "provider" as const, params: z.object({ id: z.uuid() }) },
      [400, 401, 403, 404, 500],
    ],
    ["admin", { access: "admin" as const }, [401, 403, 500]],
    ["cron", { access: "cron" as const }, [401, 409, 500]],
  ])("derives the standard errors: %s", (_, doc, expected) => {
    expect(standardErrors(doc)).toEqual(expected);
  });

  it("refuses a path whose parameters do not match its params schema", () => {
    const base = { method: "get" as const, summary: "x", tags: ["Test"], access: "user" as const, responses: {} };
    expect(() => registerRoute({ ...base, path: "/api/x/{id}" })).toThrow(/no params schema/);
    expect(() => registerRoute({ ...base, path: "/api/x/{id}", params: z.object({ xId: z.uuid() }) })).toThrow(
      /do not match/,
    );
    expect(() => registerRoute({ ...base, path: "/api/x/[id]", params: z.object({ id: z.uuid() }) })).toThrow(
      /\{name\}/,
    );
  });
});
