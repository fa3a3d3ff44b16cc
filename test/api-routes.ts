/**
 * Every API route, read from app/api itself: the file tree gives the path, the exports give the
 * methods. Tests iterate over it, so their tables grow as routes are added.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const API = path.resolve(import.meta.dirname, "..", "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type ApiRoute = {
  method: (typeof METHODS)[number];
  /** As Next names it: /api/businesses/[businessId]/staff */
  path: string;
  /** As OpenAPI names it: /api/businesses/{businessId}/staff */
  openApiPath: string;
  /** Anyone may call it: Auth.js's own routes, health, docs, registration; cron checks its secret instead. */
  isPublic: boolean;
};

const PUBLIC = [/^\/api\/auth\//, /^\/api\/health$/, /^\/api\/openapi\.json$/, /^\/api\/register$/, /^\/api\/cron\//];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/[...path]: the JSON 404 for paths no route serves, not a route of the API. */
const NO_SUCH_ROUTE = "/api/[...path]";

export function apiRoutes(): ApiRoute[] {
  return routeFiles(API).flatMap((file) => {
    const urlPath = "/api/" + path.relative(API, path.dirname(file)).split(path.sep).join("/");
    if (urlPath === NO_SUCH_ROUTE) return [];
    const source = readFileSync(file, "utf8");
    return METHODS.filter((method) =>
      new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b`).test(
        source,
      ),
    ).map((method) => ({
      method,
      path: urlPath,
      openApiPath: urlPath.replace(/\[([^\]]+)\]/g, "{$1}"),
      isPublic: PUBLIC.some((pattern) => pattern.test(urlPath)),
    }));
  });
}

/** A concrete URL for a route, with every [param] filled by a well-formed id. */
export function sampleUrl(route: ApiRoute, id = "5b0c6c2e-2f7b-4b8e-9a51-3f1f7f0f2a11"): string {
  return route.path.replace(/\[\.\.\.[^\]]+\]/g, "x").replace(/\[[^\]]+\]/g, id);
}
