/**
 * Property: after any sequence of marketplace steps (posting, applying, booking, messages,
 * completing, cancelling by either side before or after booking, reviewing, disputing, hiding and
 * showing reviews), refused ones
 * included, every customer's profile_stats equals a recomputation from the raw rows. The steps are
 * drawn from a seeded PRNG, so a failure replays exactly; the seed is in the test name.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { testDatabase, type TestDatabase } from "@/test/db";
import {
  newAdmin,
  newCustomer,
  newProvider,
  type CustomerPerson,
  type ProviderPerson,
} from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "./applications/mutations";
import { postJob } from "./jobs/mutations";
import { cancelJob, completeJob } from "./jobs/mutations";
import { sendJobMessage } from "./messages/mutations";
import { getJob } from "./jobs/queries";
import { disputeReview, reviewCustomer, setReviewVisibility } from "./reviews/mutations";
import { profileStatsMismatches } from "@/lib/customer-profile/stats-oracle";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)];
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

type Job = { id: string; customer: CustomerPerson; status: string; booked?: ProviderPerson };
type Application = { id: string; jobId: string; provider: ProviderPerson };
type Review = { id: string; jobId: string };

async function runSequence(db: Database, seed: number, steps: number) {
  const rand = prng(seed);
  const customers = [await newCustomer(db), await newCustomer(db), await newCustomer(db)];
  const providers = [await newProvider(db), await newProvider(db), await newProvider(db), await newProvider(db)];
  const admin = await newAdmin(db);
  const jobs: Job[] = [];
  const applications: Application[] = [];
  const reviews: Review[] = [];
  const done: Record<string, number> = {};
  const refused: Record<string, number> = {};

  /** Mostly a job in the state the step needs (as far as the test knows), sometimes any job. */
  const jobIn = (status: string) =>
    (rand.next() < 0.8 && rand.pick(jobs.filter((j) => j.status === status))) || rand.pick(jobs);
  const settle = (job: Job, status: string) => (result: unknown) => ((job.status = status), result);

  // Either side of a job, or now and then someone with no part in it.
  const someone = (job: Job) => {
    const roll = rand.next();
    if (roll < 0.4) return job.customer.actor;
    const provider = rand.pick(providers)!;
    return roll < 0.8 ? provider.actor : provider.staff;
  };

  const ops: Record<string, () => Promise<unknown> | undefined> = {
    post: () => {
      const customer = rand.pick(customers)!;
      return postJob(db, customer.actor, {
        title: "Job",
        category: rand.pick(["Gardening", "Plumbing"])!,
        description: "d",
      }).then((job) => jobs.push({ id: job.job_id, customer, status: "open" }));
    },
    view: () => {
      const job = rand.pick(jobs);
      return job && getJob(db, someone(job), job.id);
    },
    apply: () => {
      const job = rand.pick(jobs);
      const provider = rand.pick(providers)!;
      return (
        job &&
        applyToJob(db, provider.staff, job.id, { message: "m" }).then((a) =>
          applications.push({ id: a.application_id, jobId: job.id, provider }),
        )
      );
    },
    accept: () => {
      const open = jobIn("open");
      const application = rand.pick(applications.filter((a) => a.jobId === open?.id)) ?? rand.pick(applications);
      const job = application && jobs.find((j) => j.id === application.jobId)!;
      return (
        job &&
        acceptApplication(db, job.customer.actor, job.id, application.id).then((result) => {
          job.booked = application.provider;
          return settle(job, "booked")(result);
        })
      );
    },
    message: () => {
      const job = rand.pick(jobs);
      const application = job && rand.pick(applications.filter((a) => a.jobId === job.id));
      return (
        job &&
        sendJobMessage(db, someone(job), job.id, { body: "b", provider_business_id: application?.provider.businessId })
      );
    },
    complete: () => {
      const job = jobIn("booked");
      return job && completeJob(db, someone(job), job.id).then(settle(job, "completed"));
    },
    cancel: () => {
      // Every kind: the customer withdrawing an open job or calling off a booked one, the booked
      // provider cancelling, and now and then someone the job refuses.
      const job = jobIn(rand.next() < 0.7 ? "booked" : "open");
      const roll = rand.next();
      const actor =
        job && (roll < 0.4 ? job.customer.actor : roll < 0.85 && job.booked ? job.booked.staff : someone(job));
      return job && cancelJob(db, actor!, job.id).then(settle(job, "cancelled"));
    },
    review: () => {
      const job = jobIn("completed");
      // Mostly a provider that applied (the booked one among them), so reviews do get written.
      const applicants = applications.filter((a) => a.jobId === job?.id).map((a) => a.provider);
      const provider = (rand.next() < 0.8 && rand.pick(applicants)) || rand.pick(providers)!;
      return (
        job &&
        reviewCustomer(db, provider.actor, job.id, { rating: rand.int(1, 5), comment: "" }).then((r) =>
          reviews.push({ id: r.review_id, jobId: job.id }),
        )
      );
    },
    dispute: () => {
      const review = rand.pick(reviews);
      const job = review && jobs.find((j) => j.id === review.jobId)!;
      return job && disputeReview(db, job.customer.actor, job.id, review.id, { reason: "r" });
    },
    moderate: () => {
      const review = rand.pick(reviews);
      return review && setReviewVisibility(db, admin, review.id, rand.next() < 0.5);
    },
  };
  // Weighted so jobs get far enough along to be reviewed and moderated.
  const weighted = [
    ...Array<string>(3).fill("post"),
    "view",
    ...Array<string>(4).fill("apply"),
    ...Array<string>(3).fill("accept"),
    "message",
    ...Array<string>(3).fill("complete"),
    ...Array<string>(3).fill("cancel"),
    ...Array<string>(4).fill("review"),
    "dispute",
    ...Array<string>(3).fill("moderate"),
  ];

  for (let step = 0; step < steps; step++) {
    const name = step < 3 ? "post" : rand.pick(weighted)!;
    try {
      // An op with nothing to act on yet (no review to moderate) is skipped.
      if ((await ops[name]!()) !== undefined) done[name] = (done[name] ?? 0) + 1;
    } catch (error) {
      // Refusals are part of the sequence; anything else (a 500) fails the property.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      refused[name] = (refused[name] ?? 0) + 1;
    }
    if (step % 50 === 49) {
      expect(
        await profileStatsMismatches(
          db,
          customers.map((c) => c.customerId),
        ),
        `after step ${step}`,
      ).toEqual([]);
    }
  }
  return { customers, done, refused };
}

