import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { connect, type Database } from "@/db/client";
import { cronRuns } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bearerMatches } from "@/lib/http/bearer";
import { metrics } from "@/lib/observability/metrics";
import { driver } from "@/test/db";
import { cronRoute } from "./cron-route";
import { CRON_JOBS, type CronJob } from "./jobs";
import { runCronJob } from "./runner";

const { routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

/** pg and neon projects share one database: every test runs a job name of its own. */
const uniqueJob = () => `test-${crypto.randomUUID().slice(0, 8)}`;

/** A job that does one unit of work and then waits until the test lets it finish. */
function gatedJob() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const work = { done: 0 };
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const job: CronJob = {
    schedule: "* * * * *",
    description: "test",
    leaseSeconds: 60,
    run: async () => {
      work.done += 1;
      started();
      await gate;
      return { units: 1 };
    },
  };
  return { job, work, running, finish: () => open() };
}

async function runsOf(db: Database, job: string) {
  return db.select().from(cronRuns).where(eq(cronRuns.job, job)).orderBy(cronRuns.startedAt);
}

function cronCall(job: string, authorization?: string) {
  return cronRoute(
    new NextRequest(`http://localhost/api/cron/${job}`, { headers: authorization ? { authorization } : {} }),
    { params: Promise.resolve({ job }) },
  );
}

describe("the cron secret", () => {
  it("matches only the exact secret, and nothing while the secret is unset", () => {
    expect(bearerMatches("Bearer s3cret", "s3cret")).toBe(true);
    expect(bearerMatches("Bearer s3cret!", "s3cret")).toBe(false);
    expect(bearerMatches("s3cret", "s3cret")).toBe(false);
    expect(bearerMatches(null, "s3cret")).toBe(false);
    expect(bearerMatches("Bearer ", undefined)).toBe(false);
    expect(bearerMatches("Bearer undefined", undefined)).toBe(false);
  });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong secret", "Bearer not-the-secret"],
    ["the secret without the Bearer scheme", env().CRON_SECRET],
  ])("refuses %s with 401 and runs nothing", async (_, authorization) => {
    const res = await cronCall("retention", authorization);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect(await runsOf(t.db, "retention")).toEqual([]);
  });

  it("answers 404 for a job that does not exist, once the secret is right", async () => {
    const res = await cronCall("no-such-job", `Bearer ${env().CRON_SECRET}`);
    expect(res.status).toBe(404);
  });

  // The retention job deletes across the whole database: only on PGlite is this file's database private.
  it.runIf(driver === "pglite")("runs a real job with the right secret and says what it did", async () => {
    const res = await cronCall("retention", `Bearer ${env().CRON_SECRET}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ job: "retention", outcome: "succeeded", result: { sent_events: 0, cron_runs: 0 } });
    const [run] = await runsOf(t.db, "retention");
    expect(run).toMatchObject({ outcome: "succeeded", id: body.run_id });
    expect(run!.finishedAt).toBeInstanceOf(Date);
  });
});

describe("the job lock", () => {
  it("lets only one of two overlapping runs do the work; the other is refused with 409", async () => {
    const name = uniqueJob();
    const first = gatedJob();
    const firstRun = runCronJob(t.db, name, first.job);
    await first.running;

    // The second run comes from another connection where there is one, as from another instance.
    const other = driver === "pglite" ? null : await connect(t.url!, driver);
    try {
      const second = gatedJob();
      const refusal = await runCronJob(other?.db ?? t.db, name, second.job).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ status: 409, details: { reason: "job_running" } });
      expect(second.work.done).toBe(0);
    } finally {
      await other?.close();
    }

    first.finish();
    expect(await firstRun).toMatchObject({ job: name, outcome: "succeeded", result: { units: 1 } });
    expect(first.work.done).toBe(1);

    // Once the first run finished, the next one goes ahead.
    const third = gatedJob();
    third.finish();
    await runCronJob(t.db, name, third.job);
    expect((await runsOf(t.db, name)).map((r) => r.outcome)).toEqual(["succeeded", "succeeded"]);
  });

  it("takes over from a run whose process died once its lease has passed", async () => {
    const name = uniqueJob();
    await t.db.insert(cronRuns).values({
      job: name,
      startedAt: new Date(Date.now() - 600_000),
      leaseUntil: new Date(Date.now() - 60_000),
    });
    const next = gatedJob();
    next.finish();
    await runCronJob(t.db, name, next.job);
    const runs = await runsOf(t.db, name);
    expect(runs.map((r) => r.outcome)).toEqual(["abandoned", "succeeded"]);
    expect(runs[0]!.error).toMatch(/lease expired/);
  });

  it("records a failed run, releases the lock and counts it", async () => {
    const name = uniqueJob();
    const failing: CronJob = { ...gatedJob().job, run: async () => Promise.reject(new Error("broker exploded")) };
    await expect(runCronJob(t.db, name, failing)).rejects.toThrow("broker exploded");
    const [run] = await t.db
      .select()
      .from(cronRuns)
      .where(and(eq(cronRuns.job, name), eq(cronRuns.outcome, "failed")));
    expect(run?.error).toBe("broker exploded");
    const counted = (await metrics.cronRuns.get()).values.find(
      (v) => v.labels.job === name && v.labels.outcome === "failed",
    );
    expect(counted?.value).toBe(1);

    const again = gatedJob();
    again.finish();
    await expect(runCronJob(t.db, name, again.job)).resolves.toMatchObject({ outcome: "succeeded" });
  });
});

describe("vercel.json", () => {
  it("declares every job, on the schedule the job table gives, and nothing else", () => {
    const config = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../vercel.json"), "utf8"));
    const declared = Object.fromEntries(
      config.crons.map((c: { path: string; schedule: string }) => [c.path, c.schedule]),
    );
    const expected = Object.fromEntries(
      Object.entries(CRON_JOBS).map(([name, job]) => [`/api/cron/${name}`, job.schedule]),
    );
    expect(declared).toEqual(expected);
  });
});
