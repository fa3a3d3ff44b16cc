import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { route } from "@/lib/http/route";
import { apiRoutes } from "@/test/api-routes";
import { env } from "@/lib/env";
import { emitEvent } from "@/lib/events/outbox";
import { metrics, observeRequest, routePattern } from "./metrics";
import { API_ROUTE_PATTERNS } from "./route-table";
import { metricsRoute } from "./metrics-route";

const { routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("GET /api/metrics", () => {
  it.each([
    ["no token", undefined],
    ["a wrong token", "Bearer nope"],
    ["the token without Bearer", env().METRICS_TOKEN],
  ])("refuses %s with 401", async (_, authorization) => {
    const res = await scrape(authorization);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("exposes every platform series, with the outbox read from the database at scrape time", async () => {
    await emitEvent(t.db, {
      type: "v1.customer.erased",
      businessId: null,
      aggregate: { type: "customer", id: crypto.randomUUID() },
      data: { customer_id: crypto.randomUUID(), erased_by: null },
    });
    observeRequest({ method: "GET", pathname: `/api/businesses/${crypto.randomUUID()}/staff` }, 403, 0.02);

    const res = await scrape(`Bearer ${env().METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(metrics.registry.contentType);
    const text = await res.text();
    expect(text).toMatch(
      /http_requests_total\{route="\/api\/businesses\/\{businessId\}\/staff",method="GET",status="403",service="clientele"\} [1-9]/,
    );
    expect(text).toMatch(/auth_failures_total\{reason="forbidden",service="clientele"\} [1-9]/);
    expect(text).toMatch(/outbox_events\{status="pending",service="clientele"\} [1-9]/);
    expect(text).toMatch(/outbox_oldest_pending_age_seconds\{service="clientele"\} [\d.]+/);
    for (const series of [
      "http_request_duration_seconds",
      "profile_views_total",
      "rate_limit_refusals_total",
      "outbox_events_published_total",
      "webhook_events_total",
      "cron_runs_total",
      "cron_run_duration_seconds",
      "process_cpu_seconds_total",
    ]) {
      expect(text).toContain(`# TYPE ${series} `);
    }
  });
});

describe("routePattern", () => {
  it.each([
    ["/api/me", "/api/me"],
    ["/api/businesses/5b0c6c2e-2f7b-4b8e-9a51-3f1f7f0f2a11/staff", "/api/businesses/{businessId}/staff"],
    ["/api/invitations/Zx8dkq0v9Jc1nB7yqLrT5e2WmA4sHgUo/accept", "/api/invitations/{token}/accept"],
    ["/api/jobs/not-an-id", "/api/jobs/{jobId}"],
    ["/api/admin/outbox/retry", "/api/admin/outbox/retry"], // the static segment wins, as in Next
    ["/api/auth/callback/credentials", "/api/auth/{...nextauth}"],
    ["/api/orders/42", "unmatched"],
    ["/api/jobs/", "unmatched"],
    ["/api/me/extra", "unmatched"],
  ])("%s → %s", (path, pattern) => {
    expect(routePattern(path)).toBe(pattern);
  });

  it("knows every route of app/api, and nothing else", () => {
    const routes = [...new Set(apiRoutes().map((r) => r.openApiPath))].sort();
    expect([...API_ROUTE_PATTERNS].sort(), "lib/observability/route-table.ts lists app/api's routes").toEqual(routes);
  });

  it("adds at most one series for 300 distinct unknown paths, and one for 300 junk ids of a route", async () => {
    const series = async () => (await metrics.httpRequests.get()).values.length;
    const handler = route({ access: "public", rateLimit: false }, () => ({ ok: true }));
    const call = (path: string) =>
      handler(new NextRequest(`http://localhost${path}`, { method: "PATCH" }), { params: Promise.resolve({}) });

    const before = await series();
    for (let i = 0; i < 300; i++) await call(`/api/${randomUUID().slice(0, 8)}-${i}/x`);
    expect(await series()).toBeLessThanOrEqual(before + 1);

    const middle = await series();
    for (let i = 0; i < 300; i++) await call(`/api/jobs/junk-${i}`);
    expect(await series()).toBeLessThanOrEqual(middle + 1);
    const text = await metrics.registry.getSingleMetricAsString("http_requests_total");
    expect(text).toContain('route="unmatched",method="PATCH"');
    expect(text).toContain('route="/api/jobs/{jobId}",method="PATCH"');
    expect(text).not.toContain("junk-");
  });
});
