/** OpenAPI registration of the metrics endpoint (see lib/openapi/registry.ts). */
import { z } from "zod";
import { registerRoute } from "@/lib/openapi/registry";

registerRoute({
  method: "get",
  path: "/api/metrics",
  operationId: "getMetrics",
  summary: "Prometheus metrics",
  description:
    "The Prometheus text exposition: API requests by route, method and status with latency histograms, " +
    "auth failures, profile views, rate-limit refusals, the outbox backlog and the age of its oldest pending " +
    "event, events published, Stripe webhook events by type and outcome, cron runs, and the Node.js process. " +
    "Refused (401) while METRICS_TOKEN is unset.",
  tags: ["Platform"],
  access: "metrics",
  responses: {
    200: {
      description: "Metrics in the Prometheus text format.",
      schema: z.string(),
      contentType: "text/plain; version=0.0.4",
      example: 'http_requests_total{route="/api/me",method="GET",status="200",service="clientele"} 12',
    },
  },
});
