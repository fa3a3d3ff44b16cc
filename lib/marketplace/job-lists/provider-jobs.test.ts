/**
 * GET /api/provider/jobs, a provider business's own work, through the real route wrapper and
 * database: each job it applied to in the stage the real writes (apply, book, complete, cancel,
 * decline) leave it in, newest application first; the stage filter; only its own applications,
 * for any of its members; a keyset walk over applications made at one instant; nothing about the
 * customer but the id; and the refusals. Only the session is stubbed; getDb answers the test's
 * transaction, which is rolled back.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/provider/jobs/route";
import type { Database } from "@/db/client";
import { jobApplications } from "@/db/schema";
import { SECRET } from "@/test/fixtures/provider-profile";
import { providerJobsPageDto, type ProviderJobDto } from "./dto";
import {
  newCustomer,
  newProvider,
  secretiveCustomer,
  type CustomerPerson,
  type ProviderPerson,
} from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { cancelJob, completeJob } from "@/lib/marketplace/jobs/mutations";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const myJobs = async (query = "") =>
  parsedBody(await callRoute(route.GET, "GET", `/api/provider/jobs${query}`, {}), providerJobsPageDto);

/** A job posted by `customer` that `provider` applied to at `appliedAt` (inside one transaction now() never moves). */
async function appliedJob(
  db: Database,
  customer: CustomerPerson,
  provider: ProviderPerson,
  title: string,
  appliedAt: string,
) {
  const { job_id: jobId } = await postJob(db, customer.actor, {
    title,
    category: "Handyman",
    description: "Odd jobs.",
  });
  const { application_id: applicationId } = await applyToJob(db, provider.staff, jobId, { message: "We can help." });
  await db
    .update(jobApplications)
    .set({ createdAt: new Date(appliedAt) })
    .where(eq(jobApplications.id, applicationId));
  return { jobId, applicationId };
}

const summary = (jobs: ProviderJobDto[]) =>
  jobs.map((j) => [j.title, j.stage, j.job_status, j.application_status, j.booked]);

