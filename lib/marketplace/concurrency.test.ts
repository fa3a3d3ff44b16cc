/**
 * Concurrent steps on real Postgres (node-postgres and Neon's driver; PGlite has one connection,
 * so nothing there is ever concurrent): reviews from many providers at once, two completes of one
 * job, two bookings of one job, administrators toggling a review, a new customer posting several
 * jobs at once (racing to create the counters row). Each keeps the counters exact and ends every
 * job exactly once. The steps commit, so the file has a database of its own.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { bookings, jobApplications, profileStats } from "@/db/schema";
import { driver, scratchDatabase, type ScratchDatabase } from "@/test/db";
import { outcomes } from "@/test/factories";
import { bookedJob, newAdmin, newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "./applications/mutations";
import { postJob } from "./jobs/mutations";
import { completeJob } from "./jobs/mutations";
import { reviewCustomer, setReviewVisibility } from "./reviews/mutations";
import { profileStatsMismatches } from "@/lib/customer-profile/stats-oracle";

const JOB = { title: "Paint the hall", category: "Painting" as const, description: "One wall." };

let scratch: ScratchDatabase;
let db: Database;
beforeAll(async () => {
  if (driver === "pglite") return;
  scratch = await scratchDatabase();
  db = scratch.db;
}, 60_000);
afterAll(() => scratch?.close());

const statsOf = async (customerId: string) =>
  (await db.select().from(profileStats).where(eq(profileStats.customerId, customerId)))[0]!;

describe.skipIf(driver === "pglite")("concurrent marketplace steps", () => {
  it("counts reviews from eight providers written at the same moment", async () => {
    const cara = await newCustomer(db);
    const providers = await Promise.all(Array.from({ length: 8 }, () => newProvider(db)));
    const jobs: string[] = [];
    for (const provider of providers) {
      const { jobId } = await bookedJob(db, cara, provider);
      await completeJob(db, provider.actor, jobId);
      jobs.push(jobId);
    }
    const ratings = [5, 5, 4, 3, 5, 1, 2, 4];
    expect(
      await outcomes(
        providers.map((p, i) => reviewCustomer(db, p.actor, jobs[i]!, { rating: ratings[i]!, comment: "" })),
      ),
    ).toEqual(Array(8).fill("ok"));
    expect(await statsOf(cara.customerId)).toMatchObject({
      jobsPosted: 8,
      jobsCompleted: 8,
      reviewsReceived: 8,
      rating1Count: 1,
      rating2Count: 1,
      rating3Count: 1,
      rating4Count: 2,
      rating5Count: 3,
    });
    expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);
  });

  it("completes a job once when both parties complete it at the same moment", async () => {
    const cara = await newCustomer(db);
    const provider = await newProvider(db);
    const jobs: string[] = [];
    for (let i = 0; i < 3; i++) jobs.push((await bookedJob(db, cara, provider)).jobId);
    const results = await outcomes(
      jobs.flatMap((job) => [completeJob(db, cara.actor, job), completeJob(db, provider.staff, job)]),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(3);
    expect(results.filter((r) => r === "already_completed")).toHaveLength(3);
    expect(await statsOf(cara.customerId)).toMatchObject({ jobsPosted: 3, jobsCompleted: 3 });
    expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);
  });

  it("books one provider when the customer accepts two applications at once, and one application per business", async () => {
    const cara = await newCustomer(db);
    const [a, b] = [await newProvider(db), await newProvider(db)];
    const job = await postJob(db, cara.actor, JOB);
    // Two staff of one business apply at the same moment: one application.
    expect(
      (
        await outcomes([
          applyToJob(db, a.actor, job.job_id, { message: "1" }),
          applyToJob(db, a.staff, job.job_id, { message: "2" }),
        ])
      ).sort(),
    ).toEqual(["already_applied", "ok"]);
    await applyToJob(db, b.actor, job.job_id, { message: "3" });
    const apps = await db.select().from(jobApplications).where(eq(jobApplications.jobId, job.job_id));
    expect(apps).toHaveLength(2);
    const results = await outcomes(apps.map((app) => acceptApplication(db, cara.actor, job.job_id, app.id)));
    expect(results.sort()).toEqual(["job_not_open", "ok"]);
    expect(await db.select().from(bookings).where(eq(bookings.jobId, job.job_id))).toHaveLength(1);
    const statuses = (await db.select().from(jobApplications).where(eq(jobApplications.jobId, job.job_id)))
      .map((x) => x.status)
      .sort();
    expect(statuses).toEqual(["accepted", "rejected"]);
  });

  it("keeps the histogram exact while administrators hide and show a review at once", async () => {
    const cara = await newCustomer(db);
    const provider = await newProvider(db);
    const admins = [await newAdmin(db), await newAdmin(db)];
    const { jobId } = await bookedJob(db, cara, provider);
    await completeJob(db, provider.actor, jobId);
    const review = await reviewCustomer(db, provider.actor, jobId, { rating: 3, comment: "" });
    const toggles = Array.from({ length: 12 }, (_, i) =>
      setReviewVisibility(db, admins[i % 2]!, review.review_id, i % 3 === 0),
    );
    expect(await outcomes(toggles)).toEqual(Array(12).fill("ok"));
    expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);
    const visible = (await statsOf(cara.customerId)).rating3Count;
    expect(visible === 0 || visible === 1).toBe(true);
  });

  it("creates one counters row when a new customer posts several jobs at once", async () => {
    const cara = await newCustomer(db);
    expect(await outcomes(Array.from({ length: 6 }, () => postJob(db, cara.actor, JOB)))).toEqual(Array(6).fill("ok"));
    expect(await statsOf(cara.customerId)).toMatchObject({ jobsPosted: 6 });
    expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);
  });
});
