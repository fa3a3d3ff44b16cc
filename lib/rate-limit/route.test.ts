/**
 * The route wrapper charging the production "write" policy against the real database: RateLimit-*
 * headers on every limited success, then a 429 with Retry-After once the per-user limit is spent,
 * without running the handler. Only the session is mocked; getDb answers the test database.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { route } from "@/lib/http/route";
import { POLICIES } from ".";
import { uniqueIp, userActor } from "@/test/factories";

const { as, routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

const perUser = POLICIES.write.find((l) => l.per === "user")!;

let ip: string;
beforeEach(() => {
  // A user and an IP of this test's own: the rows commit, and the pg and neon projects share them.
  as(userActor());
  ip = uniqueIp();
});

const post = (handler: ReturnType<typeof route>) =>
  handler(new NextRequest("http://localhost/api/thing", { method: "POST", headers: { "x-forwarded-for": ip } }), {
    params: Promise.resolve({}),
  });

describe("route() with the write policy", () => {
  it("puts RateLimit-* headers on limited successes, the remaining count going down", async () => {
    const handler = route({}, () => ({ ok: true }));
    const responses = [await post(handler), await post(handler), await post(handler)];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(responses.map((r) => Number(r.headers.get("ratelimit-remaining")))).toEqual([
      perUser.points - 1,
      perUser.points - 2,
      perUser.points - 3,
    ]);
    for (const response of responses) {
      expect(response.headers.get("ratelimit-limit")).toBe(String(perUser.points));
      expect(response.headers.get("ratelimit-policy")).toBe(`${perUser.points};w=${perUser.duration}`);
      expect(Number(response.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    }
  });

  it("answers 429 with Retry-After and RateLimit-* once the limit is spent, and does not run the handler", async () => {
    const handler = vi.fn(() => ({ ok: true }));
    const wrapped = route({}, handler);
    for (let i = 0; i < perUser.points; i++) expect((await post(wrapped)).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(perUser.points);

    const refused = await post(wrapped);
    expect(refused.status).toBe(429);
    expect(handler).toHaveBeenCalledTimes(perUser.points);
    expect((await refused.json()).error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(perUser.duration);
    expect(refused.headers.get("ratelimit-limit")).toBe(String(perUser.points));
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("ratelimit-reset")).toBe(String(retryAfter));
    expect(refused.headers.get("ratelimit-policy")).toBe(`${perUser.points};w=${perUser.duration}`);
  });

  it("charges nothing for GET unless the route names a policy", async () => {
    const handler = route({}, () => ({ ok: true }));
    const res = await handler(new NextRequest("http://localhost/api/thing", { headers: { "x-forwarded-for": ip } }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toBeNull();
  });
});