describe("GET /api/provider/jobs", () => {
  it("puts each job the business applied to in the stage the real writes leave it, newest application first", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const rival = await newProvider(db);

      const pending = await appliedJob(db, cara, a, "Pending", "2030-01-06T00:00:00Z");
      const booked = await appliedJob(db, cara, a, "Booked", "2030-01-05T00:00:00Z");
      const completed = await appliedJob(db, cara, a, "Completed", "2030-01-04T00:00:00Z");
      const cancelledOpen = await appliedJob(db, cara, a, "Cancelled while open", "2030-01-03T00:00:00Z");
      const declined = await appliedJob(db, cara, a, "Declined", "2030-01-02T00:00:00Z");
      const cancelledBooked = await appliedJob(db, cara, a, "Cancelled once booked", "2030-01-01T00:00:00Z");
      // A job a applied to nothing of: never in its list.
      const { job_id: notMine } = await postJob(db, cara.actor, {
        title: "Not ours",
        category: "Painting",
        description: "Walls.",
      });
      await applyToJob(db, rival.actor, notMine, { message: "Ours." });

      await acceptApplication(db, cara.actor, booked.jobId, booked.applicationId);
      await acceptApplication(db, cara.actor, completed.jobId, completed.applicationId);
      await completeJob(db, a.actor, completed.jobId);
      await cancelJob(db, cara.actor, cancelledOpen.jobId);
      const { application_id: rivalApplication } = await applyToJob(db, rival.actor, declined.jobId, {
        message: "Pick us.",
      });
      await acceptApplication(db, cara.actor, declined.jobId, rivalApplication);
      await acceptApplication(db, cara.actor, cancelledBooked.jobId, cancelledBooked.applicationId);
      await cancelJob(db, a.actor, cancelledBooked.jobId);

      as(a.actor);
      const all = await myJobs();
      expect(summary(all.jobs)).toEqual([
        ["Pending", "applied", "open", "pending", false],
        ["Booked", "booked", "booked", "accepted", true],
        ["Completed", "completed", "completed", "accepted", true],
        ["Cancelled while open", "closed", "cancelled", "rejected", false],
        ["Declined", "closed", "booked", "rejected", false],
        ["Cancelled once booked", "closed", "cancelled", "accepted", true],
      ]);
      expect(all.pagination).toEqual({ has_more: false, next_cursor: null, limit: 20 });
      expect(all.jobs[0]).toEqual({
        job_id: pending.jobId,
        customer_id: cara.customerId,
        title: "Pending",
        category: "Handyman",
        job_status: "open",
        application_status: "pending",
        stage: "applied",
        applied_at: "2030-01-06T00:00:00.000Z",
        booked: false,
        completed_at: null,
      });
      expect(all.jobs.find((j) => j.job_id === completed.jobId)!.completed_at).toEqual(expect.any(String));

      const titles = async (stage: string) => (await myJobs(`?stage=${stage}`)).jobs.map((j) => j.title);
      expect(await titles("applied")).toEqual(["Pending"]);
      expect(await titles("booked")).toEqual(["Booked"]);
      expect(await titles("completed")).toEqual(["Completed"]);
      expect(await titles("closed")).toEqual(["Cancelled while open", "Declined", "Cancelled once booked"]);

      // A withdrawn application is closed too, though its job is still open. (Set directly: withdrawing
      // is lib/marketplace/applications/mutations.ts, and what matters here is only the status it leaves.)
      await db
        .update(jobApplications)
        .set({ status: "withdrawn" })
        .where(eq(jobApplications.id, pending.applicationId));
      expect(await titles("applied")).toEqual([]);
      expect((await titles("closed"))[0]).toBe("Pending");

      // The list is the business's: its staff see the same, the rival only its own.
      as(a.staff);
      expect((await myJobs()).jobs.map((j) => j.job_id)).toEqual(all.jobs.map((j) => j.job_id));
      as(rival.actor);
      // (Both applied at the transaction's one instant: their order is the ids', so sort them here.)
      expect(summary((await myJobs()).jobs).sort()).toEqual([
        ["Declined", "booked", "booked", "accepted", true],
        ["Not ours", "applied", "open", "pending", false],
      ]);
    }));

  it("names the customer by id only", () =>
    t.inTransaction(async (db) => {
      const zelda = await secretiveCustomer(db);
      const a = await newProvider(db);
      await appliedJob(db, zelda, a, "Hang three shelves", "2030-02-01T00:00:00Z");

      as(a.actor);
      const response = await callRoute(route.GET, "GET", "/api/provider/jobs", {});
      const text = await response.text();
      expect(text).toContain(zelda.customerId);
      for (const secret of [...Object.values(SECRET), "Zelda"]) expect(text).not.toContain(secret);
    }));

  it("walks applications made at the same instant page by page without a gap or a repeat", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const applied: { jobId: string; applicationId: string }[] = [];
      for (let i = 0; i < 5; i++) applied.push(await appliedJob(db, cara, a, `Job ${i}`, "2030-03-01T00:00:00Z"));
      await appliedJob(db, cara, a, "Earlier", "2030-02-28T23:59:59.999999Z");

      as(a.actor);
      const seen: ProviderJobDto[] = [];
      for await (const page of walkPages((cursor) => myJobs(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`))) {
        expect(page.jobs.length).toBeLessThanOrEqual(2);
        seen.push(...page.jobs);
      }
      expect(seen).toHaveLength(6);
      expect(new Set(seen.map((j) => j.job_id)).size).toBe(6);
      expect(seen.at(-1)!.title).toBe("Earlier");

      // Ties are ordered by the application id, descending.
      const jobOf = new Map(applied.map((j) => [j.applicationId, j.jobId]));
      expect(seen.slice(0, 5).map((j) => j.job_id)).toEqual(
        applied
          .map((j) => j.applicationId)
          .sort()
          .reverse()
          .map((id) => jobOf.get(id)),
      );
    }));

  it("answers 400 to an unknown stage or page size, 401 to anonymous callers, 403 not_a_provider to customers", () =>
    t.inTransaction(async (db) => {
      const a = await newProvider(db);
      as(a.actor);
      for (const [query, field] of [
        ["stage=pending", "stage"],
        ["stage=", "stage"],
        ["limit=100", "limit"],
        ["cursor=xyz", "cursor"],
      ]) {
        const response = await callRoute(route.GET, "GET", `/api/provider/jobs?${query}`, {});
        expect(response.status, query).toBe(400);
        expect((await response.json()).error.field_errors).toHaveProperty(field!);
      }
      as({ kind: "anonymous" });
      expect((await callRoute(route.GET, "GET", "/api/provider/jobs", {})).status).toBe(401);
      as((await newCustomer(db)).actor);
      const refused = await callRoute(route.GET, "GET", "/api/provider/jobs", {});
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.reason).toBe("not_a_provider");
    }));
});
