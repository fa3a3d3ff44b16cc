/**
 * Every scheduled job, in one table: its schedule (UTC cron syntax, mirrored by vercel.json, which
 * a test keeps in step), how long a run may hold the job's lock, and what it does. Jobs are
 * idempotent (running one twice in a row is harmless) and return what they did.
 * Feature issues add their jobs here and a line to vercel.json.
 */
import type { Database } from "@/db/client";
import type { SystemActor } from "@/lib/auth/actor";
import { relayPending } from "@/lib/events/relay";
import { applyRetention } from "./retention";

export type CronJob = {
  schedule: string;
  description: string;
  /** A run still "running" after this long is presumed dead and no longer blocks the next run. */
  leaseSeconds: number;
  run: (ctx: { db: Database; actor: SystemActor }) => Promise<Record<string, unknown>>;
};

export const CRON_JOBS = {
  "outbox-relay": {
    schedule: "* * * * *",
    description: "Publishes pending domain events to the message broker (the server also relays continuously).",
    leaseSeconds: 120,
    run: ({ db }) => relayPending(db, { maxBatches: 50 }),
  },
  retention: {
    schedule: "17 3 * * *",
    description:
      "Deletes what has outlived its retention: old audit rows, published events, spent rate-limit counters, old job runs.",
    leaseSeconds: 900,
    run: ({ db }) => applyRetention(db),
  },
} satisfies Record<string, CronJob>;

export type CronJobName = keyof typeof CRON_JOBS;

export function cronJob(name: string): CronJob | undefined {
  return Object.hasOwn(CRON_JOBS, name) ? CRON_JOBS[name as CronJobName] : undefined;
}
