/**
 * GET /api/jobs/{jobId}/messages through the real route wrapper and database: both sides read one
 * thread, oldest to newest within a page, with public names only; a provider reads only its own
 * thread; keyset pages walk a thread with equal timestamps without a gap or a repeat; bad input is
 * a 400 with field errors; reading writes nothing. Only the session is stubbed.
 */
import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as messages from "@/app/api/jobs/[jobId]/messages/route";
import type { Database } from "@/db/client";
import { businesses, customers, jobMessages, profileStats, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { messageDto } from "./dto";
import { newCustomer, newProvider, writtenInTransaction, type ProviderPerson } from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { jobMessagePageDto, type JobMessagePageDto } from "./dto";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const JOB = {
  title: "Clean the windows",
  category: "Window cleaning" as const,
  description: "Ten windows, two floors.",
};
const EMAIL = "cara.smith@example.test";
const PHONE = "+1 555 0100";

function read(jobId: string, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query);
  return callRoute(messages.GET, "GET", `/api/jobs/${jobId}/messages${search.size ? `?${search}` : ""}`, { jobId });
}

const page = async (jobId: string, query: Record<string, string> = {}): Promise<JobMessagePageDto> =>
  parsedBody(await read(jobId, query), jobMessagePageDto);

async function refusal(jobId: string, query: Record<string, string> = {}) {
  const response = await read(jobId, query);
  return { status: response.status, ...(await response.json()).error };
}

/**
 * Cara Smith (no chosen display name, so "Cara S."; an email and a phone no message reader may
 * see) posts a job; Ace Cleaning and Bright Windows apply; Clear View never does. Each message is
 * sent through POST and then moved a second later than the one before, as a real conversation is.
 */
async function world(db: Database) {
  const cara = await newCustomer(db);
  await db.update(customers).set({ phone: PHONE }).where(eq(customers.id, cara.customerId));
  await db.update(users).set({ email: EMAIL }).where(eq(users.id, cara.userId));
  const dave = await newCustomer(db);
  const named = async (name: string) => {
    const provider = await newProvider(db);
    await db.update(businesses).set({ name }).where(eq(businesses.id, provider.businessId));
    return provider;
  };
  const [ace, bright, clear] = [await named("Ace Cleaning"), await named("Bright Windows"), await named("Clear View")];
  const { job_id: jobId } = await postJob(db, cara.actor, JOB);
  const aceApplication = await applyToJob(db, ace.actor, jobId, { message: "Hi" });
  await applyToJob(db, bright.actor, jobId, { message: "Hi" });

  let second = 0;
  async function say(actor: Actor, body: string, provider?: ProviderPerson) {
    as(actor);
    const response = await callRoute(
      messages.POST,
      "POST",
      `/api/jobs/${jobId}/messages`,
      { jobId },
      {
        body,
        ...(provider && { provider_business_id: provider.businessId }),
      },
    );
    expect(response.status).toBe(201);
    const { message_id } = messageDto.parse(await response.json());
    await db
      .update(jobMessages)
      .set({ createdAt: sql`${jobMessages.createdAt} + make_interval(secs => ${++second})` })
      .where(eq(jobMessages.id, message_id));
  }
  return { cara, dave, ace, bright, clear, jobId, aceApplication, say };
}

type World = Awaited<ReturnType<typeof world>>;

/** What a read could have written in this transaction: rows stamped with its now(), the job's messages, and the counters. */
async function footprint(db: Database, w: World) {
  const messages = await db
    .select({ n: count() })
    .from(jobMessages)
    .where(eq(jobMessages.jobId, w.jobId))
    .then((rows) => rows[0]!.n);
  const stats = await db.select().from(profileStats).where(eq(profileStats.customerId, w.cara.customerId));
  return { ...(await writtenInTransaction(db)), messages, stats };
}

