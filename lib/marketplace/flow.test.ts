/**
 * A job from posting to a moderated review, on the real database of each project: at every step
 * the interactions it implies, the exact counters, the audit rows and the events written with it.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, eventOutbox, jobApplications, profileStats, providerInteractions } from "@/db/schema";
import { withRequestContext } from "@/lib/observability/context";
import { testDatabase, type TestDatabase } from "@/test/db";
import { bookedJob, newAdmin, newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { postJobInput } from "./jobs/inputs";
import { acceptApplication, applyToJob } from "./applications/mutations";
import { postJob } from "./jobs/mutations";
import { cancelJob, completeJob } from "./jobs/mutations";
import { sendJobMessage } from "./messages/mutations";
import { getJob } from "./jobs/queries";
import { disputeReview, reviewCustomer, setReviewVisibility } from "./reviews/mutations";
import { profileStatsMismatches } from "@/lib/customer-profile/stats-oracle";
import { setProviderVisibility } from "@/lib/customer-profile/visibility";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const JOB = {
  title: "Fix the fence",
  category: "Handyman" as const,
  description: "Two panels blew down.",
  budget_minor: 15000,
};

async function interactions(db: Database, customerId: string) {
  const rows = await db
    .select({ provider: providerInteractions.providerBusinessId, kind: providerInteractions.kind })
    .from(providerInteractions)
    .where(eq(providerInteractions.customerId, customerId));
  return rows.map((r) => `${r.provider}:${r.kind}`).sort();
}

async function stats(db: Database, customerId: string) {
  const [row] = await db.select().from(profileStats).where(eq(profileStats.customerId, customerId));
  return row;
}

describe("a job from posting to a moderated review", () => {
  it("writes every step with its interactions, counters, audit rows and events", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const b = await newProvider(db);
      const admin = await newAdmin(db);

      const job = await withRequestContext("trace-flow-1", () =>
        postJob(db, cara.actor, postJobInput.parse({ ...JOB, currency: "usd" })),
      );
      expect(job).toMatchObject({
        status: "open",
        customer_id: cara.customerId,
        currency: "USD",
        budget_minor: 15000,
        viewer: "customer",
      });
      expect(await stats(db, cara.customerId)).toMatchObject({ jobsPosted: 1, jobsCompleted: 0, reviewsReceived: 0 });
      expect((await stats(db, cara.customerId))!.lastActiveAt).not.toBeNull();

      // A provider looks (twice: one interaction), then applies; a second provider applies.
      const seen = await getJob(db, a.staff, job.job_id);
      expect(seen).toMatchObject({ viewer: "provider", applications: [], reviews: [] });
      await getJob(db, a.actor, job.job_id);
      const appA = await applyToJob(db, a.staff, job.job_id, { message: "We can do it Monday." });
      const appB = await applyToJob(db, b.actor, job.job_id, { message: "Tuesday works for us." });
      expect(await interactions(db, cara.customerId)).toEqual(
        [`${a.businessId}:job_view`, `${a.businessId}:job_application`, `${b.businessId}:job_application`].sort(),
      );
      const asCustomer = await getJob(db, cara.actor, job.job_id);
      // One transaction, one now(): the order falls to the id tiebreak, so compare as sets.
      expect(asCustomer.applications.map((x) => x.application_id).sort()).toEqual(
        [appA.application_id, appB.application_id].sort(),
      );
      expect((await getJob(db, b.actor, job.job_id)).applications.map((x) => x.application_id)).toEqual([
        appB.application_id,
      ]);

      // Both sides talk in A's thread.
      await sendJobMessage(db, a.actor, job.job_id, { body: "Is the gate side accessible?" });
      const reply = await sendJobMessage(db, cara.actor, job.job_id, {
        body: "Yes",
        provider_business_id: a.businessId,
      });
      expect(reply).toMatchObject({ sender_role: "customer", provider_business_id: a.businessId });

      const booking = await acceptApplication(db, cara.actor, job.job_id, appA.application_id);
      expect(booking).toMatchObject({
        provider_business_id: a.businessId,
        status: "booked",
        declined_application_ids: [appB.application_id],
      });
      const apps = await db
        .select({ id: jobApplications.id, status: jobApplications.status })
        .from(jobApplications)
        .where(eq(jobApplications.jobId, job.job_id));
      expect(Object.fromEntries(apps.map((x) => [x.id, x.status]))).toEqual({
        [appA.application_id]: "accepted",
        [appB.application_id]: "rejected",
      });

      const done = await completeJob(db, a.staff, job.job_id);
      expect(done).toMatchObject({ status: "completed", cancelled_by: null });
      expect(done.completed_at).not.toBeNull();
      expect(await interactions(db, cara.customerId)).toEqual(
        [
          `${a.businessId}:job_view`,
          `${a.businessId}:job_application`,
          `${a.businessId}:message`,
          `${a.businessId}:booking`,
          `${a.businessId}:job_completed`,
          `${b.businessId}:job_application`,
          `${b.businessId}:job_view`,
        ].sort(),
      );

      const review = await reviewCustomer(db, a.actor, job.job_id, {
        rating: 4,
        comment: "Clear brief, paid promptly.",
      });
      expect(review).toMatchObject({
        rating: 4,
        job_category: "Handyman",
        is_visible: true,
        customer_id: cara.customerId,
      });
      expect(await stats(db, cara.customerId)).toMatchObject({
        jobsCompleted: 1,
        reviewsReceived: 1,
        rating4Count: 1,
        rating5Count: 0,
      });

      const dispute = await disputeReview(db, cara.actor, job.job_id, review.review_id, {
        reason: "The delay was theirs.",
      });
      expect(dispute.review_id).toBe(review.review_id);
      expect(await setReviewVisibility(db, admin, review.review_id, false)).toEqual({
        review_id: review.review_id,
        is_visible: false,
        changed: true,
      });
      expect(await setReviewVisibility(db, admin, review.review_id, false)).toMatchObject({ changed: false });
      expect(await stats(db, cara.customerId)).toMatchObject({ reviewsReceived: 0, rating4Count: 0 });
      await setReviewVisibility(db, admin, review.review_id, true);
      expect(await stats(db, cara.customerId)).toMatchObject({ reviewsReceived: 1, rating4Count: 1 });
      expect((await getJob(db, cara.actor, job.job_id)).reviews).toMatchObject([
        { review_id: review.review_id, is_visible: true, disputed_at: expect.any(String) },
      ]);

      expect(await setProviderVisibility(db, cara.actor, "restricted")).toEqual({
        customer_id: cara.customerId,
        visibility: "restricted",
        changed: true,
      });
      expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);

      // The job's events, in order, on the job's aggregate; the review's on the review's.
      const events = await db
        .select({
          type: eventOutbox.type,
          aggregateId: eventOutbox.aggregateId,
          businessId: eventOutbox.businessId,
          payload: eventOutbox.payload,
          traceId: eventOutbox.traceId,
        })
        .from(eventOutbox)
        .where(inArray(eventOutbox.aggregateId, [job.job_id, review.review_id, cara.customerId]))
        .orderBy(asc(eventOutbox.seq));
      expect(events.map((e) => e.type)).toEqual([
        "v1.job.posted",
        "v1.job.applied",
        "v1.job.applied",
        "v1.job.message_sent",
        "v1.job.message_sent",
        "v1.job.booked",
        "v1.job.completed",
        "v1.review.created",
        "v1.review.disputed",
        "v1.review.visibility_changed",
        "v1.review.visibility_changed",
        "v1.customer_profile.visibility_changed",
      ]);
      expect(events[0]).toMatchObject({
        businessId: null,
        traceId: "trace-flow-1",
        payload: { job_id: job.job_id, customer_id: cara.customerId, posted_by: cara.userId },
      });
      expect(events[6]).toMatchObject({
        businessId: a.businessId,
        payload: { party: "provider", completed_by: a.staff.userId },
      });
      // Ids and enums only: no message body, comment or reason reaches the outbox.
      const published = JSON.stringify(events.map((e) => e.payload));
      for (const secret of ["gate side", "paid promptly", "delay was theirs", "Fix the fence"])
        expect(published).not.toContain(secret);

      // Audit rows: free text is recorded as changed, never copied.
      const audit = await db
        .select({
          type: auditLog.entityType,
          action: auditLog.action,
          field: auditLog.field,
          newValue: auditLog.newValue,
        })
        .from(auditLog)
        .where(
          inArray(auditLog.entityId, [
            job.job_id,
            review.review_id,
            appA.application_id,
            booking.booking_id,
            cara.customerId,
          ]),
        );
      expect(audit).toEqual(
        expect.arrayContaining([
          { type: "job", action: "create", field: "title", newValue: "Fix the fence" },
          { type: "job", action: "create", field: "description", newValue: { redacted: true } },
          { type: "job", action: "update", field: "status", newValue: "booked" },
          { type: "job", action: "update", field: "status", newValue: "completed" },
          { type: "booking", action: "create", field: "providerBusinessId", newValue: a.businessId },
          { type: "job_application", action: "update", field: "status", newValue: "accepted" },
          { type: "customer_review", action: "create", field: "rating", newValue: 4 },
          { type: "customer_review", action: "create", field: "comment", newValue: { redacted: true } },
          { type: "customer_review", action: "dispute", field: "disputeReason", newValue: { redacted: true } },
          { type: "customer_review", action: "update", field: "isVisible", newValue: false },
          { type: "customer", action: "update", field: "providerVisibility", newValue: "restricted" },
        ]),
      );
    }));

  it("cancels an open job for its customer, and a booked one for the booked provider, recording who", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const open = await postJob(db, cara.actor, JOB);
      const pending = await applyToJob(db, a.actor, open.job_id, { message: "Hi" });
      expect(await cancelJob(db, cara.actor, open.job_id)).toMatchObject({
        status: "cancelled",
        cancelled_by: "customer",
      });
      const [declined] = await db.select().from(jobApplications).where(eq(jobApplications.id, pending.application_id));
      expect(declined!.status).toBe("rejected");

      const booked = await bookedJob(db, cara, a, JOB);
      expect(await cancelJob(db, a.staff, booked.jobId)).toMatchObject({
        status: "cancelled",
        cancelled_by: "provider",
      });
      // Neither counts against Cara: she withdrew an unbooked job, and the provider cancelled the other.
      expect(await stats(db, cara.customerId)).toMatchObject({
        jobsPosted: 2,
        jobsCompleted: 0,
        jobsCancelled: 0,
        jobsWithdrawn: 1,
        jobsCancelledByProvider: 1,
      });
      const events = await db
        .select({ payload: eventOutbox.payload, businessId: eventOutbox.businessId })
        .from(eventOutbox)
        .where(
          and(eq(eventOutbox.type, "v1.job.cancelled"), inArray(eventOutbox.aggregateId, [open.job_id, booked.jobId])),
        )
        .orderBy(asc(eventOutbox.seq));
      expect(events).toMatchObject([
        { businessId: null, payload: { party: "customer", provider_business_id: null } },
        { businessId: a.businessId, payload: { party: "provider", provider_business_id: a.businessId } },
      ]);
      expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);
    }));

  it("records each provider interaction once, however often the step is repeated", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const job = await postJob(db, cara.actor, JOB);
      for (let i = 0; i < 3; i++) await getJob(db, a.actor, job.job_id);
      await applyToJob(db, a.actor, job.job_id, { message: "Hi" });
      for (let i = 0; i < 3; i++)
        await sendJobMessage(db, i % 2 ? a.actor : a.staff, job.job_id, { body: `Message ${i}` });
      const rows = await db
        .select()
        .from(providerInteractions)
        .where(eq(providerInteractions.customerId, cara.customerId));
      expect(rows.map((r) => r.kind).sort()).toEqual(["job_application", "job_view", "message"]);
      expect(rows.every((r) => r.jobId === job.job_id && r.providerBusinessId === a.businessId)).toBe(true);
    }));

  it("gives a customer who had no counters row one computed from their rows", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const { jobId } = await bookedJob(db, cara, a, JOB);
      await completeJob(db, cara.actor, jobId);
      // As if the row had never been written (an account from before the counters were kept live).
      await db.delete(profileStats).where(eq(profileStats.customerId, cara.customerId));
      await reviewCustomer(db, a.actor, jobId, { rating: 5, comment: "" });
      expect(await stats(db, cara.customerId)).toMatchObject({
        jobsPosted: 1,
        jobsCompleted: 1,
        reviewsReceived: 1,
        rating5Count: 1,
      });
      expect(await profileStatsMismatches(db, [cara.customerId])).toEqual([]);
    }));
});
