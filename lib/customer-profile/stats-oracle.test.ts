/**
 * The oracle catches what it is there to catch: a counter that drifted from the raw rows, a row
 * missing once something counts, a per-category count off by one; and says nothing about a
 * customer whose rows and counters agree. (That they agree after every real step is what the
 * marketplace's tests assert with it.)
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileJobCategories, profileStats } from "@/db/schema";
import { completeJob } from "@/lib/marketplace/jobs/mutations";
import { testDatabase, type TestDatabase } from "@/test/db";
import { bookedJob, newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { profileStatsMismatches } from "./stats-oracle";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

describe("profileStatsMismatches", () => {
  it("finds nothing while the counters agree, and each kind of drift once they do not", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      const bo = await newCustomer(db);
      const a = await newProvider(db);
      const { jobId } = await bookedJob(db, cara, a);
      await completeJob(db, cara.actor, jobId);
      await bookedJob(db, bo, a);
      const both = [cara.customerId, bo.customerId];
      expect(await profileStatsMismatches(db, both)).toEqual([]);

      // A counter one too high.
      await db
        .update(profileStats)
        .set({ jobsCompleted: sql`${profileStats.jobsCompleted} + 1` })
        .where(eq(profileStats.customerId, cara.customerId));
      const [drifted, ...others] = await profileStatsMismatches(db, both);
      expect(others).toEqual([]);
      expect(drifted).toMatchObject({
        customer_id: cara.customerId,
        stored: { jobs_completed: 2, jobs_posted: 1 },
        expected: { jobs_completed: 1, jobs_posted: 1 },
      });

      // A row missing although the customer has posted a job; and a category counted twice.
      await db.delete(profileStats).where(eq(profileStats.customerId, bo.customerId));
      expect((await profileStatsMismatches(db, [bo.customerId]))[0]).toMatchObject({
        stored: null,
        expected: { jobs_posted: 1 },
      });
      await db
        .update(profileJobCategories)
        .set({ jobs: 2 })
        .where(eq(profileJobCategories.customerId, cara.customerId));
      expect((await profileStatsMismatches(db, [cara.customerId]))[0]).toMatchObject({
        stored: { job_categories: { Painting: 2 } },
        expected: { job_categories: { Painting: 1 } },
      });

      // Over the whole database too, and an empty list checks nobody.
      expect((await profileStatsMismatches(db)).map((m) => m.customer_id)).toEqual(
        expect.arrayContaining([cara.customerId, bo.customerId]),
      );
      expect(await profileStatsMismatches(db, [])).toEqual([]);
    }));
});
