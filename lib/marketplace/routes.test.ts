/**
 * The marketplace's JSON routes through the real route wrapper and database: status codes, bodies
 * checked against the documented schemas, refusals with their reasons, bad input as 400 with field
 * errors and never a 500, and POST /api/register answering the ids an API client goes on with.
 * Only the session is stubbed; getDb answers the test's transaction, which is rolled back.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { registeredCustomerDto, registeredProviderDto } from "@/lib/accounts/dto";
import { resolveActor, type Actor } from "@/lib/auth/actor";
import { testDatabase, type TestDatabase } from "@/test/db";
import {
  applicationCreatedDto,
  bookingDto,
  disputeDto,
  jobDto,
  jobStatusDto,
  messageDto,
  providerVisibilityDto,
  reviewCreatedDto,
  reviewVisibilityDto,
} from "./dto";
import { callRoute, newAdmin, newCustomer, newProvider } from "./fixtures";

const state = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor, db: null as Database | null }));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => state.actor }));
vi.mock("@/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/db/client")>()),
  getDb: async () => state.db!,
}));

const jobs = await import("@/app/api/jobs/route");
const job = await import("@/app/api/jobs/[jobId]/route");
const applications = await import("@/app/api/jobs/[jobId]/applications/route");
const accept = await import("@/app/api/jobs/[jobId]/applications/[applicationId]/accept/route");
const messages = await import("@/app/api/jobs/[jobId]/messages/route");
const complete = await import("@/app/api/jobs/[jobId]/complete/route");
const cancel = await import("@/app/api/jobs/[jobId]/cancel/route");
const review = await import("@/app/api/jobs/[jobId]/review/route");
const dispute = await import("@/app/api/jobs/[jobId]/reviews/[reviewId]/dispute/route");
const moderate = await import("@/app/api/admin/reviews/[reviewId]/route");
const visibility = await import("@/app/api/customer/profile/provider-visibility/route");
const register = await import("@/app/api/register/route");

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

/** Runs the test in a rolled-back transaction that the routes use as their database. */
const inTransaction = (fn: (db: Database) => Promise<void>) =>
  t.rollback(async (db) => {
    state.db = db;
    try {
      await fn(db);
    } finally {
      state.db = null;
    }
  });

const as = (actor: Actor) => (state.actor = actor);
const JOB = { title: "Assemble a wardrobe", category: "Furniture assembly", description: "Flat-pack, two doors.", budget_minor: 9000 };

