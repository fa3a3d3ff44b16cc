/** GET /api/metrics: Prometheus metrics, for a scraper holding METRICS_TOKEN. */
import { metricsRoute } from "@/lib/observability/metrics-route";

export const GET = metricsRoute;
