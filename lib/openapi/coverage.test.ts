/** The published API description lists every route the app serves, with the schemas it parses. */
import { describe, expect, it } from "vitest";
import { registerInput } from "@/lib/accounts/inputs";
import { addStaffInput } from "@/lib/staff/inputs";
import { apiRoutes } from "@/test/api-routes";
import { openApiDocument } from "./document";
import { registeredRoute } from "./registry";

const documented = apiRoutes().filter((route) => !route.path.startsWith("/api/auth/"));

describe("OpenAPI coverage", () => {
  it.each(documented.map((r) => [r.method, r.openApiPath] as const))("%s %s is documented", (method, path) => {
    const operation = openApiDocument().paths?.[path]?.[method.toLowerCase() as "get"];
    expect(operation, `${method} ${path} is missing from lib/<concept>/openapi.ts`).toBeDefined();
  });

  it("documents the very schemas the routes parse", () => {
    expect(registeredRoute("post", "/api/register")!.body).toBe(registerInput);
    expect(registeredRoute("post", "/api/businesses/{businessId}/staff")!.body).toBe(addStaffInput);
  });
});
