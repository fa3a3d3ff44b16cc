/**
 * Every refusal of the marketplace, as a table: who tries what on which job, and the status and
 * reason they get. A refused step writes nothing (no interaction, audit row, event or counter).
 */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { profileStats } from "@/db/schema";
import { anonymous, type Actor, type UserActor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { testDatabase, type TestDatabase } from "@/test/db";
import { createCustomer, refusalOf } from "@/test/factories";
import {
  bookedJob,
  expectRefusedUnchanged,
  newAdmin,
  newCustomer,
  newProvider,
  refusalTable,
  writtenInTransaction,
  type RefusalCase,
} from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "./applications/mutations";
import { postJob } from "./jobs/mutations";
import { cancelJob, completeJob } from "./jobs/mutations";
import { sendJobMessage } from "./messages/mutations";
import { getJob } from "./jobs/queries";
import { disputeReview, reviewCustomer, setReviewVisibility } from "./reviews/mutations";
import { setProviderVisibility } from "@/lib/customer-profile/visibility";

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
 * Cara's jobs in every state: open (A applied), booked with A (B declined), completed with A and
 * reviewed (disputed once), completed and not reviewed, cancelled. C is a provider with no part
 * in any of them, crm a business that is not on the marketplace, dual a provider who is also a
 * customer with an open job of their own.
 */
async function world(db: Database) {
  const cara = await newCustomer(db);
  const dave = await newCustomer(db);
  const [a, b, c] = [await newProvider(db), await newProvider(db), await newProvider(db)];
  const crm = await newProvider(db, { isMarketplaceProvider: false });
  const admin = await newAdmin(db);

  const open = await postJob(db, cara.actor, JOB);
  const openApp = await applyToJob(db, a.actor, open.job_id, { message: "Hi" });

  const booked = await postJob(db, cara.actor, JOB);
  const bookedApp = await applyToJob(db, a.actor, booked.job_id, { message: "Hi" });
  const declinedApp = await applyToJob(db, b.actor, booked.job_id, { message: "Hi" });
  await acceptApplication(db, cara.actor, booked.job_id, bookedApp.application_id);

  const reviewed = await postJob(db, cara.actor, JOB);
  const reviewedApp = await applyToJob(db, a.actor, reviewed.job_id, { message: "Hi" });
  await applyToJob(db, b.actor, reviewed.job_id, { message: "Hi" });
  await acceptApplication(db, cara.actor, reviewed.job_id, reviewedApp.application_id);
  await completeJob(db, a.actor, reviewed.job_id);
  const review = await reviewCustomer(db, a.actor, reviewed.job_id, { rating: 2, comment: "Late." });
  await disputeReview(db, cara.actor, reviewed.job_id, review.review_id, { reason: "Not true." });

  const completed = await bookedJob(db, cara, a, JOB);
  await completeJob(db, cara.actor, completed.jobId);

  const cancelled = await postJob(db, cara.actor, JOB);
  await cancelJob(db, cara.actor, cancelled.job_id);

  // A provider owner who is also a customer, acting for their business.
  const dualProvider = await newProvider(db);
  await createCustomer(db, dualProvider.userId);
  const dual = (await resolveActor(db, dualProvider.userId, { businessId: dualProvider.businessId })) as UserActor;
  const ownJob = await postJob(db, dual, JOB);

  return {
    cara: cara.actor,
    dave: dave.actor,
    a: a.actor,
    aStaff: a.staff,
    b: b.actor,
    c: c.actor,
    crm: crm.actor,
    admin,
    dual,
    bBusiness: b.businessId,
    cBusiness: c.businessId,
    aBusiness: a.businessId,
    open: open.job_id,
    booked: booked.job_id,
    reviewed: reviewed.job_id,
    completed: completed.jobId,
    cancelled: cancelled.job_id,
    ownJob: ownJob.job_id,
    openApp: openApp.application_id,
    bookedApp: bookedApp.application_id,
    declinedApp: declinedApp.application_id,
    review: review.review_id,
  };
}
type World = Awaited<ReturnType<typeof world>>;
const msg = { body: "Hello" };
const CASES: RefusalCase<World>[] = [
  // Posting and seeing
  ["a provider without a customer profile posts a job", (db, w) => postJob(db, w.a, JOB), 403, "not_a_customer"],
  ["anonymous posts a job", (db) => postJob(db, anonymous, JOB), 401],
  ["someone on neither side reads a job", (db, w) => getJob(db, w.crm, w.open), 403, "not_on_marketplace"],
  ["another customer reads Cara's open job", (db, w) => getJob(db, w.dave, w.open), 404],
  ["a provider with no part reads a booked job", (db, w) => getJob(db, w.c, w.booked), 404],
  ["a provider with no part reads a cancelled job", (db, w) => getJob(db, w.c, w.cancelled), 404],
  ["anyone reads a job that does not exist", (db, w) => getJob(db, w.cara, randomUUID()), 404],
  // Applying
  ["a customer applies", (db, w) => applyToJob(db, w.dave, w.open, msg as never), 403, "not_a_provider"],
  [
    "a business that is not on the marketplace applies",
    (db, w) => applyToJob(db, w.crm, w.open, { message: "Hi" }),
    403,
    "not_a_provider",
  ],
  [
    "a provider applies to its owner's own job",
    (db, w) => applyToJob(db, w.dual, w.ownJob, { message: "Hi" }),
    403,
    "own_job",
  ],
  [
    "a provider applies twice",
    (db, w) => applyToJob(db, w.aStaff, w.open, { message: "Again" }),
    409,
    "already_applied",
  ],
  [
    "a declined provider applies to the booked job",
    (db, w) => applyToJob(db, w.b, w.booked, { message: "Hi" }),
    409,
    "job_not_open",
  ],
  ["a provider with no part applies to a booked job", (db, w) => applyToJob(db, w.c, w.booked, { message: "Hi" }), 404],
  // Booking
  [
    "a provider accepts an application",
    (db, w) => acceptApplication(db, w.a, w.open, w.openApp),
    403,
    "not_a_customer",
  ],
  [
    "a provider who is also a customer accepts on another's job",
    (db, w) => acceptApplication(db, w.dual, w.open, w.openApp),
    403,
    "not_job_owner",
  ],
  [
    "a provider who is also a customer disputes on another's job",
    (db, w) => disputeReview(db, w.dual, w.reviewed, w.review, { reason: "x" }),
    404,
  ],
  ["another customer accepts", (db, w) => acceptApplication(db, w.dave, w.open, w.openApp), 404],
  [
    "the customer accepts another job's application",
    (db, w) => acceptApplication(db, w.cara, w.open, w.bookedApp),
    404,
  ],
  [
    "the customer accepts on a booked job",
    (db, w) => acceptApplication(db, w.cara, w.booked, w.declinedApp),
    409,
    "job_not_open",
  ],
  // Messages
  ["a provider that has not applied messages", (db, w) => sendJobMessage(db, w.c, w.open, msg), 403, "not_applied"],
  [
    "a declined provider messages about the booked job",
    (db, w) => sendJobMessage(db, w.b, w.booked, msg),
    403,
    "not_booked_provider",
  ],
  [
    "a provider writes in another's thread",
    (db, w) => sendJobMessage(db, w.a, w.open, { ...msg, provider_business_id: w.bBusiness }),
    400,
  ],
  ["the customer names no thread", (db, w) => sendJobMessage(db, w.cara, w.open, msg), 400],
  [
    "the customer writes to a provider that did not apply",
    (db, w) => sendJobMessage(db, w.cara, w.open, { ...msg, provider_business_id: w.cBusiness }),
    422,
    "not_an_applicant",
  ],
  [
    "the customer writes to a declined provider",
    (db, w) => sendJobMessage(db, w.cara, w.booked, { ...msg, provider_business_id: w.bBusiness }),
    409,
    "thread_closed",
  ],
  [
    "anyone writes about a cancelled job",
    (db, w) => sendJobMessage(db, w.cara, w.cancelled, { ...msg, provider_business_id: w.aBusiness }),
    409,
    "job_closed",
  ],
  // Completing and cancelling
  ["the customer completes an open job", (db, w) => completeJob(db, w.cara, w.open), 409, "not_booked"],
  [
    "a declined provider completes the booked job",
    (db, w) => completeJob(db, w.b, w.booked),
    403,
    "not_booked_provider",
  ],
  ["a provider with no part completes a booked job", (db, w) => completeJob(db, w.c, w.booked), 404],
  ["either side completes a completed job", (db, w) => completeJob(db, w.a, w.completed), 409, "already_completed"],
  ["the customer completes a cancelled job", (db, w) => completeJob(db, w.cara, w.cancelled), 409, "already_cancelled"],
  ["an applicant cancels an open job", (db, w) => cancelJob(db, w.a, w.open), 403, "not_booked_provider"],
  ["a declined provider cancels the booked job", (db, w) => cancelJob(db, w.b, w.booked), 403, "not_booked_provider"],
  ["the customer cancels a cancelled job", (db, w) => cancelJob(db, w.cara, w.cancelled), 409, "already_cancelled"],
  ["the customer cancels a completed job", (db, w) => cancelJob(db, w.cara, w.completed), 409, "already_completed"],
  // Reviews
  [
    "the booked provider reviews before completion",
    (db, w) => reviewCustomer(db, w.a, w.booked, { rating: 5, comment: "" }),
    409,
    "not_completed",
  ],
  [
    "a declined provider reviews",
    (db, w) => reviewCustomer(db, w.b, w.reviewed, { rating: 5, comment: "" }),
    403,
    "not_booked_provider",
  ],
  ["a provider with no part reviews", (db, w) => reviewCustomer(db, w.c, w.completed, { rating: 5, comment: "" }), 404],
  [
    "the customer reviews",
    (db, w) => reviewCustomer(db, w.cara, w.completed, { rating: 5, comment: "" }),
    403,
    "not_a_provider",
  ],
  [
    "the booked provider reviews twice",
    (db, w) => reviewCustomer(db, w.aStaff, w.reviewed, { rating: 1, comment: "" }),
    409,
    "already_reviewed",
  ],
  // Disputes and moderation
  [
    "a provider disputes",
    (db, w) => disputeReview(db, w.a, w.reviewed, w.review, { reason: "x" }),
    403,
    "not_a_customer",
  ],
  ["another customer disputes", (db, w) => disputeReview(db, w.dave, w.reviewed, w.review, { reason: "x" }), 404],
  [
    "the customer disputes twice",
    (db, w) => disputeReview(db, w.cara, w.reviewed, w.review, { reason: "x" }),
    409,
    "already_disputed",
  ],
  [
    "the customer disputes a review of another job",
    (db, w) => disputeReview(db, w.cara, w.completed, w.review, { reason: "x" }),
    404,
  ],
  ["a provider hides a review", (db, w) => setReviewVisibility(db, w.a, w.review, false), 403, "not_platform_admin"],
  [
    "the customer hides a review",
    (db, w) => setReviewVisibility(db, w.cara, w.review, false),
    403,
    "not_platform_admin",
  ],
  [
    "an admin hides a review that does not exist",
    (db, w) => setReviewVisibility(db, w.admin, randomUUID(), false),
    404,
  ],
  [
    "a provider sets a customer visibility",
    (db, w) => setProviderVisibility(db, w.a, "private"),
    403,
    "not_a_customer",
  ],
  ["anonymous sets a visibility", (db) => setProviderVisibility(db, anonymous, "private"), 401],
];

/** Everything a step could have written in this test's transaction: its rows, and the world's customers' counters. */
async function footprint(db: Database, w: World) {
  const customerIds = [w.cara, w.dave].map((a) => (a as UserActor).customerId!);
  const stats = await db
    .select()
    .from(profileStats)
    .where(inArray(profileStats.customerId, customerIds))
    .orderBy(profileStats.customerId);
  return { ...(await writtenInTransaction(db)), stats };
}

describe("marketplace refusals", () => {
  // A refused read may not record a job_view either: the footprint counts interactions.
  it.each(refusalTable(CASES))("%s", (_, attempt, status, reason) =>
    t.rollback(async (db) => {
      const w = await world(db);
      await expectRefusedUnchanged(
        () => footprint(db, w),
        () => attempt(db, w),
        status,
        reason,
      );
    }),
  );

  it("refuses every step to an anonymous caller with 401", () =>
    t.rollback(async (db) => {
      const w = await world(db);
      const actor: Actor = anonymous;
      for (const attempt of [
        getJob(db, actor, w.open),
        applyToJob(db, actor, w.open, { message: "x" }),
        acceptApplication(db, actor, w.open, w.openApp),
        sendJobMessage(db, actor, w.open, msg),
        completeJob(db, actor, w.booked),
        cancelJob(db, actor, w.open),
        reviewCustomer(db, actor, w.completed, { rating: 5, comment: "" }),
        disputeReview(db, actor, w.reviewed, w.review, { reason: "x" }),
        setReviewVisibility(db, actor, w.review, false),
      ]) {
        expect((await refusalOf(attempt)).status).toBe(401);
      }
    }));

  it("lets the booked provider's staff do what the business may (the business acts, not the person)", () =>
    t.rollback(async (db) => {
      const w = await world(db);
      await expect(completeJob(db, w.aStaff, w.booked)).resolves.toMatchObject({ status: "completed" });
      await expect(reviewCustomer(db, w.aStaff, w.completed, { rating: 3, comment: "" })).resolves.toMatchObject({
        rating: 3,
      });
      const [row] = await db.select().from(profileStats).where(eq(profileStats.customerId, w.cara.customerId!));
      expect(row).toMatchObject({ jobsCompleted: 3, reviewsReceived: 2, rating2Count: 1, rating3Count: 1 });
    }));
});
