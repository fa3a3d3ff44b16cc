/** OpenAPI registration of the health endpoint (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { healthResponse, type HealthReport } from "./schema";

const healthy: HealthReport = {
  status: "ok",
  database: { reachable: true, latency_ms: 3, driver: "neon" },
  migrations: { shipped: 2, applied: 2, pending: 0, current: true },
  version: "0.1.0+3f9c2a1b7d4e",
};
const unreachable: HealthReport = {
  status: "degraded",
  database: { reachable: false, latency_ms: null, driver: "neon" },
  migrations: { shipped: null, applied: null, pending: null, current: false },
  version: "0.1.0+3f9c2a1b7d4e",
};

registerRoute({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Health of this deployment",
  description:
    "For load balancers and uptime monitors. Never cached. 503 when the database is unreachable " +
    "(or does not answer within 5 s) or has not applied every migration this build ships.",
  tags: ["Platform"],
  access: "public",
  responses: {
    200: {
      description: "Healthy: the database answers and its schema is current.",
      schema: healthResponse,
      example: healthy,
    },
    503: {
      description: "Degraded: see database and migrations for which part failed.",
      schema: healthResponse,
      example: unreachable,
    },
  },
});
