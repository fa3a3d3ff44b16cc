/**
 * A review under dispute is marked for providers, in the profile's recent reviews and on the review
 * pages, from the customer's dispute until an administrator decides it; a decision to keep it
 * removes the mark, a decision to hide it removes the review. Through the real write paths.
 */
import { uniqueIp } from "@/test/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { completeJob } from "@/lib/marketplace/jobs/mutations";
import { disputeReview, reviewCustomer, setReviewVisibility } from "@/lib/marketplace/reviews/mutations";
import type { UserActor } from "@/lib/auth/actor";
import { testDatabase, type TestDatabase } from "@/test/db";
import { bookedJob, newAdmin, newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { getProviderProfile } from "./profile";
import { listCustomerReviews } from "./reviews";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

/** The mark on every review as a provider sees it: [rating, under_dispute], in the profile and on each sort's first page. */
async function marks(db: Database, viewer: UserActor, customerId: string) {
  const { recent_reviews } = await getProviderProfile(db, viewer, customerId, uniqueIp());
  const pages = await Promise.all(
    (["recent", "highest", "lowest"] as const).map((sort) =>
      listCustomerReviews(db, viewer, customerId, { sort, limit: 10 }),
    ),
  );
  const byRating = (list: { rating: number; under_dispute: boolean }[]) =>
    list.map((r) => [r.rating, r.under_dispute]).sort();
  return {
    profile: byRating(recent_reviews),
    pages: pages.map((page) => byRating(page.reviews)),
  };
}

describe("a review under dispute", () => {
  it("is marked from the dispute until an administrator decides it", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      const fixer = await newProvider(db);
      const viewer = await newProvider(db);
      const admin = await newAdmin(db);
      const reviewed = async (rating: number) => {
        const { jobId } = await bookedJob(db, cara, fixer);
        await completeJob(db, fixer.actor, jobId);
        const review = await reviewCustomer(db, fixer.actor, jobId, { rating, comment: "" });
        return { jobId, reviewId: review.review_id };
      };
      const fair = await reviewed(5);
      const harsh = await reviewed(2);
      const seen = (harshMark: boolean) => ({
        profile: [
          [2, harshMark],
          [5, false],
        ],
        pages: Array(3).fill([
          [2, harshMark],
          [5, false],
        ]),
      });
      expect(await marks(db, viewer.actor, cara.customerId)).toEqual(seen(false));

      await disputeReview(db, cara.actor, harsh.jobId, harsh.reviewId, { reason: "Not what happened." });
      expect(await marks(db, viewer.actor, cara.customerId)).toEqual(seen(true));

      // Kept as it is: decided, so no longer under dispute.
      await setReviewVisibility(db, admin, harsh.reviewId, true);
      expect(await marks(db, viewer.actor, cara.customerId)).toEqual(seen(false));

      // A dispute decided by hiding the review: it is not shown at all.
      await disputeReview(db, cara.actor, fair.jobId, fair.reviewId, { reason: "Wrong customer." });
      expect((await marks(db, viewer.actor, cara.customerId)).profile).toEqual([
        [2, false],
        [5, true],
      ]);
      await setReviewVisibility(db, admin, fair.reviewId, false);
      expect(await marks(db, viewer.actor, cara.customerId)).toEqual({
        profile: [[2, false]],
        pages: Array(3).fill([[2, false]]),
      });
    }));
});
