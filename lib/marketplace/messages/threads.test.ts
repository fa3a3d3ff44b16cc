/**
 * The threads a job shows its viewer, and the write path agreeing with them: for every state a job
 * can be in, a message is accepted exactly in the threads threadsOf offers a form for, and a
 * refusal says what the closed thread says.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { UserActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { testDatabase, type TestDatabase } from "@/test/db";
import type { ApplicationDto, JobDto } from "@/lib/marketplace/jobs/dto";
import { newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { cancelJob, completeJob } from "@/lib/marketplace/jobs/mutations";
import { sendJobMessage } from "./mutations";
import { getJob } from "@/lib/marketplace/jobs/queries";
import { threadsOf, type ThreadOfJob } from "./threads";
import { withdrawApplication } from "@/lib/marketplace/applications/mutations";

const [A, B, W] = [randomUUID(), randomUUID(), randomUUID()];
const NAMES: Record<string, string> = { [A]: "Ace Cleaning", [B]: "Bright Windows", [W]: "Wavering Ltd" };
const CANCELLED = "This job was cancelled, so its conversation is closed.";

function application(provider: string, status: ApplicationDto["status"]): ApplicationDto {
  return {
    application_id: randomUUID(),
    provider_business_id: provider,
    provider_name: NAMES[provider]!,
    message: "Hi",
    status,
    created_at: "2026-11-01T10:00:00.000Z",
  };
}

function job(
  viewer: JobDto["viewer"],
  status: JobDto["status"],
  applications: ApplicationDto[],
  booked: string | null = null,
): JobDto {
  return {
    job_id: randomUUID(),
    customer_id: randomUUID(),
    title: "Clean the windows",
    category: "Window cleaning",
    description: "Ten windows.",
    budget_minor: null,
    currency: "USD",
    scheduled_for: null,
    status,
    created_at: "2026-11-01T09:00:00.000Z",
    completed_at: status === "completed" ? "2026-11-03T09:00:00.000Z" : null,
    cancelled_at: status === "cancelled" ? "2026-11-03T09:00:00.000Z" : null,
    cancelled_by: status === "cancelled" ? "customer" : null,
    viewer,
    booking: booked
      ? { booking_id: randomUUID(), provider_business_id: booked, booked_at: "2026-11-02T09:00:00.000Z" }
      : null,
    applications,
    reviews: [],
  };
}

const open = (provider: string, name = NAMES[provider]!): ThreadOfJob => ({
  provider_business_id: provider,
  counterpart_name: name,
  can_write: true,
  closed_reason: null,
});
const closed = (provider: string, reason: string, name = NAMES[provider]!): ThreadOfJob => ({
  provider_business_id: provider,
  counterpart_name: name,
  can_write: false,
  closed_reason: reason,
});

describe("threadsOf", () => {
  it.each<[string, JobDto, ThreadOfJob[]]>([
    ["the customer of a job nobody applied to has no threads", job("customer", "open", []), []],
    [
      "the customer of an open job: one per applicant, a withdrawn one read-only",
      job("customer", "open", [application(A, "pending"), application(W, "withdrawn"), application(B, "pending")]),
      [open(A), closed(W, "This provider withdrew their application, so this conversation is closed."), open(B)],
    ],
    [
      "the customer of a booked job: the booked provider's first, declined applicants read-only",
      job(
        "customer",
        "booked",
        [application(B, "rejected"), application(A, "accepted"), application(W, "withdrawn")],
        A,
      ),
      [
        open(A),
        closed(B, "You booked another provider for this job, so this conversation is closed."),
        closed(W, "This provider withdrew their application, so this conversation is closed."),
      ],
    ],
    [
      "the customer of a completed job still talks to the booked provider",
      job("customer", "completed", [application(A, "accepted"), application(B, "rejected")], A),
      [open(A), closed(B, "You booked another provider for this job, so this conversation is closed.")],
    ],
    [
      "the customer of a cancelled job: every thread closed, kindly",
      job("customer", "cancelled", [application(A, "rejected"), application(B, "rejected")]),
      [closed(A, CANCELLED), closed(B, CANCELLED)],
    ],
    [
      "the customer of a cancelled booked job: the booked provider's thread closed too",
      job("customer", "cancelled", [application(B, "rejected"), application(A, "accepted")], A),
      [closed(A, CANCELLED), closed(B, CANCELLED)],
    ],
    ["a provider that has not applied has no thread", job("provider", "open", []), []],
    [
      "a pending applicant writes to the customer",
      job("provider", "open", [application(A, "pending")]),
      [open(A, "The customer")],
    ],
    [
      "a provider that withdrew reads its thread only",
      job("provider", "open", [application(W, "withdrawn")]),
      [closed(W, "You withdrew your application, so this conversation is closed.", "The customer")],
    ],
    [
      "the booked provider writes",
      job("provider", "booked", [application(A, "accepted")], A),
      [open(A, "The customer")],
    ],
    [
      "the booked provider writes after completion",
      job("provider", "completed", [application(A, "accepted")], A),
      [open(A, "The customer")],
    ],
    [
      "a declined provider reads its thread only",
      job("provider", "booked", [application(B, "rejected")], A),
      [closed(B, "The customer booked another provider for this job, so this conversation is closed.", "The customer")],
    ],
    [
      "a provider whose booking was cancelled reads its thread only",
      job("provider", "cancelled", [application(A, "accepted")], A),
      [closed(A, CANCELLED, "The customer")],
    ],
  ])("%s", (_, dto, expected) => {
    expect(threadsOf(dto)).toEqual(expected);
  });
});

describe("the write path and threadsOf", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t?.close());

  const JOB = {
    title: "Clean the windows",
    category: "Window cleaning" as const,
    description: "Ten windows, two floors.",
  };

  /**
   * Cara's jobs in every state, with providers in every part: a (applies, is booked where there is
   * a booking), b (applies, declined once another is booked), w (applies, then withdraws), c (never
   * applies).
   */
  async function world(db: Database) {
    const cara = await newCustomer(db);
    const [a, b, w, c] = [await newProvider(db), await newProvider(db), await newProvider(db), await newProvider(db)];

    async function jobIn(state: "open" | "booked" | "completed" | "cancelled open" | "cancelled booked") {
      const { job_id } = await postJob(db, cara.actor, JOB);
      const applied = await applyToJob(db, a.actor, job_id, { message: "Hi" });
      await applyToJob(db, b.actor, job_id, { message: "Hi" });
      const withdrawn = await applyToJob(db, w.actor, job_id, { message: "Hi" });
      await withdrawApplication(db, w.actor, job_id, withdrawn.application_id);
      if (state !== "open" && state !== "cancelled open")
        await acceptApplication(db, cara.actor, job_id, applied.application_id);
      if (state === "completed") await completeJob(db, a.actor, job_id);
      if (state.startsWith("cancelled")) await cancelJob(db, cara.actor, job_id);
      return job_id;
    }

    const jobs = {
      open: await jobIn("open"),
      booked: await jobIn("booked"),
      completed: await jobIn("completed"),
      "cancelled open": await jobIn("cancelled open"),
      "cancelled booked": await jobIn("cancelled booked"),
    };
    return { cara, providers: { a, b, w, c }, jobs };
  }

  const outcome = (attempt: Promise<unknown>) =>
    attempt.then(
      () => ({ accepted: true as const }),
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return { accepted: false as const, status: error.status, message: error.userMessage };
      },
    );

  it("accepts a message exactly where a thread offers a form, and refuses in the closed thread's words", () =>
    t.rollback(async (db) => {
      const { cara, providers, jobs } = await world(db);
      const letter = Object.fromEntries(Object.entries(providers).map(([name, p]) => [p.businessId, name]));
      // What each viewer has, per job: "a" a thread with a form, "-b" a closed one. (Sorted: the
      // applications share their transaction's created_at, so their order here is by random id.)
      const summary = (threads: ThreadOfJob[]) =>
        threads
          .map((th) => `${th.can_write ? "" : "-"}${letter[th.provider_business_id]}`)
          .sort((x, y) => x.at(-1)!.localeCompare(y.at(-1)!));
      const seen: Record<string, Record<string, string[]>> = {};

      for (const [state, jobId] of Object.entries(jobs)) {
        seen[state] = {};
        // The customer, writing to each provider in turn (a thread or not).
        const customerThreads = threadsOf(await getJob(db, cara.actor, jobId));
        seen[state].cara = summary(customerThreads);
        for (const p of Object.values(providers)) {
          const thread = customerThreads.find((th) => th.provider_business_id === p.businessId);
          const result = await outcome(
            sendJobMessage(db, cara.actor, jobId, { body: "Hello", provider_business_id: p.businessId }),
          );
          expect(result.accepted, `${state}: cara to ${letter[p.businessId]}`).toBe(thread?.can_write ?? false);
          if (thread && !result.accepted) expect(result.message).toBe(thread.closed_reason);
        }
        // Each provider, writing in its own thread.
        for (const [name, p] of Object.entries(providers)) {
          const view = await outcome(getJob(db, p.actor, jobId));
          const result = await outcome(sendJobMessage(db, p.actor, jobId, { body: "Hello" }));
          if (!view.accepted) {
            // A job the provider may not see has no thread to offer, and takes no message (404 both).
            expect([view.status, result]).toEqual([404, { accepted: false, status: 404, message: expect.any(String) }]);
            continue;
          }
          const threads = threadsOf(await getJob(db, p.actor, jobId));
          seen[state][name] = summary(threads);
          expect(threads.every((th) => th.provider_business_id === p.businessId)).toBe(true);
          expect(result.accepted, `${state}: ${name} writes`).toBe(threads[0]?.can_write ?? false);
          if (threads[0] && !result.accepted) expect(result.message).toBe(threads[0].closed_reason);
        }
      }

      expect(seen).toEqual({
        open: { cara: ["a", "b", "-w"], a: ["a"], b: ["b"], w: ["-w"], c: [] },
        booked: { cara: ["a", "-b", "-w"], a: ["a"], b: ["-b"], w: ["-w"] },
        completed: { cara: ["a", "-b", "-w"], a: ["a"], b: ["-b"], w: ["-w"] },
        "cancelled open": { cara: ["-a", "-b", "-w"], a: ["-a"], b: ["-b"], w: ["-w"] },
        "cancelled booked": { cara: ["-a", "-b", "-w"], a: ["-a"], b: ["-b"], w: ["-w"] },
      });
    }));

  it("lets any staff member of the booked provider write, as the business", () =>
    t.rollback(async (db) => {
      const { providers, jobs } = await world(db);
      const staff: UserActor = providers.a.staff;
      const [thread] = threadsOf(await getJob(db, staff, jobs.booked));
      expect(thread).toMatchObject({ provider_business_id: providers.a.businessId, can_write: true });
      await expect(sendJobMessage(db, staff, jobs.booked, { body: "On my way." })).resolves.toMatchObject({
        sender_role: "provider",
      });
    }));
});
