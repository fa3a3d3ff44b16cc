/**
 * The marketplace's JSON routes through the real route wrapper and database: status codes, bodies
 * checked against the documented schemas, refusals with their reasons, bad input as 400 with field
 * errors and never a 500, and POST /api/register answering the ids an API client goes on with.
 * Only the session is stubbed; getDb answers the test's transaction, which is rolled back.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import * as moderate from "@/app/api/admin/reviews/[reviewId]/route";
import * as visibility from "@/app/api/customer/profile/provider-visibility/route";
import * as jobs from "@/app/api/jobs/route";
import * as job from "@/app/api/jobs/[jobId]/route";
import * as applications from "@/app/api/jobs/[jobId]/applications/route";
import * as accept from "@/app/api/jobs/[jobId]/applications/[applicationId]/accept/route";
import * as cancel from "@/app/api/jobs/[jobId]/cancel/route";
import * as complete from "@/app/api/jobs/[jobId]/complete/route";
import * as messages from "@/app/api/jobs/[jobId]/messages/route";
import * as review from "@/app/api/jobs/[jobId]/review/route";
import * as dispute from "@/app/api/jobs/[jobId]/reviews/[reviewId]/dispute/route";
import * as register from "@/app/api/register/route";
import { registeredCustomerDto, registeredProviderDto } from "@/lib/accounts/dto";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { applicationCreatedDto, bookingDto } from "./applications/dto";
import { disputeDto, reviewCreatedDto, reviewVisibilityDto } from "./reviews/dto";
import { jobDto, jobStatusDto } from "./jobs/dto";
import { messageDto } from "./messages/dto";
import { providerVisibilityDto } from "@/lib/customer-profile/dto";
import { newAdmin, newCustomer, newProvider } from "@/test/fixtures/marketplace";

const { as, callRoute, parsedBody, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const JOB = {
  title: "Assemble a wardrobe",
  category: "Furniture assembly",
  description: "Flat-pack, two doors.",
  budget_minor: 9000,
};

describe("marketplace routes", () => {
  it("carry a job from posting to moderation with the documented bodies", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const admin = await newAdmin(db);

      as(cara.actor);
      const posted = await callRoute(
        jobs.POST,
        "POST",
        "/api/jobs",
        {},
        { ...JOB, scheduled_for: new Date(Date.now() + 86_400_000).toISOString() },
      );
      const { job_id: jobId } = await parsedBody(posted, jobDto, 201);

      as(a.staff);
      const viewed = await callRoute(job.GET, "GET", `/api/jobs/${jobId}`, { jobId });
      expect(await parsedBody(viewed, jobDto)).toMatchObject({ viewer: "provider", status: "open" });
      const applied = await callRoute(
        applications.POST,
        "POST",
        `/api/jobs/${jobId}/applications`,
        { jobId },
        { message: "Done dozens." },
      );
      const { application_id: applicationId } = await parsedBody(applied, applicationCreatedDto, 201);
      const again = await callRoute(
        applications.POST,
        "POST",
        `/api/jobs/${jobId}/applications`,
        { jobId },
        { message: "Again" },
      );
      expect(again.status).toBe(409);
      expect((await again.json()).error).toMatchObject({ code: "conflict", reason: "already_applied" });
      const sent = await callRoute(
        messages.POST,
        "POST",
        `/api/jobs/${jobId}/messages`,
        { jobId },
        { body: "Which floor?" },
      );
      await parsedBody(sent, messageDto, 201);

      as(cara.actor);
      const booked = await callRoute(accept.POST, "POST", `/api/jobs/${jobId}/applications/${applicationId}/accept`, {
        jobId,
        applicationId,
      });
      expect(await parsedBody(booked, bookingDto)).toMatchObject({ provider_business_id: a.businessId });

      as(a.actor);
      const done = await callRoute(complete.POST, "POST", `/api/jobs/${jobId}/complete`, { jobId });
      expect(await parsedBody(done, jobStatusDto)).toMatchObject({ status: "completed" });
      const cancelled = await callRoute(cancel.POST, "POST", `/api/jobs/${jobId}/cancel`, { jobId });
      expect(cancelled.status).toBe(409);
      expect((await cancelled.json()).error.reason).toBe("already_completed");

      const reviewed = await callRoute(
        review.POST,
        "POST",
        `/api/jobs/${jobId}/review`,
        { jobId },
        { rating: 5, comment: "Lovely." },
      );
      const { review_id: reviewId } = await parsedBody(reviewed, reviewCreatedDto, 201);
      const twice = await callRoute(review.POST, "POST", `/api/jobs/${jobId}/review`, { jobId }, { rating: 1 });
      expect(twice.status).toBe(409);
      expect((await twice.json()).error.reason).toBe("already_reviewed");

      as(cara.actor);
      const disputed = await callRoute(
        dispute.POST,
        "POST",
        `/api/jobs/${jobId}/reviews/${reviewId}/dispute`,
        { jobId, reviewId },
        { reason: "Wrong job." },
      );
      await parsedBody(disputed, disputeDto);

      as(admin);
      const hidden = await callRoute(
        moderate.PATCH,
        "PATCH",
        `/api/admin/reviews/${reviewId}`,
        { reviewId },
        { is_visible: false },
      );
      expect(await parsedBody(hidden, reviewVisibilityDto)).toEqual({
        review_id: reviewId,
        is_visible: false,
        changed: true,
      });

      as(cara.actor);
      const privacy = await callRoute(
        visibility.PATCH,
        "PATCH",
        "/api/customer/profile/provider-visibility",
        {},
        { visibility: "private" },
      );
      expect(await parsedBody(privacy, providerVisibilityDto)).toMatchObject({ visibility: "private", changed: true });
    }));

  it("answers 401 to anonymous callers, 403 with a reason to the wrong party, 404 to strangers", () =>
    t.inTransaction(async (db) => {
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
      expect((await refused.json()).error).toMatchObject({
        code: "forbidden",
        reason: "not_a_customer",
        message: expect.any(String),
      });
      const cancelOpen = await callRoute(cancel.POST, "POST", `/api/jobs/${jobId}/cancel`, { jobId });
      expect(cancelOpen.status).toBe(403);
      expect((await cancelOpen.json()).error.reason).toBe("not_booked_provider");

      as(dave.actor);
      expect((await callRoute(job.GET, "GET", `/api/jobs/${jobId}`, { jobId })).status).toBe(404);
      const unknown = randomUUID();
      expect((await callRoute(complete.POST, "POST", `/api/jobs/${unknown}/complete`, { jobId: unknown })).status).toBe(
        404,
      );

      as(cara.actor);
      expect((await callRoute(cancel.POST, "POST", `/api/jobs/${jobId}/cancel`, { jobId })).status).toBe(200);
    }));

  it.each([
    ["a job without a title", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, title: "" }], "title"],
    [
      "a budget in fractions of a cent",
      () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, budget_minor: 10.5 }],
      "budget_minor",
    ],
    ["a negative budget", () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, budget_minor: -1 }], "budget_minor"],
    [
      "a currency that is not a code",
      () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, currency: "dollars" }],
      "currency",
    ],
    [
      "a time in the past",
      () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, scheduled_for: "2001-01-01T00:00:00Z" }],
      "scheduled_for",
    ],
    [
      "a time that is not a time",
      () => [jobs.POST, "POST", "/api/jobs", {}, { ...JOB, scheduled_for: "tomorrow" }],
      "scheduled_for",
    ],
    ["a malformed job id", () => [job.GET, "GET", "/api/jobs/42", { jobId: "42" }, undefined], "jobId"],
    ["a rating of 6", () => [review.POST, "POST", `/api/jobs/${ID}/review`, { jobId: ID }, { rating: 6 }], "rating"],
    [
      "a rating of 4.5",
      () => [review.POST, "POST", `/api/jobs/${ID}/review`, { jobId: ID }, { rating: 4.5 }],
      "rating",
    ],
    [
      "an empty message",
      () => [messages.POST, "POST", `/api/jobs/${ID}/messages`, { jobId: ID }, { body: "   " }],
      "body",
    ],
    [
      "a dispute without a reason",
      () => [dispute.POST, "POST", `/api/jobs/${ID}/reviews/${ID}/dispute`, { jobId: ID, reviewId: ID }, {}],
      "reason",
    ],
    [
      "is_visible as a string",
      () => [moderate.PATCH, "PATCH", `/api/admin/reviews/${ID}`, { reviewId: ID }, { is_visible: "no" }],
      "is_visible",
    ],
    [
      "an unknown visibility",
      () => [visibility.PATCH, "PATCH", "/api/customer/profile/provider-visibility", {}, { visibility: "friends" }],
      "visibility",
    ],
  ] as const)("answers 400 with field errors for %s", (_, request, field) =>
    t.inTransaction(async (db) => {
      as((await newCustomer(db)).actor);
      const [handler, method, url, params, body] = request() as unknown as [
        never,
        string,
        string,
        Record<string, string>,
        unknown,
      ];
      const response = await callRoute(handler, method, url, params, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.field_errors).toHaveProperty(field);
    }),
  );

  it("never answers 500 to malformed bodies", () =>
    t.inTransaction(async (db) => {
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
      const bodies = [
        "not json",
        "null",
        "[]",
        '"text"',
        "{}",
        '{"title": {"$gt": ""}, "rating": 1e309}',
        `{"message": "${"x".repeat(3000)}"}`,
      ];
      for (const actor of [cara.actor, a.actor]) {
        as(actor);
        for (const [handler, url, params] of targets) {
          for (const body of bodies) {
            const response = await callRoute(
              handler as never,
              handler === moderate.PATCH || handler === visibility.PATCH ? "PATCH" : "POST",
              url,
              params,
              body,
            );
            expect(response.status, `${url} ${body}`).toBeGreaterThanOrEqual(400);
            expect(response.status, `${url} ${body}`).toBeLessThan(500);
          }
        }
      }
    }));

  it("registers a customer or a provider and answers the id to go on with", () =>
    t.inTransaction(async (db) => {
      as({ kind: "anonymous" });
      const email = (who: string) => `${who}-${randomUUID()}@example.test`;
      const customerResponse = await callRoute(
        register.POST,
        "POST",
        "/api/register",
        {},
        {
          role: "customer",
          name: "Nina New",
          email: email("nina"),
          password: "a long enough password",
        },
      );
      const customer = await parsedBody(customerResponse, registeredCustomerDto.strict(), 201);
      const providerResponse = await callRoute(
        register.POST,
        "POST",
        "/api/register",
        {},
        {
          role: "provider",
          name: "Omar Owner",
          email: email("omar"),
          password: "a long enough password",
          businessName: "Omar's Odd Jobs",
        },
      );
      const provider = await parsedBody(providerResponse, registeredProviderDto.strict(), 201);

      // And both go straight on: the customer posts, the provider applies.
      as(await resolveActor(db, customer.user_id));
      const posted = await callRoute(jobs.POST, "POST", "/api/jobs", {}, JOB);
      const { job_id: jobId, customer_id } = await parsedBody(posted, jobDto, 201);
      expect(customer_id).toBe(customer.customer_id);
      as(await resolveActor(db, provider.user_id, { businessId: provider.business_id }));
      expect(
        (await callRoute(applications.POST, "POST", `/api/jobs/${jobId}/applications`, { jobId }, { message: "Hi" }))
          .status,
      ).toBe(201);
    }));
});

const ID = "7d3f1c2e-5b6a-4c8d-9e0f-1a2b3c4d5e6f";
