/**
 * The platform machinery as an operator and a browser meet it on the real server: security
 * headers and a CSP that the pages actually live with, the metrics scrape, and the cron endpoint's
 * secret.
 */
import { expect, test, type Page } from "@playwright/test";
import { registerAccount, signIn } from "./fixtures/accounts";
import { E2E_CRON_SECRET, E2E_METRICS_TOKEN } from "./fixtures/secrets";

/** Collects what Chromium reports about CSP violations while the page is used. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("pages carry a per-request CSP nonce and the security headers, and run without CSP violations", async ({
  page,
  request,
}) => {
  const violations = cspViolations(page);
  const first = await page.goto("/signin");
  const headers = first!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();

  // A fresh nonce each time, or it protects nothing.
  const again = await request.get("/signin");
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonceOf(again.headers()["content-security-policy"]!)).not.toBe(nonceOf(headers["content-security-policy"]!));

  // The pages still work under the policy: hydration runs (the form submits client-side) and the API docs render.
  const account = await registerAccount(request, "customer");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/docs/api");
  // The reference renders on the client: its sidebar is there once the script ran under the policy.
  // (Its intro text comes later still, on a large document under load: no signal to wait for.)
  await expect(page.getByRole("navigation", { name: "Sidebar for Clientele API" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("API responses allow no content at all and echo the request id", async ({ request }) => {
  const res = await request.get("/api/health", { headers: { "x-request-id": "e2e-trace-1" } });
  expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(res.headers()["x-request-id"]).toBe("e2e-trace-1");
  const me = await request.get("/api/me", { headers: { "x-request-id": "e2e-trace-2" } });
  expect(me.status()).toBe(401);
  expect(me.headers()["x-request-id"]).toBe("e2e-trace-2");
  expect((await me.json()).error.trace_id).toBe("e2e-trace-2");
  // Auth.js's own endpoints, and paths no route serves (a JSON 404, not the HTML page).
  const csrf = await request.get("/api/auth/csrf", { headers: { "x-request-id": "e2e-trace-3" } });
  expect(csrf.headers()["x-request-id"]).toBe("e2e-trace-3");
  for (const method of ["GET", "POST"]) {
    const lost = await request.fetch("/api/no/such/route", { method, headers: { "x-request-id": "e2e-trace-4" } });
    expect(lost.status()).toBe(404);
    expect(lost.headers()["x-request-id"]).toBe("e2e-trace-4");
    expect((await lost.json()).error).toMatchObject({ code: "not_found", trace_id: "e2e-trace-4" });
  }
});

test("/api/metrics needs the token, then exposes the platform's series", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);

  // Some traffic to count: a signed-in read, an anonymous refusal, a cron run.
  const account = await registerAccount(request, "customer");
  await signIn(request, account.email);
  expect((await request.get("/api/me")).status()).toBe(200);
  expect(
    (await request.get("/api/cron/retention", { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } })).status(),
  ).toBe(200);

  const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  expect(text).toMatch(/http_requests_total\{[^}]*route="\/api\/me"[^}]*method="GET"[^}]*status="200"[^}]*\} [1-9]/);
  expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/me"/);
  expect(text).toMatch(/auth_failures_total\{[^}]*reason="bad_metrics_token"[^}]*\} [1-9]/);
  expect(text).toMatch(/cron_runs_total\{[^}]*job="retention"[^}]*outcome="succeeded"[^}]*\} [1-9]/);
  expect(text).toMatch(/outbox_events\{[^}]*status="pending"[^}]*\} \d+/);
  expect(text).toMatch(/outbox_oldest_pending_age_seconds\{[^}]*\} [\d.]+/);
  for (const series of [
    "profile_views_total",
    "rate_limit_refusals_total",
    "webhook_events_total",
    "outbox_events_published_total",
    "process_cpu_seconds_total",
  ]) {
    expect(text).toContain(`# TYPE ${series}`);
  }
});

test("the cron endpoint refuses a missing or wrong secret", async ({ request }) => {
  expect((await request.get("/api/cron/retention")).status()).toBe(401);
  expect((await request.get("/api/cron/retention", { headers: { authorization: "Bearer nope" } })).status()).toBe(401);
  const unknown = await request.get("/api/cron/nope", { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
  expect(unknown.status()).toBe(404);
});
