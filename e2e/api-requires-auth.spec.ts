/**
 * Every API route outside auth, health, docs and registration answers 401 JSON to an anonymous
 * caller. The table is read from app/api itself, so it grows as routes are added.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const API = path.resolve(import.meta.dirname, "..", "app", "api");
const PUBLIC = [/^\/api\/auth\//, /^\/api\/health$/, /^\/api\/openapi\.json$/, /^\/api\/register$/, /^\/api\/cron\//];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const SAMPLE_ID = "5b0c6c2e-2f7b-4b8e-9a51-3f1f7f0f2a11";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

const table = routeFiles(API).flatMap((file) => {
  const urlPath = "/api/" + path.relative(API, path.dirname(file)).split(path.sep).join("/");
  const source = readFileSync(file, "utf8");
  const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b`).test(source));
  const concrete = urlPath.replace(/\[\.\.\.[^\]]+\]/g, "x").replace(/\[[^\]]+\]/g, SAMPLE_ID);
  return methods.map((method) => ({ method, path: concrete, isPublic: PUBLIC.some((p) => p.test(urlPath)) }));
});

test("the table covers the API", () => {
  expect(table.filter((r) => !r.isPublic).length).toBeGreaterThan(0);
});

for (const { method, path: url } of table.filter((r) => !r.isPublic)) {
  test(`${method} ${url} answers 401 JSON to an anonymous caller`, async ({ request }) => {
    const response = await request.fetch(url, {
      method,
      ...(method !== "GET" && method !== "DELETE" && { data: {} }),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect((await response.json()).error.code).toBe("unauthorized");
  });
}
