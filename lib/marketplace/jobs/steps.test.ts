/**
 * The job page offers a step exactly when the server would take it: for jobs in every state, seen
 * by each kind of viewer, every step the page could show is tried against the real data function
 * (each in a savepoint that is rolled back), and it must succeed if and only if jobSteps offers it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { UserActor } from "@/lib/auth/actor";
import { testDatabase, type TestDatabase } from "@/test/db";
import { outcomeOf } from "@/test/factories";
import type { JobDto } from "./dto";
import { newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { jobSteps } from "./steps";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { postJob } from "./mutations";
import { cancelJob, completeJob } from "./mutations";
import { getJob } from "./queries";
import { disputeReview, reviewCustomer } from "@/lib/marketplace/reviews/mutations";
import { withdrawApplication } from "@/lib/marketplace/applications/mutations";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const JOB = { title: "Mow the lawn", category: "Lawn care" as const, description: "Front and back." };

class Rollback extends Error {}

/** "ok", or the refusal's reason; whatever the step wrote is rolled back either way. */
async function tryStep(db: Database, run: (tx: Database) => Promise<unknown>): Promise<string> {
  let outcome = "ok";
  try {
    await db.transaction(async (tx) => {
      try {
        await run(tx);
      } catch (error) {
        outcome = outcomeOf(error);
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome;
}

/** Every step the page could show this viewer, whether it is offered, and how to take it. */
function candidates(job: JobDto, actor: UserActor) {
  const steps = jobSteps(job);
  const id = job.job_id;
  return [
    { name: "apply", offered: steps.apply, run: (tx: Database) => applyToJob(tx, actor, id, { message: "Hello" }) },
    { name: "complete", offered: steps.complete, run: (tx: Database) => completeJob(tx, actor, id) },
    { name: "cancel", offered: steps.cancel, run: (tx: Database) => cancelJob(tx, actor, id) },
    {
      name: "review",
      offered: steps.review,
      run: (tx: Database) => reviewCustomer(tx, actor, id, { rating: 4, comment: "" }),
    },
    ...job.applications.flatMap((a) => [
      {
        name: `book ${a.status}`,
        offered: steps.bookable.includes(a.application_id),
        run: (tx: Database) => acceptApplication(tx, actor, id, a.application_id),
      },
      {
        name: `withdraw ${a.status}`,
        offered: steps.withdraw === a.application_id,
        run: (tx: Database) => withdrawApplication(tx, actor, id, a.application_id),
      },
    ]),
    ...job.reviews.map((r) => ({
      name: `dispute ${r.disputed_at ? "disputed" : "new"}`,
      offered: steps.disputable.includes(r.review_id),
      run: (tx: Database) => disputeReview(tx, actor, id, r.review_id, { reason: "Not fair." }),
    })),
  ];
}

async function world(db: Database) {
  const cara = await newCustomer(db);
  const [a, b, c] = [await newProvider(db), await newProvider(db), await newProvider(db)];
  const post = async () => (await postJob(db, cara.actor, JOB)).job_id;
  const apply = async (job: string, who = a) =>
    (await applyToJob(db, who.actor, job, { message: "Hi" })).application_id;

  const fresh = await post();
  const open = await post();
  await apply(open);
  await withdrawApplication(db, b.actor, open, await apply(open, b));

  const booked = await post();
  const bookedApp = await apply(booked);
  await apply(booked, b);
  await acceptApplication(db, cara.actor, booked, bookedApp);

  const completed = await post();
  await acceptApplication(db, cara.actor, completed, await apply(completed));
  await completeJob(db, a.actor, completed);

  const reviewed = await post();
  await acceptApplication(db, cara.actor, reviewed, await apply(reviewed));
  await completeJob(db, cara.actor, reviewed);
  await reviewCustomer(db, a.actor, reviewed, { rating: 2, comment: "Slow to reply." });

  const disputed = await post();
  await acceptApplication(db, cara.actor, disputed, await apply(disputed));
  await completeJob(db, cara.actor, disputed);
  const review = await reviewCustomer(db, a.actor, disputed, { rating: 1, comment: "" });
  await disputeReview(db, cara.actor, disputed, review.review_id, { reason: "Wrong job." });

  const cancelledOpen = await post();
  await apply(cancelledOpen);
  await cancelJob(db, cara.actor, cancelledOpen);

  const cancelledBooked = await post();
  await acceptApplication(db, cara.actor, cancelledBooked, await apply(cancelledBooked));
  await cancelJob(db, a.staff, cancelledBooked);

  const jobs = { fresh, open, booked, completed, reviewed, disputed, cancelledOpen, cancelledBooked };
  const viewers = {
    customer: cara.actor,
    applicant: a.actor,
    applicantStaff: a.staff,
    other: b.actor,
    stranger: c.actor,
  };
  return { jobs, viewers };
}

describe("the steps the job page offers", () => {
  it("are exactly the steps the server takes, for every job state and viewer", () =>
    t.rollback(async (db) => {
      const { jobs, viewers } = await world(db);
      const mismatches: string[] = [];
      let tried = 0;
      for (const [state, jobId] of Object.entries(jobs)) {
        for (const [who, actor] of Object.entries(viewers)) {
          const seen = await tryStep(db, (tx) => getJob(tx, actor, jobId));
          if (seen !== "ok") continue; // Not theirs to see: the page shows "not found", and no step.
          const job = await getJob(db, actor, jobId);
          for (const step of candidates(job, actor)) {
            const outcome = await tryStep(db, step.run);
            tried++;
            if ((outcome === "ok") !== step.offered) {
              mismatches.push(
                `${who} on the ${state} job: ${step.name} is ${step.offered ? "offered" : "hidden"} but the server says ${outcome}`,
              );
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(tried).toBeGreaterThan(80);
    }));

  it("offer the customer booking and cancelling an open job, and the applicant withdrawing", () =>
    t.rollback(async (db) => {
      const { jobs, viewers } = await world(db);
      const asCustomer = jobSteps(await getJob(db, viewers.customer, jobs.open));
      expect(asCustomer).toMatchObject({ complete: false, cancel: true, apply: false, review: false });
      expect(asCustomer.bookable).toHaveLength(1); // The withdrawn one is not bookable.
      const asApplicant = jobSteps(await getJob(db, viewers.applicantStaff, jobs.open));
      expect(asApplicant).toMatchObject({ apply: false, withdraw: expect.any(String), complete: false, cancel: false });
      expect(jobSteps(await getJob(db, viewers.other, jobs.open))).toMatchObject({ apply: false, withdraw: null });
      expect(jobSteps(await getJob(db, viewers.stranger, jobs.open))).toMatchObject({ apply: true, withdraw: null });
      expect(jobSteps(await getJob(db, viewers.applicant, jobs.completed))).toMatchObject({
        review: true,
        complete: false,
        cancel: false,
      });
      expect(jobSteps(await getJob(db, viewers.customer, jobs.reviewed)).disputable).toHaveLength(1);
      expect(jobSteps(await getJob(db, viewers.customer, jobs.disputed)).disputable).toHaveLength(0);
    }));
});
