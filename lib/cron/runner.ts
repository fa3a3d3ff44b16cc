/**
 * Runs one scheduled job under a database lock, whoever asks (Vercel's cron call, `npm run cron`).
 *
 * The lock is the job's "running" row in cron_runs: a partial unique index allows one per job, so
 * a second run that starts while the first is still going finds the slot taken and is refused
 * (409, reason "job_running") without doing any work. It holds on every driver and across
 * instances, and needs no session-level advisory lock (which a pooled or HTTP connection cannot
 * keep). A run whose process died keeps its row only until its lease passes; the next run marks
 * it abandoned and goes ahead.
 */
import "server-only";
import { messageOf } from "@/lib/async";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cronRuns } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { conflict } from "@/lib/errors";
import { log } from "@/lib/log";
import { currentTraceId } from "@/lib/observability/context";
import { metrics } from "@/lib/observability/metrics";
import type { CronJob } from "./jobs";

export type CronRunResult = {
  job: string;
  run_id: string;
  outcome: "succeeded";
  started_at: string;
  duration_ms: number;
  result: Record<string, unknown>;
};

export async function runCronJob(db: Database, name: string, job: CronJob): Promise<CronRunResult> {
  const run = await acquire(db, name, job.leaseSeconds);
  const started = performance.now();
  const finish = async (values: Partial<typeof cronRuns.$inferInsert>) => {
    await db
      .update(cronRuns)
      .set({ ...values, finishedAt: new Date() })
      .where(eq(cronRuns.id, run.id));
    metrics.cronRuns.inc({ job: name, outcome: values.outcome! });
    metrics.cronDuration.observe({ job: name }, (performance.now() - started) / 1000);
  };
  try {
    const result = await job.run({ db, actor: systemActor(`cron:${name}`) });
    await finish({ outcome: "succeeded", result });
    log.info({ job: name, result }, "cron job succeeded");
    return {
      job: name,
      run_id: run.id,
      outcome: "succeeded",
      started_at: run.startedAt.toISOString(),
      duration_ms: Math.round(performance.now() - started),
      result,
    };
  } catch (error) {
    await finish({ outcome: "failed", error: messageOf(error) }).catch(() => {});
    throw error;
  }
}

/** Takes the job's slot, or refuses when a live run holds it. */
async function acquire(db: Database, name: string, leaseSeconds: number) {
  await db
    .update(cronRuns)
    .set({ outcome: "abandoned", finishedAt: new Date(), error: "lease expired: the run never finished" })
    .where(and(eq(cronRuns.job, name), eq(cronRuns.outcome, "running"), lt(cronRuns.leaseUntil, sql`now()`)));
  const [run] = await db
    .insert(cronRuns)
    .values({ job: name, leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, traceId: currentTraceId() })
    .onConflictDoNothing()
    .returning({ id: cronRuns.id, startedAt: cronRuns.startedAt });
  if (!run) {
    metrics.cronRuns.inc({ job: name, outcome: "skipped" });
    throw conflict(`The ${name} job is already running; this run did nothing.`, "job_running");
  }
  return run;
}
