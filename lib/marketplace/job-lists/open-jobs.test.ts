/**
 * GET /api/jobs, the providers' notice board, through the real route wrapper and database: only
 * open jobs, newest first; the category filter; `applied` and the count of pending applications
 * after real applications; a keyset walk over jobs posted at one instant that neither skips nor
 * repeats; the preview of a long description; nothing about the customer but their id; and the
 * refusals. Jobs are dated far in the future so that they are the newest on a shared database.
 * Only the session is stubbed; getDb answers the test's transaction, which is rolled back.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as jobsRoute from "@/app/api/jobs/route";
import * as providerJobsRoute from "@/app/api/provider/jobs/route";
import type { Database } from "@/db/client";
import { jobs as jobsTable } from "@/db/schema";
import { SECRET } from "@/test/fixtures/provider-profile";
import { openJobsPageDto, type OpenJobDto } from "./dto";
import { newCustomer, newProvider, secretiveCustomer, type CustomerPerson } from "@/test/fixtures/marketplace";
import { postJobInput, type PostJobInput } from "@/lib/marketplace/jobs/inputs";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { cancelJob } from "@/lib/marketplace/jobs/mutations";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const JOB: PostJobInput = {
  title: "Assemble a wardrobe",
  category: "Furniture assembly",
  description: "Flat-pack, two doors.",
  budget_minor: 9000,
};

/** Posts a job through the real write path, then dates it (inside one transaction now() never moves). */
async function post(db: Database, customer: CustomerPerson, at: string, values: Partial<PostJobInput> = {}) {
  const job = await postJob(db, customer.actor, postJobInput.parse({ ...JOB, ...values }));
  await db
    .update(jobsTable)
    .set({ createdAt: new Date(at) })
    .where(eq(jobsTable.id, job.job_id));
  return job.job_id;
}

const browse = async (query = "") =>
  parsedBody(await callRoute(jobsRoute.GET, "GET", `/api/jobs${query}`, {}), openJobsPageDto);

/** Every page of the list, following next_cursor; fails on a repeated job. */
async function browseAll(params: Record<string, string>) {
  const seen: OpenJobDto[] = [];
  for await (const page of walkPages((cursor) =>
    browse(`?${new URLSearchParams({ ...params, ...(cursor && { cursor }) })}`),
  )) {
    expect(page.jobs.length).toBeLessThanOrEqual(page.pagination.limit);
    seen.push(...page.jobs);
  }
  const ids = seen.map((j) => j.job_id);
  expect(new Set(ids).size, "a job appeared on two pages").toBe(ids.length);
  return seen;
}