describe("GET /api/jobs/{jobId}/messages", () => {
  it("shows the customer and the provider the same thread, oldest to newest, with public names only", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      await w.say(w.ace.actor, "Which floor are the windows on?");
      await w.say(w.bright.actor, "I can come on Monday.");
      await w.say(w.cara.actor, "The second floor. Is Tuesday fine?", w.ace);
      await w.say(w.ace.staff, "Tuesday works.");
      const before = await footprint(db, w);

      as(w.cara.actor);
      const customerView = await page(w.jobId, { provider_business_id: w.ace.businessId });
      expect(customerView).toMatchObject({
        job_id: w.jobId,
        provider_business_id: w.ace.businessId,
        viewer_role: "customer",
      });
      expect(customerView.messages.map((m) => [m.sender_role, m.sender_name, m.body])).toEqual([
        ["provider", "Ace Cleaning", "Which floor are the windows on?"],
        ["customer", "Cara S.", "The second floor. Is Tuesday fine?"],
        ["provider", "Ace Cleaning", "Tuesday works."],
      ]);
      expect(customerView.pagination).toEqual({ has_more: false, next_cursor: null, limit: 30 });
      const other = await page(w.jobId, { provider_business_id: w.bright.businessId });
      expect(other.messages.map((m) => [m.sender_name, m.body])).toEqual([["Bright Windows", "I can come on Monday."]]);

      // The provider needs not name its thread; its staff read the same one.
      as(w.ace.actor);
      const providerView = await page(w.jobId);
      expect(providerView.viewer_role).toBe("provider");
      expect(providerView.messages).toEqual(customerView.messages);
      as(w.ace.staff);
      expect((await page(w.jobId, { provider_business_id: w.ace.businessId })).messages).toEqual(customerView.messages);

      // A chosen display name replaces "First L."; the full last name, email and phone appear nowhere.
      for (const actor of [w.cara.actor, w.ace.actor, w.bright.actor]) {
        as(actor);
        const query = actor === w.cara.actor ? { provider_business_id: w.ace.businessId } : undefined;
        const body = await (await read(w.jobId, query)).text();
        for (const secret of ["Smith", EMAIL, PHONE]) expect(body).not.toContain(secret);
      }
      await db.update(customers).set({ displayName: "CJ" }).where(eq(customers.id, w.cara.customerId));
      as(w.ace.actor);
      expect((await page(w.jobId)).messages[1]!.sender_name).toBe("CJ");

      expect(await footprint(db, w)).toEqual(before);
    }));

  it("keeps a closed thread readable for both sides", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      await w.say(w.bright.actor, "I can come on Monday.");
      await w.say(w.cara.actor, "Thanks, I will let you know.", w.bright);
      await acceptApplication(db, w.cara.actor, w.jobId, w.aceApplication.application_id);

      as(w.bright.actor);
      expect((await page(w.jobId)).messages.map((m) => m.body)).toEqual([
        "I can come on Monday.",
        "Thanks, I will let you know.",
      ]);
      as(w.cara.actor);
      expect((await page(w.jobId, { provider_business_id: w.bright.businessId })).messages).toHaveLength(2);
    }));

  it("refuses a provider another's thread, a provider without one, and anyone the job is not for", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      await w.say(w.ace.actor, "Which floor are the windows on?");

      as(w.bright.actor);
      expect(await refusal(w.jobId, { provider_business_id: w.ace.businessId })).toMatchObject({
        status: 403,
        reason: "not_your_thread",
      });
      as(w.clear.actor);
      expect(await refusal(w.jobId)).toMatchObject({ status: 403, reason: "not_applied" });
      expect(await refusal(w.jobId, { provider_business_id: w.ace.businessId })).toMatchObject({
        status: 403,
        reason: "not_your_thread",
      });
      as(w.dave.actor);
      expect(await refusal(w.jobId, { provider_business_id: w.ace.businessId })).toMatchObject({ status: 404 });
      as(w.cara.actor);
      const unknown = randomUUID();
      expect(await refusal(unknown, { provider_business_id: w.ace.businessId })).toMatchObject({ status: 404 });

      // Once the job is booked with Ace, it is no business of a provider that never applied.
      await acceptApplication(db, w.cara.actor, w.jobId, w.aceApplication.application_id);
      as(w.clear.actor);
      expect(await refusal(w.jobId)).toMatchObject({ status: 404 });
      as({ kind: "anonymous" });
      expect((await read(w.jobId)).status).toBe(401);
    }));

  it("walks a thread a page at a time, newest first, with no gap or repeat among equal timestamps", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      const thread = { jobId: w.jobId, providerBusinessId: w.ace.businessId };
      // Seven written in one transaction (one created_at), two a microsecond apart in the same
      // millisecond, and three older ones.
      const at = (micros: string) => sql`${micros}::timestamptz`;
      await db.insert(jobMessages).values([
        ...Array.from({ length: 7 }, (_, i) => ({
          ...thread,
          senderRole: "provider" as const,
          body: `same time ${i}`,
        })),
        { ...thread, senderRole: "customer", body: "micro 1", createdAt: at("2026-06-01T10:00:00.000001Z") },
        { ...thread, senderRole: "customer", body: "micro 2", createdAt: at("2026-06-01T10:00:00.000002Z") },
        ...[1, 2, 3].map((day) => ({
          ...thread,
          senderRole: "customer" as const,
          body: `day ${day}`,
          createdAt: at(`2026-05-0${day}T09:00:00Z`),
        })),
      ]);
      // Another thread of the job, which no page of this one may show.
      await db.insert(jobMessages).values({
        jobId: w.jobId,
        providerBusinessId: w.bright.businessId,
        senderRole: "provider",
        body: "other thread",
      });
      const expected = (
        await db.execute<{ body: string }>(
          sql`select body from job_messages where job_id = ${w.jobId} and provider_business_id = ${w.ace.businessId} order by created_at, id`,
        )
      ).rows.map((r) => r.body);
      expect(expected).toHaveLength(12);
      expect(expected.slice(0, 5)).toEqual(["day 1", "day 2", "day 3", "micro 1", "micro 2"]);

      as(w.cara.actor);
      const pages: string[][] = [];
      const query = (before: string | null) => ({
        provider_business_id: w.ace.businessId,
        limit: "5",
        ...(before && { before }),
      });
      for await (const current of walkPages((before) => page(w.jobId, query(before)))) {
        pages.push(current.messages.map((m) => m.body));
        expect(current.pagination.limit).toBe(5);
      }

      expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
      // Newest page first; each page oldest to newest; together, the thread exactly once.
      expect(pages.toReversed().flat()).toEqual(expected);
      expect(pages[0]).toEqual(expected.slice(-5));

      // The default page size, and the largest one.
      expect((await page(w.jobId, { provider_business_id: w.ace.businessId })).messages).toHaveLength(12);
      expect((await page(w.jobId, { provider_business_id: w.ace.businessId, limit: "100" })).pagination.has_more).toBe(
        false,
      );
    }));

  it("answers 400 with field errors for bad input", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      await w.say(w.ace.actor, "One");
      await w.say(w.ace.actor, "Two");
      as(w.cara.actor);
      const aceCursor = (await page(w.jobId, { provider_business_id: w.ace.businessId, limit: "1" })).pagination
        .next_cursor!;
      expect(aceCursor).toEqual(expect.any(String));
      const forged = Buffer.from(JSON.stringify({ p: w.ace.businessId, t: "yesterday", i: randomUUID() })).toString(
        "base64url",
      );

      const cases: [Record<string, string>, string][] = [
        [{}, "provider_business_id"],
        [{ provider_business_id: "ace" }, "provider_business_id"],
        [{ provider_business_id: w.ace.businessId, limit: "0" }, "limit"],
        [{ provider_business_id: w.ace.businessId, limit: "101" }, "limit"],
        [{ provider_business_id: w.ace.businessId, limit: "ten" }, "limit"],
        [{ provider_business_id: w.ace.businessId, limit: "2.5" }, "limit"],
        [{ provider_business_id: w.ace.businessId, before: "not a cursor" }, "before"],
        [{ provider_business_id: w.ace.businessId, before: forged }, "before"],
        [{ provider_business_id: w.ace.businessId, before: "x".repeat(401) }, "before"],
        // A cursor of Ace's thread is no position in Bright's.
        [{ provider_business_id: w.bright.businessId, before: aceCursor }, "before"],
      ];
      for (const [query, field] of cases) {
        const response = await read(w.jobId, query);
        const body = await response.json();
        expect(response.status, JSON.stringify(query)).toBe(400);
        expect(body.error.field_errors, JSON.stringify(query)).toHaveProperty(field);
      }
      const malformedJob = await callRoute(messages.GET, "GET", "/api/jobs/42/messages", { jobId: "42" });
      expect(malformedJob.status).toBe(400);
    }));
});
