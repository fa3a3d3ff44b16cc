/**
 * GET /api/customer/jobs through the real route wrapper and database: a customer sees only their
 * own jobs, newest first, filtered by status, with the waiting applications and the booked
 * provider; a walk through the pages (ties on created_at included) finds every job exactly once;
 * bad input is a 400 with field errors, anonymous a 401, an account without a customer profile a
 * 403. Only the session is stubbed; getDb answers the test's transaction, which is rolled back.
 */
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { eq, sql } from "drizzle-orm";
import * as myJobs from "@/app/api/customer/jobs/route";
import { businesses, jobs as jobsTable } from "@/db/schema";
import { customerJobsPageDto, type CustomerJobDto } from "./dto";
import { newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { cancelJob, completeJob } from "@/lib/marketplace/jobs/mutations";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const list = async (query: Record<string, string> = {}) =>
  parsedBody(
    await callRoute(myJobs.GET, "GET", `/api/customer/jobs?${new URLSearchParams(query)}`, {}),
    customerJobsPageDto,
  );

/** Every page from the first, following next_cursor. */
async function walk(query: Record<string, string>): Promise<CustomerJobDto[]> {
  const seen: CustomerJobDto[] = [];
  for await (const page of walkPages((cursor) => list({ ...query, ...(cursor && { cursor }) })))
    seen.push(...page.jobs);
  return seen;
}

const JOB = { title: "Fix the tap", category: "Plumbing" as const, description: "It drips." };

/** The name a business goes by, which the list shows as the booked provider's. */
const businessName = async (db: Database, businessId: string) =>
  (await db.select({ name: businesses.name }).from(businesses).where(eq(businesses.id, businessId)))[0]!.name;

/** Jobs inserted straight into the table, with the times the test needs (to the microsecond, which a Date cannot hold). */
async function insertJobs(
  db: Database,
  customerId: string,
  times: string[],
  values: Partial<typeof jobsTable.$inferInsert> = {},
) {
  const rows = await db
    .insert(jobsTable)
    .values(
      times.map((at, n) => ({
        customerId,
        ...JOB,
        title: `Job ${n + 1}`,
        createdAt: sql`${at}::timestamptz`,
        ...values,
      })),
    )
    .returning({ id: jobsTable.id });
  return rows.map((row) => row.id);
}

describe("GET /api/customer/jobs", () => {
  it("lists only the customer's own jobs, newest first, with their waiting applications and booked provider", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const dave = await newCustomer(db);
      const plumbers = await newProvider(db);
      const rivals = await newProvider(db);
      await insertJobs(db, dave.customerId, ["2026-03-01T00:00:00Z"], { title: "Dave's job" });
      const [older, newer] = await insertJobs(db, cara.customerId, ["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"]);
      // Two applications wait on the newer job; the older one is booked with Pat's business.
      await applyToJob(db, plumbers.staff, newer!, { message: "We can come on Monday." });
      await applyToJob(db, rivals.actor, newer!, { message: "Tuesday suits us." });
      const booked = await applyToJob(db, plumbers.actor, older!, { message: "Happy to." });
      await applyToJob(db, rivals.actor, older!, { message: "Us too." });
      await acceptApplication(db, cara.actor, older!, booked.application_id);

      as(cara.actor);
      const page = await list();
      expect(page.jobs.map((j) => j.job_id)).toEqual([newer, older]);
      expect(page.jobs[0]).toMatchObject({
        status: "open",
        pending_applications: 2,
        booked_provider_name: null,
        title: "Job 2",
      });
      // Booking declined the rival's application: nothing is waiting any more.
      expect(page.jobs[1]).toMatchObject({
        status: "booked",
        pending_applications: 0,
        booked_provider_name: await businessName(db, plumbers.businessId),
      });
      expect(page.pagination).toEqual({ has_more: false, next_cursor: null, limit: 20 });

      as(dave.actor);
      expect((await list()).jobs.map((j) => j.title)).toEqual(["Dave's job"]);
    }));

  it("keeps the booked provider's name once the job ends, and names none for a job cancelled before booking", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const pros = await newProvider(db);
      const posted: string[] = [];
      // One after another: they share the test's one connection.
      for (const title of ["Completed", "Cancelled after booking", "Cancelled while open"]) {
        posted.push(
          (await postJob(db, cara.actor, { ...JOB, title, budget_minor: 12050, currency: "EUR", scheduled_for: null }))
            .job_id,
        );
      }
      const [done, dropped, neverBooked] = posted;
      for (const jobId of [done!, dropped!]) {
        const application = await applyToJob(db, pros.actor, jobId, { message: "Yes." });
        await acceptApplication(db, cara.actor, jobId, application.application_id);
      }
      await completeJob(db, pros.actor, done!);
      await cancelJob(db, pros.actor, dropped!);
      await cancelJob(db, cara.actor, neverBooked!);

      as(cara.actor);
      const byTitle = Object.fromEntries((await list()).jobs.map((j) => [j.title, j]));
      const prosName = await businessName(db, pros.businessId);
      expect(byTitle["Completed"]).toMatchObject({ status: "completed", booked_provider_name: prosName });
      expect(byTitle["Cancelled after booking"]).toMatchObject({ status: "cancelled", booked_provider_name: prosName });
      expect(byTitle["Cancelled while open"]).toMatchObject({ status: "cancelled", booked_provider_name: null });
      expect(byTitle["Completed"]).toMatchObject({ budget_minor: 12050, currency: "EUR", scheduled_for: null });
    }));

  it("filters by status, and pages within the filter", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const open = await insertJobs(db, cara.customerId, [
        "2026-01-01T00:00:00Z",
        "2026-01-03T00:00:00Z",
        "2026-01-05T00:00:00Z",
      ]);
      const completed = await insertJobs(db, cara.customerId, ["2026-01-02T00:00:00Z", "2026-01-04T00:00:00Z"], {
        status: "completed",
      });
      await insertJobs(db, cara.customerId, ["2026-01-06T00:00:00Z"], { status: "cancelled" });

      as(cara.actor);
      expect((await list({ status: "open" })).jobs.map((j) => j.job_id)).toEqual([...open].reverse());
      expect((await walk({ status: "completed", limit: "1" })).map((j) => j.job_id)).toEqual([...completed].reverse());
      expect((await list({ status: "booked" })).jobs).toEqual([]);
      expect((await list()).jobs).toHaveLength(6);
    }));

  it("walks every page without a gap or a repeat when jobs share a created_at", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      // Seven jobs in one microsecond (posted in one transaction), around others.
      const tie = "2026-05-05T10:00:00.123456Z";
      const ids = [
        ...(await insertJobs(db, cara.customerId, ["2026-05-06T00:00:00Z"])),
        ...(await insertJobs(db, cara.customerId, Array(7).fill(tie))),
        ...(await insertJobs(db, cara.customerId, ["2026-05-05T10:00:00.123455Z", "2026-05-01T00:00:00Z"])),
      ];
      as(cara.actor);
      const newestFirst = (await list({ limit: "50" })).jobs.map((j) => j.job_id);
      expect(new Set(newestFirst)).toEqual(new Set(ids));
      expect(newestFirst[0]).toBe(ids[0]);
      expect(newestFirst.slice(-2)).toEqual(ids.slice(-2));

      for (const limit of ["1", "2", "3", "4"]) {
        const walked = (await walk({ limit })).map((j) => j.job_id);
        expect(walked, `limit=${limit}`).toEqual(newestFirst);
      }
    }));

  it.each([
    ["a limit of 0", { limit: "0" }, "limit"],
    ["a limit above 50", { limit: "51" }, "limit"],
    ["a limit that is not a number", { limit: "ten" }, "limit"],
    ["a fractional limit", { limit: "2.5" }, "limit"],
    ["an unknown status", { status: "pending" }, "status"],
    ["a cursor that is not base64 JSON", { cursor: "not-a-cursor" }, "cursor"],
    [
      "a cursor with another shape",
      { cursor: Buffer.from('{"o":"recent","t":"x","i":"y"}').toString("base64url") },
      "cursor",
    ],
    ["an overlong cursor", { cursor: "a".repeat(500) }, "cursor"],
  ])("answers 400 with a field error for %s", (_, query, field) =>
    t.inTransaction(async (db) => {
      as((await newCustomer(db)).actor);
      const response = await callRoute(myJobs.GET, "GET", `/api/customer/jobs?${new URLSearchParams(query)}`, {});
      expect(response.status).toBe(400);
      expect((await response.json()).error.field_errors).toHaveProperty(field);
    }),
  );

  it("answers 401 to anonymous callers and 403 to an account that is only a provider", () =>
    t.inTransaction(async (db) => {
      as({ kind: "anonymous" });
      const anonymous = await callRoute(myJobs.GET, "GET", "/api/customer/jobs", {});
      expect(anonymous.status).toBe(401);

      as((await newProvider(db)).actor);
      const provider = await callRoute(myJobs.GET, "GET", "/api/customer/jobs", {});
      expect(provider.status).toBe(403);
      expect((await provider.json()).error).toMatchObject({
        code: "forbidden",
        reason: "not_a_customer",
        message: expect.any(String),
      });
    }));
});