describe("GET /api/jobs", () => {
  it("lists only open jobs, newest first, with the acting business's part and nothing about the customer but the id", () =>
    t.inTransaction(async (db) => {
      const zelda = await secretiveCustomer(db);
      const a = await newProvider(db);
      const b = await newProvider(db);

      const older = await post(db, zelda, "2199-01-01T00:00:00Z", {
        title: "Mow the lawn",
        category: "Lawn care",
        budget_minor: null,
      });
      const newer = await post(db, zelda, "2199-01-03T00:00:00Z", {
        title: "Paint the hall",
        category: "Painting",
        currency: "eur",
      });
      const booked = await post(db, zelda, "2199-01-04T00:00:00Z", { title: "Booked already" });
      const cancelled = await post(db, zelda, "2199-01-05T00:00:00Z", { title: "Cancelled" });
      const application = await applyToJob(db, b.actor, booked, { message: "Us!" });
      await acceptApplication(db, zelda.actor, booked, application.application_id);
      await cancelJob(db, zelda.actor, cancelled);

      // Business b applied to the newer open job; a has applied to nothing.
      await applyToJob(db, b.staff, newer, { message: "We paint." });

      as(a.actor);
      const page = await browse();
      const ids = page.jobs.map((j) => j.job_id);
      expect(ids.slice(0, 2)).toEqual([newer, older]);
      expect(ids).not.toContain(booked);
      expect(ids).not.toContain(cancelled);
      expect(page.jobs[0]).toEqual({
        job_id: newer,
        customer_id: zelda.customerId,
        title: "Paint the hall",
        category: "Painting",
        description: JOB.description,
        description_truncated: false,
        budget_minor: 9000,
        currency: "EUR",
        scheduled_for: null,
        created_at: "2199-01-03T00:00:00.000Z",
        applied: false,
        application_count: 1,
      });
      expect(page.jobs[1]).toMatchObject({ job_id: older, budget_minor: null, applied: false, application_count: 0 });

      // The customer is named by id only: no name or private detail in the body.
      const text = await (await callRoute(jobsRoute.GET, "GET", "/api/jobs", {})).text();
      for (const secret of [...Object.values(SECRET), "Zelda"]) expect(text).not.toContain(secret);

      // The business that applied sees it, whichever of its members asks; after a applies, both count.
      as(b.actor);
      expect((await browse()).jobs[0]).toMatchObject({ job_id: newer, applied: true, application_count: 1 });
      as(a.staff);
      await applyToJob(db, a.staff, newer, { message: "We paint too." });
      expect((await browse()).jobs[0]).toMatchObject({ job_id: newer, applied: true, application_count: 2 });
    }));

  it("filters by category, and refuses a category that is not one of the marketplace's", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const plumbing = await post(db, cara, "2199-02-01T00:00:00Z", { title: "Fix a tap", category: "Plumbing" });
      const garden = await post(db, cara, "2199-02-02T00:00:00Z", { title: "Trim the hedge", category: "Gardening" });

      as(a.actor);
      const page = await browse("?category=Plumbing");
      expect(page.jobs.map((j) => j.job_id)).toContain(plumbing);
      expect(page.jobs.map((j) => j.job_id)).not.toContain(garden);
      expect(page.jobs.every((j) => j.category === "Plumbing")).toBe(true);
      expect((await browse(`?${new URLSearchParams({ category: "Gardening" })}`)).jobs[0]!.job_id).toBe(garden);

      for (const category of ["plumbing", "Rocket science", ""]) {
        const response = await callRoute(jobsRoute.GET, "GET", `/api/jobs?${new URLSearchParams({ category })}`, {});
        expect(response.status, category).toBe(400);
        expect((await response.json()).error.field_errors).toHaveProperty("category");
      }
    }));

  it("walks jobs posted at the same instant page by page without a gap or a repeat", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const posted: string[] = [];
      for (let i = 0; i < 7; i++)
        posted.push(
          await post(db, cara, "2199-03-01T00:00:00Z", { title: `Same instant ${i}`, category: "Pet sitting" }),
        );
      const earlier = await post(db, cara, "2199-02-28T23:59:59.999999Z", {
        title: "A moment before",
        category: "Pet sitting",
      });

      as(a.actor);
      const all = await browseAll({ category: "Pet sitting", limit: "3" });
      const mine = all.map((j) => j.job_id).filter((id) => posted.includes(id) || id === earlier);
      // Ties in created_at are ordered by id, descending; the job a microsecond older comes after them.
      expect(mine).toEqual([...posted].sort().reverse().concat(earlier));
      expect(all.slice(0, 8).map((j) => j.job_id)).toEqual(mine);
    }));

  it("cuts a long description to a preview at a word, and says so", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
      const id = await post(db, cara, "2199-04-01T00:00:00Z", { description: words });

      as(a.actor);
      const [job] = (await browse()).jobs;
      expect(job!.job_id).toBe(id);
      expect(job!.description_truncated).toBe(true);
      expect(job!.description.length).toBeLessThanOrEqual(280);
      expect(job!.description.length).toBeGreaterThan(200);
      expect(words.startsWith(job!.description)).toBe(true);
      expect(words[job!.description.length]).toBe(" ");
    }));

  it("answers 400 to a bad page size or a cursor it did not issue", () =>
    t.inTransaction(async (db) => {
      const a = await newProvider(db);
      as(a.actor);
      for (const limit of ["0", "51", "2.5", "many"]) {
        const response = await callRoute(jobsRoute.GET, "GET", `/api/jobs?limit=${limit}`, {});
        expect(response.status, limit).toBe(400);
        expect((await response.json()).error.field_errors).toHaveProperty("limit");
      }
      // A cursor of the provider's own list, a forged one and garbage.
      const foreign = Buffer.from(
        JSON.stringify({ l: "mine", t: "2199-01-01T00:00:00.000000Z", i: randomUUID() }),
      ).toString("base64url");
      for (const cursor of [foreign, "bm90IGpzb24", "%%%"]) {
        const response = await callRoute(jobsRoute.GET, "GET", `/api/jobs?cursor=${encodeURIComponent(cursor)}`, {});
        expect(response.status, cursor).toBe(400);
        expect((await response.json()).error.field_errors).toHaveProperty("cursor");
      }
      // And the other way round: an open-jobs cursor is not one of the provider's own list.
      const cara = await newCustomer(db);
      for (let i = 0; i < 2; i++) await post(db, cara, "2199-05-01T00:00:00Z");
      as(a.actor);
      const cursor = (await browse("?limit=1")).pagination.next_cursor!;
      const response = await callRoute(providerJobsRoute.GET, "GET", `/api/provider/jobs?cursor=${cursor}`, {});
      expect(response.status).toBe(400);
    }));

  it("answers 401 to anonymous callers and 403 not_a_provider to customers and ordinary businesses", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const shop = await newProvider(db, { isMarketplaceProvider: false });
      as({ kind: "anonymous" });
      expect((await callRoute(jobsRoute.GET, "GET", "/api/jobs", {})).status).toBe(401);
      for (const actor of [cara.actor, shop.actor]) {
        as(actor);
        const response = await callRoute(jobsRoute.GET, "GET", "/api/jobs", {});
        expect(response.status).toBe(403);
        expect((await response.json()).error).toMatchObject({ code: "forbidden", reason: "not_a_provider" });
      }
    }));
});
