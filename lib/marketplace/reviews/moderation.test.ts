/**
 * GET /api/admin/reviews and PATCH /api/admin/reviews/{reviewId} through the real route wrappers
 * and database: the disputed queue and the hidden list in order, pages walked across equal
 * timestamps without a gap or a repeat, 401 and 403 for everyone but platform administrators, 400
 * for a bad status, limit or cursor; and an administrator's decision on a dispute (hide it, or keep
 * it visible) taking it out of the queue, recorded with who decided and when, a hidden review
 * moving into the hidden list and out of the customer's public figures, a kept one staying in them.
 * Only the session is stubbed; each test rolls back.
 *
 * pg and neon share one database, where other test files commit rows of their own, so the reviews
 * whose order is tested are given times in 2099: they are the first rows of each list, whatever
 * else is there. A decision is stamped with the transaction's now(), which is before 2099, so the
 * tests of decisions keep real times and look for their review on every page of a list.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { GET as list } from "@/app/api/admin/reviews/route";
import { PATCH as moderate } from "@/app/api/admin/reviews/[reviewId]/route";
import type { Database } from "@/db/client";
import { auditLog, customerReviews, customers, eventOutbox } from "@/db/schema";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { SECRET } from "@/test/fixtures/provider-profile";
import { refusalOf, uniqueIp } from "@/test/factories";
import { reviewVisibilityDto } from "./dto";
import {
  bookedJob,
  newAdmin,
  newCustomer,
  newProvider,
  secretiveCustomer,
  type CustomerPerson,
  type ProviderPerson,
} from "@/test/fixtures/marketplace";
import { completeJob } from "@/lib/marketplace/jobs/mutations";
import { getJob } from "@/lib/marketplace/jobs/queries";
import { moderationPageDto, type ModerationPageDto } from "./dto";
import { type ModerationStatus } from "./inputs";
import { type JobCategory } from "@/lib/marketplace/jobs/categories";
import { disputeReview, reviewCustomer } from "./mutations";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const get = (query: string) => callRoute(list, "GET", `/api/admin/reviews${query}`, {});
const page = async (query: string): Promise<ModerationPageDto> => parsedBody(await get(query), moderationPageDto);
/** The pages of one list, `limit` at a time. */
const pagesOf = (status: ModerationStatus, limit: number) =>
  walkPages((cursor) => page(`?status=${status}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`));

const patch = (reviewId: string, isVisible: boolean) =>
  callRoute(moderate, "PATCH", `/api/admin/reviews/${reviewId}`, { reviewId }, { is_visible: isVisible });
const setVisible = async (reviewId: string, isVisible: boolean) =>
  parsedBody(await patch(reviewId, isVisible), reviewVisibilityDto);

/** The review as a list shows it, looked for on every page of that list; undefined when it is not there. */
async function findIn(status: ModerationStatus, reviewId: string) {
  for await (const body of pagesOf(status, 50)) {
    const found = body.reviews.find((r) => r.review_id === reviewId);
    if (found) return found;
  }
  return undefined;
}

/** Who last decided on the review, and whether they did so in this (the test's) transaction. */
async function decisionOn(db: Database, reviewId: string) {
  const [row] = await db
    .select({ by: customerReviews.moderatedBy, now: sql<boolean | null>`${customerReviews.moderatedAt} = now()` })
    .from(customerReviews)
    .where(eq(customerReviews.id, reviewId));
  return row;
}

type Made = { reviewId: string; jobId: string };

/** A completed job of the customer's, booked to the provider, who reviews the customer; the customer may dispute it. */
async function reviewedJob(
  db: Database,
  customer: CustomerPerson,
  provider: ProviderPerson,
  review: { title?: string; category?: JobCategory; rating?: number; comment: string; dispute?: string },
): Promise<Made> {
  const { jobId } = await bookedJob(db, customer, provider, {
    title: review.title ?? "Paint the hallway",
    category: review.category ?? "Painting",
    description: "Two coats.",
  });
  await completeJob(db, provider.actor, jobId);
  const created = await reviewCustomer(db, provider.actor, jobId, {
    rating: review.rating ?? 2,
    comment: review.comment,
  });
  if (review.dispute) await disputeReview(db, customer.actor, jobId, created.review_id, { reason: review.dispute });
  return { reviewId: created.review_id, jobId };
}