describe("marketplace routes", () => {
  it("carry a job from posting to moderation with the documented bodies", () =>
    inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const admin = await newAdmin(db);

      as(cara.actor);
      const posted = await callRoute(jobs.POST, "POST", "/api/jobs", {}, { ...JOB, scheduled_for: new Date(Date.now() + 86_400_000).toISOString() });
      expect(posted.status).toBe(201);
      const { job_id: jobId } = jobDto.parse(await posted.json());

      as(a.staff);
      const viewed = await callRoute(job.GET, "GET", `/api/jobs/${jobId}`, { jobId });
      expect(viewed.status).toBe(200);
      expect(jobDto.parse(await viewed.json())).toMatchObject({ viewer: "provider", status: "open" });
      const applied = await callRoute(applications.POST, "POST", `/api/jobs/${jobId}/applications`, { jobId }, { message: "Done dozens." });
      expect(applied.status).toBe(201);
      const { application_id: applicationId } = applicationCreatedDto.parse(await applied.json());
      const again = await callRoute(applications.POST, "POST", `/api/jobs/${jobId}/applications`, { jobId }, { message: "Again" });
      expect(again.status).toBe(409);
      expect((await again.json()).error).toMatchObject({ code: "conflict", reason: "already_applied" });
      const sent = await callRoute(messages.POST, "POST", `/api/jobs/${jobId}/messages`, { jobId }, { body: "Which floor?" });
      expect(sent.status).toBe(201);
      messageDto.parse(await sent.json());

      as(cara.actor);
      const booked = await callRoute(accept.POST, "POST", `/api/jobs/${jobId}/applications/${applicationId}/accept`, { jobId, applicationId });
      expect(booked.status).toBe(200);
      expect(bookingDto.parse(await booked.json())).toMatchObject({ provider_business_id: a.businessId });

      as(a.actor);
      const done = await callRoute(complete.POST, "POST", `/api/jobs/${jobId}/complete`, { jobId });
      expect(done.status).toBe(200);
      expect(jobStatusDto.parse(await done.json())).toMatchObject({ status: "completed" });
      const cancelled = await callRoute(cancel.POST, "POST", `/api/jobs/${jobId}/cancel`, { jobId });
      expect(cancelled.status).toBe(409);
      expect((await cancelled.json()).error.reason).toBe("already_completed");

      const reviewed = await callRoute(review.POST, "POST", `/api/jobs/${jobId}/review`, { jobId }, { rating: 5, comment: "Lovely." });
      expect(reviewed.status).toBe(201);
      const { review_id: reviewId } = reviewCreatedDto.parse(await reviewed.json());
      const twice = await callRoute(review.POST, "POST", `/api/jobs/${jobId}/review`, { jobId }, { rating: 1 });
      expect(twice.status).toBe(409);
      expect((await twice.json()).error.reason).toBe("already_reviewed");

      as(cara.actor);
      const disputed = await callRoute(dispute.POST, "POST", `/api/jobs/${jobId}/reviews/${reviewId}/dispute`, { jobId, reviewId }, { reason: "Wrong job." });
      expect(disputed.status).toBe(200);
      disputeDto.parse(await disputed.json());

      as(admin);
      const hidden = await callRoute(moderate.PATCH, "PATCH", `/api/admin/reviews/${reviewId}`, { reviewId }, { is_visible: false });
      expect(hidden.status).toBe(200);
      expect(reviewVisibilityDto.parse(await hidden.json())).toEqual({ review_id: reviewId, is_visible: false, changed: true });

      as(cara.actor);
      const privacy = await callRoute(visibility.PATCH, "PATCH", "/api/customer/profile/provider-visibility", {}, { visibility: "private" });
      expect(privacy.status).toBe(200);
      expect(providerVisibilityDto.parse(await privacy.json())).toMatchObject({ visibility: "private", changed: true });
    }));

  it("answers 401 to anonymous callers, 403 with a reason to the wrong party, 404 to strangers", () =>
    inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const dave = await newCustomer(db);
      const a = await newProvider(db);
      as(cara.actor);
      const { job_id: jobId } = jobDto.parse(await (await callRoute(jobs.POST, "POST", "/api/jobs", {}, JOB)).json());

      as({ kind: "anonymous" });
      expect((await callRoute(job.GET, "GET", `/api/jobs/${jobId}`, { jobId })).status).toBe(401);
      expect((await callRoute(jobs.POST, "POST", "/api/jobs", {}, JOB)).status).toBe(401);

      as(a.actor);
      const refused = await callRoute(jobs.POST, "POST", "/api/jobs", {}, JOB);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toMatchObject({ code: "forbidden", reason: "not_a_customer", message: expect.any(String) });
      const cancelOpen = await callRoute(cancel.POST, "POST", `/api/jobs/${jobId}/cancel`, { jobId });
      expect(cancelOpen.status).toBe(403);
      expect((await cancelOpen.json()).error.reason).toBe("not_booked_provider");

      as(dave.actor);
      expect((await callRoute(job.GET, "GET", `/api/jobs/${jobId}`, { jobId })).status).toBe(404);
      const unknown = randomUUID();
      expect((await callRoute(complete.POST, "POST", `/api/jobs/${unknown}/complete`, { jobId: unknown })).status).toBe(404);

      as(cara.actor);
      expect((await callRoute(cancel.POST, "POST", `/api/jobs/${jobId}/cancel`, { jobId })).status).toBe(200);
    }));

  it.each([
    ["a job without a title", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, title: "" }], "title"],
    ["a budget in fractions of a cent", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, budget_minor: 10.5 }], "budget_minor"],
    ["a negative budget", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, budget_minor: -1 }], "budget_minor"],
    ["a currency that is not a code", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, currency: "dollars" }], "currency"],
    ["a time in the past", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, scheduled_for: "2001-01-01T00:00:00Z" }], "scheduled_for"],
    ["a time that is not a time", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, scheduled_for: "tomorrow" }], "scheduled_for"],
    ["a malformed job id", () => [job.GET, "GET", "/api/jobs/42", { jobId: "42" }, undefined], "jobId"],
    ["a rating of 6", () => [review.POST, "POST", `/api/jobs/${ID}/review`, { jobId: ID }, { rating: 6 }], "rating"],
    ["a rating of 4.5", () => [review.POST, "POST", `/api/jobs/${ID}/review`, { jobId: ID }, { rating: 4.5 }], "rating"],
    ["an empty message", () => [messages.POST, "POST", `/api/jobs/${ID}/messages`, { jobId: ID }, { body: "   " }], "body"],
    ["a dispute without a reason", () => [dispute.POST, "POST", `/api/jobs/${ID}/reviews/${ID}/dispute`, { jobId: ID, reviewId: ID }, {}], "reason"],
    ["is_visible as a string", () => [moderate.PATCH, "PATCH", `/api/admin/reviews/${ID}`, { reviewId: ID }, { is_visible: "no" }], "is_visible"],
    ["an unknown visibility", () => [visibility.PATCH, "PATCH", "/api/customer/profile/provider-visibility", {}, { visibility: "friends" }], "visibility"],
  ] as const)("answers 400 with field errors for %s", (_, request, field) =>
    inTransaction(async (db) => {
      as((await newCustomer(db)).actor);
      const [handler, method, url, params, body] = request() as unknown as [never, string, string, Record<string, string>, unknown];
      const response = await callRoute(handler, method, url, params, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.field_errors).toHaveProperty(field);
    }),
  );

  it("never answers 500 to malformed bodies", () =>
    inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      as(cara.actor);
      const { job_id: jobId } = jobDto.parse(await (await callRoute(jobs.POST, "POST", "/api/jobs", {}, JOB)).json());
      const targets = [
        [jobs.POST, "/api/jobs", {}],
        [applications.POST, `/api/jobs/${jobId}/applications`, { jobId }],
        [messages.POST, `/api/jobs/${jobId}/messages`, { jobId }],
        [review.POST, `/api/jobs/${jobId}/review`, { jobId }],
        [dispute.POST, `/api/jobs/${jobId}/reviews/${ID}/dispute`, { jobId, reviewId: ID }],
        [moderate.PATCH, `/api/admin/reviews/${ID}`, { reviewId: ID }],
        [visibility.PATCH, "/api/customer/profile/provider-visibility", {}],
      ] as const;
      const bodies = ["not json", "null", "[]", '"text"', "{}", '{"title": {"$gt": ""}, "rating": 1e309}', `{"message": "${"x".repeat(3000)}"}`];
      for (const actor of [cara.actor, a.actor]) {
        as(actor);
        for (const [handler, url, params] of targets) {
          for (const body of bodies) {
            const response = await callRoute(handler as never, handler === moderate.PATCH || handler === visibility.PATCH ? "PATCH" : "POST", url, params, body);
            expect(response.status, `${url} ${body}`).toBeGreaterThanOrEqual(400);
            expect(response.status, `${url} ${body}`).toBeLessThan(500);
          }
        }
      }
    }));

  it("registers a customer or a provider and answers the id to go on with", () =>
    inTransaction(async (db) => {
      as({ kind: "anonymous" });
      const email = (who: string) => `${who}-${randomUUID()}@example.test`;
      const customerResponse = await callRoute(register.POST, "POST", "/api/register", {}, {
        role: "customer", name: "Nina New", email: email("nina"), password: "a long enough password",
      });
      expect(customerResponse.status).toBe(201);
      const customer = registeredCustomerDto.strict().parse(await customerResponse.json());
      const providerResponse = await callRoute(register.POST, "POST", "/api/register", {}, {
        role: "provider", name: "Omar Owner", email: email("omar"), password: "a long enough password", businessName: "Omar's Odd Jobs",
      });
      expect(providerResponse.status).toBe(201);
      const provider = registeredProviderDto.strict().parse(await providerResponse.json());

      // And both go straight on: the customer posts, the provider applies.
      as(await resolveActor(db, customer.user_id));
      const posted = await callRoute(jobs.POST, "POST", "/api/jobs", {}, JOB);
      expect(posted.status).toBe(201);
      const { job_id: jobId, customer_id } = jobDto.parse(await posted.json());
      expect(customer_id).toBe(customer.customer_id);
      as(await resolveActor(db, provider.user_id, { businessId: provider.business_id }));
      expect((await callRoute(applications.POST, "POST", `/api/jobs/${jobId}/applications`, { jobId }, { message: "Hi" })).status).toBe(201);
    }));
});

const ID = "7d3f1c2e-5b6a-4c8d-9e0f-1a2b3c4d5e6f";
