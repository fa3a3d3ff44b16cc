/**
 * Withdrawing an application, on the real database of each project: what a withdrawal writes (the
 * status, one audit row, one event) and what it leaves alone (the interactions, the customer's
 * counters); that the business cannot apply again and the customer cannot book it; every refusal
 * with its status and reason, writing nothing; the route's status codes and documented body; and
 * on real Postgres, withdrawals racing each other and a booking.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as withdrawRoute from "@/app/api/jobs/[jobId]/applications/[applicationId]/withdraw/route";
import type { Database } from "@/db/client";
import { auditLog, bookings, eventOutbox, jobApplications, profileStats, providerInteractions } from "@/db/schema";
import { anonymous, type UserActor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { driver, scratchDatabase, type ScratchDatabase } from "@/test/db";
import { createCustomer, outcomes, refusalOf } from "@/test/factories";
import {
  expectRefusedUnchanged,
  newCustomer,
  newProvider,
  refusalTable,
  writtenInTransaction,
  type RefusalCase,
} from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "./mutations";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { cancelJob } from "@/lib/marketplace/jobs/mutations";
import { getJob } from "@/lib/marketplace/jobs/queries";
import { profileStatsMismatches } from "@/lib/customer-profile/stats-oracle";
import { applicationWithdrawnDto } from "./dto";
import { withdrawApplication } from "./mutations";

const { as, callRoute, parsedBody, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const JOB = {
  title: "Hang three shelves",
  category: "Handyman" as const,
  description: "Plasterboard wall, shelves bought.",
};

/** Cara's open job with applications from A and B, a booked job with A (B declined), a cancelled one A applied to. */
async function world(db: Database) {
  const cara = await newCustomer(db);
  const [a, b, c] = [await newProvider(db), await newProvider(db), await newProvider(db)];

  const open = await postJob(db, cara.actor, JOB);
  await getJob(db, a.actor, open.job_id);
  const openApp = await applyToJob(db, a.actor, open.job_id, { message: "Tomorrow morning?" });
  const otherApp = await applyToJob(db, b.actor, open.job_id, { message: "Any day this week." });

  const booked = await postJob(db, cara.actor, JOB);
  const bookedApp = await applyToJob(db, a.actor, booked.job_id, { message: "Hi" });
  const declinedApp = await applyToJob(db, b.actor, booked.job_id, { message: "Hi" });
  await acceptApplication(db, cara.actor, booked.job_id, bookedApp.application_id);

  const cancelled = await postJob(db, cara.actor, JOB);
  const cancelledApp = await applyToJob(db, a.actor, cancelled.job_id, { message: "Hi" });
  await cancelJob(db, cara.actor, cancelled.job_id);

  // A provider owner who is also a customer, with an open job of their own that A applied to.
  const dualProvider = await newProvider(db);
  await createCustomer(db, dualProvider.userId);
  const dual = (await resolveActor(db, dualProvider.userId, { businessId: dualProvider.businessId })) as UserActor;
  const ownJob = await postJob(db, dual, JOB);
  const ownJobApp = await applyToJob(db, a.actor, ownJob.job_id, { message: "Hi" });

  return {
    cara,
    a,
    b,
    c,
    dual,
    open: open.job_id,
    booked: booked.job_id,
    cancelled: cancelled.job_id,
    ownJob: ownJob.job_id,
    openApp: openApp.application_id,
    otherApp: otherApp.application_id,
    bookedApp: bookedApp.application_id,
    declinedApp: declinedApp.application_id,
    cancelledApp: cancelledApp.application_id,
    ownJobApp: ownJobApp.application_id,
  };
}
type World = Awaited<ReturnType<typeof world>>;

const statusOf = async (db: Database, applicationId: string) =>
  (
    await db
      .select({ status: jobApplications.status })
      .from(jobApplications)
      .where(eq(jobApplications.id, applicationId))
  )[0]?.status;