describe("profile_stats after random sequences", () => {
  it.each([1, 2, 3])(
    "equals the recomputation from the raw rows after 200 steps (seed %i)",
    (seed) =>
      t.rollback(async (db) => {
        const { customers, done, refused } = await runSequence(db, seed, 200);
        expect(
          await profileStatsMismatches(
            db,
            customers.map((c) => c.customerId),
          ),
        ).toEqual([]);
        // The sequence went everywhere: completed, reviewed and moderated jobs, and refusals too.
        for (const op of ["post", "apply", "accept", "complete", "cancel", "review", "moderate"])
          expect(done[op], op).toBeGreaterThan(0);
        // Cancellations of every kind, each counted apart.
        const { rows: cancellations } = await db.execute<{
          cancelled: number;
          withdrawn: number;
          by_provider: number;
        }>(sql`
          select sum(jobs_cancelled)::int as cancelled, sum(jobs_withdrawn)::int as withdrawn,
            sum(jobs_cancelled_by_provider)::int as by_provider
          from profile_stats where customer_id in (${sql.join(
            customers.map((c) => sql`${c.customerId}`),
            sql`, `,
          )})`);
        for (const [kind, n] of Object.entries(cancellations[0]!)) expect(n, kind).toBeGreaterThan(0);
        expect(Object.values(refused).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

        // And the recomputation itself, spelled out for one customer, matches what is stored.
        const { rows } = await db.execute<{ ok: boolean }>(sql`
        select s.jobs_posted = (select count(*) from jobs where customer_id = s.customer_id)
          and s.reviews_received = s.rating1_count + s.rating2_count + s.rating3_count + s.rating4_count + s.rating5_count
          and s.reviews_received = (select count(*) from customer_reviews where customer_id = s.customer_id and is_visible) as ok
        from profile_stats s where s.customer_id = ${customers[0]!.customerId}`);
        expect(rows).toEqual([{ ok: true }]);
      }),
    60_000,
  );
});
