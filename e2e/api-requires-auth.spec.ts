/**
 * Every API route outside auth, health, docs and registration answers 401 JSON to an anonymous
 * caller. The table is read from app/api itself, so it grows as routes are added.
 */
import { expect, test } from "@playwright/test";
import { apiRoutes, sampleUrl } from "../test/api-routes";

const guarded = apiRoutes().filter((route) => !route.isPublic);

test("the table covers the API", () => {
  expect(guarded.length).toBeGreaterThan(0);
});

for (const route of guarded) {
  test(`${route.method} ${route.path} answers 401 JSON to an anonymous caller`, async ({ request }) => {
    const response = await request.fetch(sampleUrl(route), {
      method: route.method,
      ...(route.method !== "GET" && route.method !== "DELETE" && { data: {} }),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect((await response.json()).error.code).toBe("unauthorized");
  });
}
