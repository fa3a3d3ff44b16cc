/**
 * GET /api/metrics: the Prometheus exposition of lib/observability/metrics.ts, for a scraper with
 * `Authorization: Bearer $METRICS_TOKEN`. Closed while the token is unset. The outbox gauges are
 * read from the database at scrape time; if it is down the scrape still answers, without them.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/errors";
import { refreshOutboxGauges } from "@/lib/events/admin";
import { bearerMatches } from "@/lib/http/bearer";
import { traced } from "@/lib/http/traced";
import { log } from "@/lib/log";
import { metrics } from "./metrics";

export function metricsRoute(req: Request): Promise<Response> {
  return traced(req, async () => {
    if (!bearerMatches(req.headers.get("authorization"), env().METRICS_TOKEN)) {
      metrics.authFailures.inc({ reason: "bad_metrics_token" });
      throw unauthorized("A valid metrics token is required.");
    }
    try {
      await refreshOutboxGauges(await getDb());
    } catch (err) {
      log.warn({ err }, "metrics: outbox gauges not refreshed");
    }
    return new Response(await metrics.registry.metrics(), {
      headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
    });
  });
}