/** Times to the microsecond, in 2099 (see the header). */
const at2099 = (micros: string) => sql`${micros}::timestamptz`;
const setDisputedAt = (db: Database, reviewId: string, when: string) =>
  db
    .update(customerReviews)
    .set({ disputedAt: at2099(when) })
    .where(eq(customerReviews.id, reviewId));
const setCreatedAt = (db: Database, reviewId: string, when: string) =>
  db
    .update(customerReviews)
    .set({ createdAt: at2099(when) })
    .where(eq(customerReviews.id, reviewId));

/** Every page of a list, `limit` at a time, until `enough` reviews are collected or the list ends. */
async function walk(status: ModerationStatus, limit: number, enough: number) {
  const seen: string[] = [];
  for await (const body of pagesOf(status, limit)) {
    expect(body.reviews.length).toBeLessThanOrEqual(limit);
    seen.push(...body.reviews.map((r) => r.review_id));
    if (seen.length >= enough) break;
  }
  return seen;
}

const byIdDesc = (ids: string[]) => [...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));

describe("review moderation: GET /api/admin/reviews and PATCH /api/admin/reviews/{reviewId}", () => {
  it("shows an administrator the disputed reviews, most recently disputed first, with their job, provider and customer", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const admin = await newAdmin(db);
      const older = await reviewedJob(db, cara, provider, {
        comment: "Late twice.",
        dispute: "I was on time both days.",
      });
      const newest = await reviewedJob(db, cara, provider, {
        title: "Mount a TV",
        category: "Handyman",
        rating: 1,
        comment: "Rude on arrival.",
        dispute: "This was a different customer.",
      });
      const middle = await reviewedJob(db, cara, provider, { comment: "Messy.", dispute: "They left the mess." });
      const undisputed = await reviewedJob(db, cara, provider, { comment: "Fine.", rating: 4 });
      await setDisputedAt(db, older.reviewId, "2099-01-01T10:00:00.000001Z");
      await setDisputedAt(db, newest.reviewId, "2099-01-03T10:00:00.000001Z");
      await setDisputedAt(db, middle.reviewId, "2099-01-02T10:00:00.000001Z");

      as(admin);
      const body = await page("?status=disputed");
      expect(body.pagination.limit).toBe(20);
      expect(body.reviews.slice(0, 3).map((r) => r.review_id)).toEqual([
        newest.reviewId,
        middle.reviewId,
        older.reviewId,
      ]);
      expect(body.reviews.map((r) => r.review_id)).not.toContain(undisputed.reviewId);
      expect(body.reviews[0]).toEqual({
        review_id: newest.reviewId,
        job_id: newest.jobId,
        job_title: "Mount a TV",
        job_category: "Handyman",
        rating: 1,
        comment: "Rude on arrival.",
        is_visible: true,
        disputed_at: "2099-01-03T10:00:00.000Z",
        dispute_reason: "This was a different customer.",
        moderated_at: null,
        created_at: expect.any(String),
        provider_business_id: provider.businessId,
        provider_name: expect.stringMatching(/^Business /),
        customer_id: cara.customerId,
        customer_display_name: "Cara S.",
      });
      // The queue is the default list.
      expect((await page("")).reviews.slice(0, 3)).toEqual(body.reviews.slice(0, 3));
    }));

  it("lists hidden reviews, newest first, and nothing that is visible", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const admin = await newAdmin(db);
      const old = await reviewedJob(db, cara, provider, { comment: "Old and hidden." });
      const recent = await reviewedJob(db, cara, provider, { comment: "Recent and hidden.", dispute: "Untrue." });
      const shown = await reviewedJob(db, cara, provider, { comment: "Still shown." });
      await setCreatedAt(db, old.reviewId, "2099-02-01T00:00:00.000001Z");
      await setCreatedAt(db, recent.reviewId, "2099-02-02T00:00:00.000001Z");
      await setCreatedAt(db, shown.reviewId, "2099-02-03T00:00:00.000001Z");

      as(admin);
      await setVisible(old.reviewId, false);
      await setVisible(recent.reviewId, false);
      const body = await page("?status=hidden");
      expect(body.reviews.slice(0, 2).map((r) => [r.review_id, r.comment, r.is_visible])).toEqual([
        [recent.reviewId, "Recent and hidden.", false],
        [old.reviewId, "Old and hidden.", false],
      ]);
      expect(body.reviews[0]).toMatchObject({ dispute_reason: "Untrue.", created_at: "2099-02-02T00:00:00.000Z" });
      expect(body.reviews[1]).toMatchObject({ disputed_at: null, dispute_reason: null });
      expect(body.reviews.every((r) => !r.is_visible)).toBe(true);
      expect(body.reviews.map((r) => r.review_id)).not.toContain(shown.reviewId);
    }));

  it.each(["disputed", "hidden"] as const)(
    "walks the %s list a page at a time across equal timestamps, with no review skipped or repeated",
    (status) =>
      t.inTransaction(async (db) => {
        const cara = await newCustomer(db);
        const provider = await newProvider(db);
        const admin = await newAdmin(db);
        const made: string[] = [];
        for (let i = 0; i < 5; i++) {
          const { reviewId } = await reviewedJob(db, cara, provider, {
            comment: `Review ${i}`,
            dispute: `Reason ${i}`,
          });
          made.push(reviewId);
        }
        // The same microsecond for all five: only the id orders them, and a cursor that lost the
        // microseconds would skip every one of them after the first page.
        const same = "2099-03-01T12:00:00.654321Z";
        for (const id of made) await (status === "disputed" ? setDisputedAt : setCreatedAt)(db, id, same);
        as(admin);
        if (status === "hidden") for (const id of made) await setVisible(id, false);

        const seen = await walk(status, 2, made.length);
        expect(seen.slice(0, made.length)).toEqual(byIdDesc(made));
        expect(new Set(seen).size).toBe(seen.length);
      }),
  );

  it("hiding a disputed review takes it out of the queue, into the hidden list and out of the customer's public figures", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const [admin, other] = [await newAdmin(db), await newAdmin(db)];
      await reviewedJob(db, cara, provider, { rating: 5, comment: "Lovely to work with." });
      const disputed = await reviewedJob(db, cara, provider, {
        rating: 1,
        comment: "Never again, unbearable.",
        dispute: "They never came.",
      });
      const profile = () => getProviderProfile(db, provider.actor, cara.customerId, uniqueIp());
      expect((await profile()).stats).toMatchObject({ review_count: 2, avg_rating: 3 });

      as(admin);
      expect(await findIn("disputed", disputed.reviewId)).toMatchObject({ is_visible: true, moderated_at: null });
      expect(await findIn("hidden", disputed.reviewId)).toBeUndefined();

      expect(await setVisible(disputed.reviewId, false)).toEqual({
        review_id: disputed.reviewId,
        is_visible: false,
        changed: true,
      });
      expect(await findIn("disputed", disputed.reviewId)).toBeUndefined();
      expect(await findIn("hidden", disputed.reviewId)).toMatchObject({
        is_visible: false,
        comment: "Never again, unbearable.",
        dispute_reason: "They never came.",
        moderated_at: expect.any(String),
      });
      expect(await decisionOn(db, disputed.reviewId)).toEqual({ by: admin.userId, now: true });
      const hidden = await profile();
      expect(hidden.stats).toMatchObject({ review_count: 1, avg_rating: 5 });
      expect(hidden.recent_reviews.map((r) => r.comment)).not.toContain("Never again, unbearable.");

      // Shown again by another administrator: out of the hidden list, counted again, and the
      // dispute stays decided.
      as(other);
      expect(await setVisible(disputed.reviewId, true)).toMatchObject({ is_visible: true, changed: true });
      expect(await findIn("hidden", disputed.reviewId)).toBeUndefined();
      expect(await findIn("disputed", disputed.reviewId)).toBeUndefined();
      expect(await decisionOn(db, disputed.reviewId)).toEqual({ by: other.userId, now: true });
      expect((await profile()).stats.review_count).toBe(2);
    }));

  it("keeping a disputed review takes it out of the queue and leaves it visible and counted, recording who decided", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const admin = await newAdmin(db);
      await reviewedJob(db, cara, provider, { rating: 5, comment: "Lovely to work with." });
      const disputed = await reviewedJob(db, cara, provider, {
        rating: 1,
        comment: "Shouted at the crew.",
        dispute: "That was my neighbour.",
      });
      const profile = () => getProviderProfile(db, provider.actor, cara.customerId, uniqueIp());
      expect((await profile()).stats).toMatchObject({ review_count: 2, avg_rating: 3 });

      as(admin);
      expect(await findIn("disputed", disputed.reviewId)).toMatchObject({ is_visible: true });
      expect(await setVisible(disputed.reviewId, true)).toEqual({
        review_id: disputed.reviewId,
        is_visible: true,
        changed: false,
      });
      expect(await findIn("disputed", disputed.reviewId)).toBeUndefined();
      expect(await findIn("hidden", disputed.reviewId)).toBeUndefined();
      expect(await decisionOn(db, disputed.reviewId)).toEqual({ by: admin.userId, now: true });
      const kept = await profile();
      expect(kept.stats).toMatchObject({ review_count: 2, avg_rating: 3 });
      expect(kept.recent_reviews.map((r) => r.comment)).toContain("Shouted at the crew.");
      // The customer's job page learns the dispute was decided (and the review kept).
      const [review] = (await getJob(db, cara.actor, disputed.jobId)).reviews;
      expect(review).toMatchObject({
        is_visible: true,
        disputed_at: expect.any(String),
        moderated_at: expect.any(String),
      });
      expect(review!.moderated_at! >= review!.disputed_at!).toBe(true);

      // The trail says who kept it; no visibility changed, so no event says one did.
      const trail = await db
        .select({ action: auditLog.action, field: auditLog.field, by: auditLog.actorUserId })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, "customer_review"),
            eq(auditLog.entityId, disputed.reviewId),
            eq(auditLog.actorUserId, admin.userId),
          ),
        );
      expect(trail).toEqual([{ action: "keep", field: null, by: admin.userId }]);
      const events = await db
        .select({ type: eventOutbox.type })
        .from(eventOutbox)
        .where(eq(eventOutbox.aggregateId, disputed.reviewId));
      expect(events.map((e) => e.type)).not.toContain("v1.review.visibility_changed");

      // A customer disputes a review once, so a decided dispute does not come back.
      const again = await refusalOf(
        disputeReview(db, cara.actor, disputed.jobId, disputed.reviewId, { reason: "Please look again." }),
      );
      expect({ status: again.status, reason: again.details.reason }).toEqual({
        status: 409,
        reason: "already_disputed",
      });
      expect(await findIn("disputed", disputed.reviewId)).toBeUndefined();
    }));

  it("queues a review an administrator decided on before it was disputed, until they decide again", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const admin = await newAdmin(db);
      const review = await reviewedJob(db, cara, provider, { rating: 2, comment: "Paid late." });
      as(admin);
      await setVisible(review.reviewId, false);
      // The decision was yesterday; the customer disputes today.
      await db
        .update(customerReviews)
        .set({ moderatedAt: sql`now() - interval '1 day'` })
        .where(eq(customerReviews.id, review.reviewId));
      await disputeReview(db, cara.actor, review.jobId, review.reviewId, { reason: "I paid on the day." });

      const queued = await findIn("disputed", review.reviewId);
      expect(queued).toMatchObject({
        is_visible: false,
        moderated_at: expect.any(String),
        disputed_at: expect.any(String),
      });
      expect(Date.parse(queued!.moderated_at!)).toBeLessThan(Date.parse(queued!.disputed_at!));

      // Keeping it hidden decides the dispute.
      expect(await setVisible(review.reviewId, false)).toMatchObject({ is_visible: false, changed: false });
      expect(await findIn("disputed", review.reviewId)).toBeUndefined();
      expect(await findIn("hidden", review.reviewId)).toMatchObject({ is_visible: false });
    }));

  it("lets only administrators hide or keep a review: 401 anonymous, 403 customers and providers, and nothing is recorded", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const admin = await newAdmin(db);
      const disputed = await reviewedJob(db, cara, provider, { rating: 1, comment: "Rude.", dispute: "Not me." });

      as({ kind: "anonymous" });
      expect((await patch(disputed.reviewId, false)).status).toBe(401);
      for (const actor of [cara.actor, provider.actor, provider.staff]) {
        as(actor);
        for (const isVisible of [false, true]) {
          const refused = await patch(disputed.reviewId, isVisible);
          expect(refused.status).toBe(403);
          expect((await refused.json()).error).toMatchObject({ code: "forbidden", reason: "not_platform_admin" });
        }
      }

      expect(await decisionOn(db, disputed.reviewId)).toEqual({ by: null, now: null });
      as(admin);
      expect(await findIn("disputed", disputed.reviewId)).toMatchObject({ is_visible: true, moderated_at: null });
      expect((await getProviderProfile(db, provider.actor, cara.customerId, uniqueIp())).stats.review_count).toBe(1);
    }));

  it("names the customer by their public name only, never their contact details or last name", () =>
    t.inTransaction(async (db) => {
      const zelda = await secretiveCustomer(db);
      const provider = await newProvider(db);
      const admin = await newAdmin(db);
      const { reviewId } = await reviewedJob(db, zelda, provider, { comment: "Pleasant.", dispute: "Please remove." });
      await setDisputedAt(db, reviewId, "2099-05-01T00:00:00.000001Z");

      as(admin);
      const response = await get("?status=disputed");
      const text = await response.clone().text();
      const mine = moderationPageDto.parse(await response.json()).reviews.find((r) => r.review_id === reviewId);
      expect(mine?.customer_display_name).toBe("Zelda Q.");
      for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);

      await db.update(customers).set({ displayName: "Zee" }).where(eq(customers.id, zelda.customerId));
      const renamed = (await page("?status=disputed")).reviews.find((r) => r.review_id === reviewId);
      expect(renamed?.customer_display_name).toBe("Zee");
    }));

  it("answers 401 to anonymous callers and 403 to customers and providers", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      as({ kind: "anonymous" });
      expect((await get("?status=disputed")).status).toBe(401);
      for (const actor of [cara.actor, provider.actor, provider.staff]) {
        as(actor);
        const refused = await get("?status=hidden");
        expect(refused.status).toBe(403);
        expect((await refused.json()).error).toMatchObject({ code: "forbidden", reason: "not_platform_admin" });
      }
    }));

  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const ID = "00000000-0000-4000-8000-000000000000";

  it.each([
    ["an unknown status", "?status=flagged", "status"],
    ["a limit of 0", "?limit=0", "limit"],
    ["a limit of 51", "?limit=51", "limit"],
    ["a limit that is not a number", "?limit=ten", "limit"],
    ["a cursor that is not base64 JSON", "?cursor=not-a-cursor", "cursor"],
    [
      "a cursor with a millisecond time",
      `?cursor=${cursorOf({ o: "disputed", t: "2099-01-01T00:00:00.000Z", i: ID })}`,
      "cursor",
    ],
    [
      "a cursor with extra fields",
      `?cursor=${cursorOf({ o: "disputed", t: "2099-01-01T00:00:00.000000Z", i: ID, x: 1 })}`,
      "cursor",
    ],
    [
      "a hidden-list cursor sent for the queue",
      `?status=disputed&cursor=${cursorOf({ o: "hidden", t: "2099-01-01T00:00:00.000000Z", i: ID })}`,
      "cursor",
    ],
  ])("answers 400 with field errors for %s", (_, query, field) =>
    t.inTransaction(async (db) => {
      as(await newAdmin(db));
      const response = await get(query);
      expect(response.status).toBe(400);
      expect((await response.json()).error.field_errors).toHaveProperty(field);
    }),
  );
});