describe("withdrawing an application", () => {
  it("marks it withdrawn with one audit row and one event, and leaves interactions and counters alone", () =>
    t.rollback(async (db) => {
      const w = await world(db);
      const interactionsBefore = await db
        .select()
        .from(providerInteractions)
        .where(eq(providerInteractions.customerId, w.cara.customerId));
      const [statsBefore] = await db.select().from(profileStats).where(eq(profileStats.customerId, w.cara.customerId));

      // A staff member withdraws what the owner applied with: the business acts, not the person.
      expect(await withdrawApplication(db, w.a.staff, w.open, w.openApp)).toEqual({
        application_id: w.openApp,
        job_id: w.open,
        status: "withdrawn",
      });
      expect(await statusOf(db, w.openApp)).toBe("withdrawn");
      expect(await statusOf(db, w.otherApp)).toBe("pending");

      // Both sides see it withdrawn; the job stays open for the others.
      const asCustomer = await getJob(db, w.cara.actor, w.open);
      expect(asCustomer.status).toBe("open");
      expect(Object.fromEntries(asCustomer.applications.map((x) => [x.application_id, x.status]))).toEqual({
        [w.openApp]: "withdrawn",
        [w.otherApp]: "pending",
      });
      expect((await getJob(db, w.a.actor, w.open)).applications).toMatchObject([
        { application_id: w.openApp, status: "withdrawn" },
      ]);

      const audit = await db
        .select({
          businessId: auditLog.businessId,
          actor: auditLog.actorUserId,
          action: auditLog.action,
          field: auditLog.field,
          oldValue: auditLog.oldValue,
          newValue: auditLog.newValue,
        })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, "job_application"),
            eq(auditLog.entityId, w.openApp),
            eq(auditLog.action, "update"),
          ),
        );
      expect(audit).toEqual([
        {
          businessId: w.a.businessId,
          actor: w.a.staff.userId,
          action: "update",
          field: "status",
          oldValue: "pending",
          newValue: "withdrawn",
        },
      ]);
      const events = await db
        .select({
          type: eventOutbox.type,
          aggregateType: eventOutbox.aggregateType,
          businessId: eventOutbox.businessId,
          payload: eventOutbox.payload,
        })
        .from(eventOutbox)
        .where(eq(eventOutbox.aggregateId, w.open))
        .orderBy(asc(eventOutbox.seq));
      expect(events.map((e) => e.type)).toEqual([
        "v1.job.posted",
        "v1.job.applied",
        "v1.job.applied",
        "v1.job.application_withdrawn",
      ]);
      expect(events[3]).toEqual({
        type: "v1.job.application_withdrawn",
        aggregateType: "job",
        businessId: w.a.businessId,
        payload: {
          job_id: w.open,
          customer_id: w.cara.customerId,
          application_id: w.openApp,
          provider_business_id: w.a.businessId,
          withdrawn_by: w.a.staff.userId,
        },
      });

      // The view and the application are history: a restricted profile still counts them.
      expect(
        await db.select().from(providerInteractions).where(eq(providerInteractions.customerId, w.cara.customerId)),
      ).toEqual(interactionsBefore);
      expect((await db.select().from(profileStats).where(eq(profileStats.customerId, w.cara.customerId)))[0]).toEqual(
        statsBefore,
      );
      expect(await profileStatsMismatches(db, [w.cara.customerId])).toEqual([]);
    }));

  it("keeps the business from applying again and the customer from booking it", () =>
    t.rollback(async (db) => {
      const w = await world(db);
      await withdrawApplication(db, w.a.actor, w.open, w.openApp);
      const again = await refusalOf(applyToJob(db, w.a.staff, w.open, { message: "Changed our minds." }));
      expect({ status: again.status, reason: again.details.reason }).toEqual({
        status: 409,
        reason: "already_applied",
      });
      const book = await refusalOf(acceptApplication(db, w.cara.actor, w.open, w.openApp));
      expect({ status: book.status, reason: book.details.reason }).toEqual({
        status: 409,
        reason: "application_not_pending",
      });
      // The other applicant can still be booked.
      await expect(acceptApplication(db, w.cara.actor, w.open, w.otherApp)).resolves.toMatchObject({
        declined_application_ids: [],
      });
      expect(await statusOf(db, w.openApp)).toBe("withdrawn");
    }));

  const CASES: RefusalCase<World>[] = [
    [
      "another applicant withdraws A's application",
      (db, w) => withdrawApplication(db, w.b.actor, w.open, w.openApp),
      403,
      "not_your_application",
    ],
    [
      "a provider with no part withdraws A's application on an open job",
      (db, w) => withdrawApplication(db, w.c.actor, w.open, w.openApp),
      403,
      "not_your_application",
    ],
    [
      "the customer withdraws an application",
      (db, w) => withdrawApplication(db, w.cara.actor, w.open, w.openApp),
      403,
      "not_a_provider",
    ],
    [
      "a provider who is also a customer withdraws on their own job",
      (db, w) => withdrawApplication(db, w.dual, w.ownJob, w.ownJobApp),
      403,
      "own_job",
    ],
    [
      "the booked provider withdraws after the booking",
      (db, w) => withdrawApplication(db, w.a.actor, w.booked, w.bookedApp),
      409,
      "job_not_open",
    ],
    [
      "a declined provider withdraws",
      (db, w) => withdrawApplication(db, w.b.actor, w.booked, w.declinedApp),
      409,
      "job_not_open",
    ],
    [
      "an applicant withdraws on a cancelled job",
      (db, w) => withdrawApplication(db, w.a.actor, w.cancelled, w.cancelledApp),
      409,
      "job_not_open",
    ],
    [
      "a provider with no part names a booked job",
      (db, w) => withdrawApplication(db, w.c.actor, w.booked, w.bookedApp),
      404,
    ],
    ["an applicant names an unknown job", (db, w) => withdrawApplication(db, w.a.actor, randomUUID(), w.openApp), 404],
    [
      "an applicant names an unknown application",
      (db, w) => withdrawApplication(db, w.a.actor, w.open, randomUUID()),
      404,
    ],
    [
      "an applicant names its application on another job",
      (db, w) => withdrawApplication(db, w.a.actor, w.open, w.bookedApp),
      404,
    ],
    ["anonymous withdraws", (db, w) => withdrawApplication(db, anonymous, w.open, w.openApp), 401],
  ];

  /** What a step could have written in this transaction: rows stamped with its now(), the applications, and the counters. */
  async function footprint(db: Database, w: World) {
    const applications = await db
      .select({ id: jobApplications.id, status: jobApplications.status })
      .from(jobApplications)
      .where(inArray(jobApplications.jobId, [w.open, w.booked, w.cancelled, w.ownJob]))
      .orderBy(jobApplications.id);
    const stats = await db.select().from(profileStats).where(eq(profileStats.customerId, w.cara.customerId));
    return { ...(await writtenInTransaction(db)), applications, stats };
  }

  it.each(refusalTable(CASES))("refuses %s", (_, attempt, status, reason) =>
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

  it("refuses a second withdrawal of the same application", () =>
    t.rollback(async (db) => {
      const w = await world(db);
      await withdrawApplication(db, w.a.actor, w.open, w.openApp);
      const twice = await refusalOf(withdrawApplication(db, w.a.staff, w.open, w.openApp));
      expect({ status: twice.status, reason: twice.details.reason, message: twice.userMessage }).toEqual({
        status: 409,
        reason: "application_not_pending",
        message: "This application is withdrawn, not pending.",
      });
    }));
});

