/**
 * Fair cancellation figures, through the real write paths: a provider sees as the customer's
 * cancellations only the jobs the customer called off after booking a provider. Withdrawing a job
 * nobody was booked for, and a provider's own cancellation, move neither the figure nor the rates
 * nor the `reliable` badge; the customer sees those apart, on their own record.
 */
import { uniqueIp } from "@/test/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { applyToJob } from "@/lib/marketplace/applications/mutations";
import { cancelJob, completeJob, postJob } from "@/lib/marketplace/jobs/mutations";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { testDatabase, type TestDatabase } from "@/test/db";
import {
  bookedJob,
  newCustomer,
  newProvider,
  type CustomerPerson,
  type ProviderPerson,
} from "@/test/fixtures/marketplace";
import { getCustomerHome } from "@/lib/dashboards/customer-home";
import { profileStatsMismatches } from "./stats-oracle";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const JOB = { title: "Fix the tap", category: "Plumbing" as const, description: "It drips." };

async function completedJobs(db: Database, cara: CustomerPerson, provider: ProviderPerson, n: number) {
  for (let i = 0; i < n; i++) {
    const { jobId } = await bookedJob(db, cara, provider, JOB);
    await completeJob(db, provider.actor, jobId);
  }
}

describe("cancellation figures", () => {
  it("count against the customer only the jobs they called off after booking", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const viewer = await newProvider(db);
      const figures = async () => {
        const { stats, badges } = await getProviderProfile(db, viewer.actor, cara.customerId, uniqueIp());
        return { ...stats, reliable: badges.some((b) => b.type === "reliable") };
      };

      await completedJobs(db, cara, provider, 5);
      // Withdrawn before anyone was booked, though a provider had applied.
      const open = await postJob(db, cara.actor, JOB);
      await applyToJob(db, provider.actor, open.job_id, { message: "Hi" });
      await cancelJob(db, cara.actor, open.job_id);
      // Booked, then cancelled by the provider.
      const dropped = await bookedJob(db, cara, provider, JOB);
      await cancelJob(db, provider.staff, dropped.jobId);

      expect(await figures()).toMatchObject({
        jobs_completed: 5,
        jobs_cancelled: 0,
        completion_rate: 100,
        cancellation_rate: 0,
        rates_reason: null,
        reliable: true,
      });
      expect((await getCustomerHome(db, cara.actor)).job_record).toEqual({
        completed: 5,
        cancelled: 0,
        withdrawn: 1,
        cancelled_by_provider: 1,
        completion_rate: 100,
        cancellation_rate: 0,
        rates_reason: null,
      });

      // Now Cara calls off a job she had booked: that one is hers. 5 of 6 finished is under 90%.
      const called = await bookedJob(db, cara, provider, JOB);
      await cancelJob(db, cara.actor, called.jobId);
      expect(await figures()).toMatchObject({
        jobs_completed: 5,
        jobs_cancelled: 1,
        completion_rate: 83.33,
        cancellation_rate: 16.67,
        reliable: false,
      });
      expect((await getCustomerHome(db, cara.actor)).job_record).toMatchObject({
        cancelled: 1,
        withdrawn: 1,
        cancelled_by_provider: 1,
      });
      expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);
    }));

  it("give a customer with no counters yet a zero record", () =>
    t.rollback(async (db) => {
      const dana = await newCustomer(db);
      expect((await getCustomerHome(db, dana.actor)).job_record).toEqual({
        completed: 0,
        cancelled: 0,
        withdrawn: 0,
        cancelled_by_provider: 0,
        completion_rate: null,
        cancellation_rate: null,
        rates_reason: "too_few_finished_jobs",
      });
    }));
});
