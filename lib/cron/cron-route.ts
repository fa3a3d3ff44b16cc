/**
 * GET /api/cron/<job>: Vercel calls it on the schedule in vercel.json with
 * `Authorization: Bearer $CRON_SECRET`. The secret is checked in every environment and an unset
 * secret refuses every call (fail closed), before the job name is even looked at. The job runs as
 * a system actor under its lock (./runner.ts) and the JSON says what it did.
 */
import "server-only";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound, unauthorized } from "@/lib/errors";
import { bearerMatches } from "@/lib/http/bearer";
import { traced } from "@/lib/http/traced";
import { cronJob } from "./jobs";
import { runCronJob } from "./runner";

type Context = { params: Promise<{ job: string }> };

export function cronRoute(req: NextRequest, { params }: Context): Promise<Response> {
  return traced(req, async () => {
    if (!bearerMatches(req.headers.get("authorization"), env().CRON_SECRET)) {
      throw unauthorized("A valid cron secret is required.");
    }
    const name = (await params).job;
    const job = cronJob(name);
    if (!job) throw notFound(`The cron job "${name}"`);
    return Response.json(await runCronJob(await getDb(), name, job), { headers: { "cache-control": "no-store" } });
  });
}
