/**
 * GET /api/health, public: 200 when the database answers and has every shipped migration, 503
 * otherwise. It does not use the route() wrapper on purpose: the wrapper opens the database and
 * resolves the session before the handler runs, and a health check must still answer (503, with
 * a body) when exactly that fails. traced() gives it the trace id all API responses carry.
 */
import "server-only";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { checkHealth } from "@/lib/health/check";
import { configuredDriver, deployedVersion } from "@/lib/health/deployment";
import { traced } from "@/lib/http/traced";

export function GET(req: Request): Promise<Response> {
  return traced(req, async () => {
    await connection(); // always run at request time, never prerendered
    const report = await checkHealth(getDb, { driver: configuredDriver(), version: deployedVersion() });
    return Response.json(report, {
      status: report.status === "ok" ? 200 : 503,
      headers: { "cache-control": "no-store" },
    });
  });
}
