/**
 * Prometheus metrics (prom-client). The registry lives on globalThis under a Symbol.for key:
 * Next bundles route modules separately, and every bundle must count into the same series.
 * Series are declared here, once; code elsewhere only increments them.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { API_ROUTE_PATTERNS } from "./route-table";

function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "clientele" });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "API requests by route pattern, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "API request latency by route pattern, method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    authFailures: new Counter({
      name: "auth_failures_total",
      help: "Refused sign-ins and API calls refused for want of a session or permission, by reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    profileViews: new Counter({
      name: "profile_views_total",
      help: "Provider views of customer profiles by outcome (shown, private, no_interaction, not_found).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: "rate_limit_refusals_total",
      help: "Requests refused by a rate-limit policy.",
      labelNames: ["policy"] as const,
      registers,
    }),
    outboxBacklog: new Gauge({
      name: "outbox_events",
      help: "Events in the outbox by status, read from the database at scrape time.",
      labelNames: ["status"] as const,
      registers,
    }),
    outboxOldestAge: new Gauge({
      name: "outbox_oldest_pending_age_seconds",
      help: "Age of the oldest event still waiting to be published (0 when none wait).",
      registers,
    }),
    eventsPublished: new Counter({
      name: "outbox_events_published_total",
      help: "Events the relay published and the broker confirmed, by type.",
      labelNames: ["type"] as const,
      registers,
    }),
    notesCreated: new Counter({
      name: "notes_created_total",
      help: "Internal notes added to CRM customer records.",
      registers,
    }),
    taggedCustomers: new Counter({
      name: "tagged_customers_total",
      help: "Tags added to CRM customer records (one per record tagged, bulk tagging included).",
      registers,
    }),
    webhookEvents: new Counter({
      name: "webhook_events_total",
      help: "Stripe webhook events by type and outcome (processed, duplicate, ignored, failed).",
      labelNames: ["type", "outcome"] as const,
      registers,
    }),
    customersCreated: new Counter({
      name: "customers_created_total",
      help: "CRM customer records created (counted after their transaction commits).",
      registers,
    }),
    cronRuns: new Counter({
      name: "cron_runs_total",
      help: "Scheduled job runs by job and outcome (succeeded, failed, skipped).",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    cronDuration: new Histogram({
      name: "cron_run_duration_seconds",
      help: "Scheduled job run time.",
      labelNames: ["job"] as const,
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
      registers,
    }),
  };
}

const KEY = Symbol.for("clientele.metrics");
const globalForMetrics = globalThis as { [KEY]?: ReturnType<typeof createMetrics> };

export const metrics = (globalForMetrics[KEY] ??= createMetrics());

/** The label of every path no route pattern matches: arbitrary paths must not be arbitrary series. */
export const UNMATCHED_ROUTE = "unmatched";

type CompiledPattern = { pattern: string; segments: string[]; catchAll: boolean; staticMask: string };

const compiled: CompiledPattern[] = API_ROUTE_PATTERNS.map((pattern) => {
  const segments = pattern.split("/").slice(1);
  return {
    pattern,
    segments,
    catchAll: segments.at(-1)!.startsWith("{..."),
    // Next prefers a static segment to a dynamic one, position by position: so does the highest mask.
    staticMask: segments.map((s) => (s.startsWith("{") ? "0" : "1")).join(""),
  };
});

function matches({ segments, catchAll }: CompiledPattern, parts: string[]): boolean {
  if (catchAll ? parts.length < segments.length : parts.length !== segments.length) return false;
  return segments.every((segment, i) => (segment.startsWith("{") ? parts[i] !== "" : segment === parts[i]));
}

/**
 * The route pattern (lib/observability/route-table.ts) that serves an API path, as Next would
 * choose it, or "unmatched". /api/jobs/5b0c…/cancel → /api/jobs/{jobId}/cancel.
 */
export function routePattern(pathname: string): string {
  const parts = pathname.split("/").slice(1);
  let best: CompiledPattern | undefined;
  for (const candidate of compiled) {
    if (matches(candidate, parts) && (!best || candidate.staticMask > best.staticMask)) best = candidate;
  }
  return best?.pattern ?? UNMATCHED_ROUTE;
}

export function observeRequest(req: { method: string; pathname: string }, status: number, seconds: number) {
  const labels = { route: routePattern(req.pathname), method: req.method, status: String(status) };
  metrics.httpRequests.inc(labels);
  metrics.httpDuration.observe(labels, seconds);
  if (status === 401) metrics.authFailures.inc({ reason: "unauthenticated" });
  if (status === 403) metrics.authFailures.inc({ reason: "forbidden" });
}
