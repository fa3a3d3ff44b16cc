/**
 * The published API description lists every route the app serves, with the very schemas it parses.
 * Every JSON route is built with route() (lib/http/route.ts), whose handler carries its spec: each
 * route module is imported and its spec compared with the registered documentation by identity,
 * so a route that parses one schema while its openapi.ts documents a look-alike fails here.
 */
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import type { RouteSpec } from "@/lib/http/route";
import { apiRoutes, type ApiRoute } from "@/test/api-routes";
import { openApiDocument } from "./document";
import { registeredRoute } from "./registry";

// The route modules import the session lookup, which loads next-auth (it fails outside Next). No
// handler runs here; only the spec on each is read.
vi.mock("@/lib/auth/current", () => ({ getActor: async () => anonymous }));

/** The routes not built with route(), and why; each is checked to carry no spec, so none goes stale. */
const NOT_ROUTE_WRAPPED: Record<string, string> = {
  "/api/auth/[...nextauth]": "Auth.js's own endpoints (csrf, session, sign-in callback); not in the document",
  "/api/cron/[job]": "Vercel Cron's bearer secret instead of a session; the job is looked up by name, not parsed",
  "/api/metrics": "Prometheus text for the metrics token's bearer, not JSON for a session",
  "/api/health": "must still answer 503 when the database or the session lookup that route() needs is down",
  "/api/openapi.json": "needs neither a session nor the database, so the docs stay readable while either is down",
};

const APP = path.resolve(import.meta.dirname, "..", "..", "app");
const routes = apiRoutes();
const documented = routes.filter((route) => !route.path.startsWith("/api/auth/"));
const wrapped = routes.filter((route) => !(route.path in NOT_ROUTE_WRAPPED));

type Spec = RouteSpec<undefined, undefined, undefined> & Record<"params" | "query" | "body", unknown>;

/** The exported handler of one method, with the spec route() put on it (undefined if not built with route()). */
async function handlerOf(route: ApiRoute): Promise<{ spec?: Spec }> {
  // Not auth's module: importing it loads next-auth (see above); it is listed as an exception instead.
  const mod = (await import(path.join(APP, route.path, "route.ts"))) as Record<string, { spec?: Spec }>;
  return mod[route.method]!;
}

const docOf = (route: ApiRoute) => registeredRoute(route.method.toLowerCase() as "get", route.openApiPath);

describe("OpenAPI coverage", () => {
  it.each(documented.map((r) => [r.method, r.openApiPath] as const))("%s %s is documented", (method, path) => {
    const operation = openApiDocument().paths?.[path]?.[method.toLowerCase() as "get"];
    expect(operation, `${method} ${path} is missing from lib/<concept>/openapi.ts`).toBeDefined();
  });

  it.each(wrapped.map((r) => [r.method, r.path, r] as const))(
    "%s %s documents the very params, query and body it parses",
    async (method, urlPath, route) => {
      const { spec } = await handlerOf(route);
      expect(
        spec,
        `${method} ${urlPath} is not built with route(): use it, or list it in NOT_ROUTE_WRAPPED`,
      ).toBeDefined();
      const doc = docOf(route)!;
      for (const part of ["params", "query", "body"] as const) {
        const [parsed, shown] = [spec![part], doc[part]];
        const problem = !parsed
          ? `documents a ${part} schema the route does not parse`
          : !shown
            ? `parses a ${part} schema its docs do not show`
            : `documents a different ${part} schema object from the one it parses: import that one`;
        expect(parsed === shown, `${method} ${urlPath} ${problem}`).toBe(true);
      }
    },
  );

  it.each(wrapped.map((r) => [r.method, r.path, r] as const))(
    "%s %s is documented public exactly when it serves anonymous callers",
    async (method, urlPath, route) => {
      const { spec } = await handlerOf(route);
      expect(docOf(route)!.access === "public", `${method} ${urlPath}`).toBe(spec!.access === "public");
    },
  );

  it.each(wrapped.map((r) => [r.method, r.path, r] as const))(
    "%s %s documents 429 exactly when it charges a rate limit",
    async (method, urlPath, route) => {
      const { spec } = await handlerOf(route);
      // route()'s default: every method but GET is charged "write"; a spec may name a policy (charged
      // by the wrapper or by the handler's own statement) or opt out.
      const limit = spec!.rateLimit;
      const charged = typeof limit === "object" ? limit.policy : (limit ?? (method === "GET" ? false : "write"));
      const operation = openApiDocument().paths![route.openApiPath]![method.toLowerCase() as "get"]!;
      expect("429" in (operation.responses ?? {}), `${method} ${urlPath} charges ${charged || "no rate limit"}`).toBe(
        Boolean(charged),
      );
    },
  );

  it.each(Object.entries(NOT_ROUTE_WRAPPED).filter(([urlPath]) => !urlPath.startsWith("/api/auth/")))(
    "%s is not built with route() (%s)",
    async (urlPath) => {
      const methods = routes.filter((route) => route.path === urlPath);
      expect(methods, `${urlPath} is no longer served: remove it from NOT_ROUTE_WRAPPED`).not.toHaveLength(0);
      for (const route of methods) {
        expect((await handlerOf(route)).spec, `${urlPath} now uses route(): remove it from NOT_ROUTE_WRAPPED`).toBe(
          undefined,
        );
      }
    },
  );
});
