/** OpenAPI registration of the cron endpoint (see lib/openapi/registry.ts). */
import { z } from "zod";
import { jsonValue } from "@/lib/openapi/json-value";
import { registerRoute } from "@/lib/openapi/registry";
import { CRON_JOBS } from "./jobs";

const jobNames = Object.keys(CRON_JOBS) as [string, ...string[]];

const cronParams = z.object({
  job: z.enum(jobNames).meta({ description: "The job to run.", example: "outbox-relay" }),
});

const cronRunResult = z
  .object({
    job: z.string(),
    run_id: z.uuid(),
    outcome: z.literal("succeeded"),
    started_at: z.iso.datetime(),
    duration_ms: z.number().int(),
    result: z.record(z.string(), jsonValue).meta({ description: "What the job did; each job names its own counts." }),
  })
  .meta({ id: "CronRunResult" });

registerRoute({
  method: "get",
  path: "/api/cron/{job}",
  operationId: "runCronJob",
  summary: "Run a scheduled job",
  description:
    "Called by Vercel Cron on the schedules in vercel.json: " +
    Object.entries(CRON_JOBS)
      .map(([name, job]) => `\`${name}\` (${job.schedule} UTC): ${job.description}`)
      .join(" ") +
    " Overlapping runs of one job are impossible: a run that finds the job running answers 409 `job_running` and does nothing.",
  tags: ["Platform"],
  access: "cron",
  params: cronParams,
  responses: {
    200: {
      description: "The run finished; `result` says what it did.",
      schema: cronRunResult,
      example: {
        job: "outbox-relay",
        run_id: "8a3c1f0e-5b2d-4c7a-9e61-0d4f3b2a1c9e",
        outcome: "succeeded",
        started_at: "2026-11-21T09:00:00.012Z",
        duration_ms: 184,
        result: { published: 42, failed: 0, held: 0, brokerUnavailable: false, pending: 0 },
      },
    },
  },
});