describe("POST /api/jobs/{jobId}/applications/{applicationId}/withdraw", () => {
  const post = (jobId: string, applicationId: string) =>
    callRoute(withdrawRoute.POST, "POST", `/api/jobs/${jobId}/applications/${applicationId}/withdraw`, {
      jobId,
      applicationId,
    });

  it("answers 200 with the documented body, then 409; 403 with a reason, 404, 401 and 400 to the others", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);

      as(w.b.actor);
      const foreign = await post(w.open, w.openApp);
      expect(foreign.status).toBe(403);
      expect((await foreign.json()).error).toMatchObject({
        code: "forbidden",
        reason: "not_your_application",
        message: expect.any(String),
      });

      as(w.a.actor);
      expect(await parsedBody(await post(w.open, w.openApp), applicationWithdrawnDto)).toEqual({
        application_id: w.openApp,
        job_id: w.open,
        status: "withdrawn",
      });
      const again = await post(w.open, w.openApp);
      expect(again.status).toBe(409);
      expect((await again.json()).error).toMatchObject({ code: "conflict", reason: "application_not_pending" });
      const booked = await post(w.booked, w.bookedApp);
      expect(booked.status).toBe(409);
      expect((await booked.json()).error.reason).toBe("job_not_open");
      expect((await post(w.open, randomUUID())).status).toBe(404);
      const malformed = await callRoute(withdrawRoute.POST, "POST", `/api/jobs/${w.open}/applications/42/withdraw`, {
        jobId: w.open,
        applicationId: "42",
      });
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error.field_errors).toHaveProperty("applicationId");

      as(anonymous);
      expect((await post(w.open, w.otherApp)).status).toBe(401);
      expect(await statusOf(db, w.otherApp)).toBe("pending");
    }));
});

/** Steps that commit, at the same moment, on a database of this file's own (real Postgres only). */
describe.skipIf(driver === "pglite")("withdrawals at the same moment", () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await scratchDatabase();
  }, 60_000);
  afterAll(() => scratch?.close());

  it("withdraws once when two staff of the business withdraw together", async () => {
    const db = scratch.db;
    const cara = await newCustomer(db);
    const a = await newProvider(db);
    const job = await postJob(db, cara.actor, JOB);
    const app = await applyToJob(db, a.actor, job.job_id, { message: "Hi" });
    expect(
      (
        await outcomes([
          withdrawApplication(db, a.actor, job.job_id, app.application_id),
          withdrawApplication(db, a.staff, job.job_id, app.application_id),
        ])
      ).sort(),
    ).toEqual(["application_not_pending", "ok"]);
    const events = await db
      .select()
      .from(eventOutbox)
      .where(and(eq(eventOutbox.aggregateId, job.job_id), eq(eventOutbox.type, "v1.job.application_withdrawn")));
    expect(events).toHaveLength(1);
  });

  it("ends a withdrawal racing a booking of the same application one way or the other, never both", async () => {
    const db = scratch.db;
    for (let round = 0; round < 4; round++) {
      const cara = await newCustomer(db);
      const a = await newProvider(db);
      const job = await postJob(db, cara.actor, JOB);
      const app = await applyToJob(db, a.actor, job.job_id, { message: "Hi" });
      const [withdrawal, booking] = await outcomes([
        withdrawApplication(db, a.staff, job.job_id, app.application_id),
        acceptApplication(db, cara.actor, job.job_id, app.application_id),
      ]);
      const booked = await db.select().from(bookings).where(eq(bookings.jobId, job.job_id));
      const status = await statusOf(db, app.application_id);
      if (withdrawal === "ok") {
        expect({ booking, status, booked: booked.length }).toEqual({
          booking: "application_not_pending",
          status: "withdrawn",
          booked: 0,
        });
      } else {
        expect({ withdrawal, booking, status, booked: booked.length }).toEqual({
          withdrawal: "job_not_open",
          booking: "ok",
          status: "accepted",
          booked: 1,
        });
      }
    }
  });
});
