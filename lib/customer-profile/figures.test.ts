/** The pure rules: badge thresholds at and just below each edge, rounding, rates' sample, the public name. */
import { describe, expect, it } from "vitest";
import { BADGE_THRESHOLDS, BADGE_TYPES, badgeView, earnedBadges, isNewCustomer, type BadgeFacts } from "./badges";
import { finishedJobRates, MIN_FINISHED_JOBS_FOR_RATES, publicDisplayName, ratingSummary } from "./figures";

const NOW = new Date("2026-06-15T12:00:00Z");
const DAY = 86_400_000;
const T = BADGE_THRESHOLDS;

/** Facts that earn nothing: an old account with no activity. */
const none: BadgeFacts = {
  memberSince: new Date(NOW.getTime() - 1000 * DAY),
  now: NOW,
  jobsPosted6mo: 0,
  jobsCompleted: 0,
  jobsCancelled: 0,
  reviewCount: 0,
  ratingSum: 0,
};
const badges = (facts: Partial<BadgeFacts>) => earnedBadges({ ...none, ...facts });

describe("badge thresholds", () => {
  it("are one table naming every badge", () => {
    expect(BADGE_TYPES).toEqual(["new_customer", "frequent_poster", "reliable", "highly_rated"]);
    expect(BADGE_TYPES.map((type) => badgeView(type).label)).toEqual([
      "New customer",
      "Frequent poster",
      "Reliable",
      "Highly rated",
    ]);
  });

  it.each([
    ["nothing earns nothing", {}, []],
    [
      "new_customer: joined just under the limit ago",
      { memberSince: new Date(NOW.getTime() - T.new_customer.maxAccountAgeDays * DAY + 1) },
      ["new_customer"],
    ],
    [
      "new_customer: exactly the limit ago is no longer new",
      { memberSince: new Date(NOW.getTime() - T.new_customer.maxAccountAgeDays * DAY) },
      [],
    ],
    ["frequent_poster: at the threshold", { jobsPosted6mo: T.frequent_poster.minJobsPosted6mo }, ["frequent_poster"]],
    ["frequent_poster: one below", { jobsPosted6mo: T.frequent_poster.minJobsPosted6mo - 1 }, []],
    ["reliable: 9 of 10 finished completed (90%)", { jobsCompleted: 9, jobsCancelled: 1 }, ["reliable"]],
    ["reliable: 17 of 19 (89.47%) is below", { jobsCompleted: 17, jobsCancelled: 2 }, []],
    ["reliable: all completed but under the sample", { jobsCompleted: T.reliable.minFinishedJobs - 1 }, []],
    ["reliable: all completed at the sample", { jobsCompleted: T.reliable.minFinishedJobs }, ["reliable"]],
    ["highly_rated: average exactly 4.5 over the minimum", { reviewCount: 6, ratingSum: 27 }, ["highly_rated"]],
    // 4.4999 would show as 4.5 when rounded; the badge is judged on the exact mean.
    ["highly_rated: a mean just under 4.5", { reviewCount: 10_000, ratingSum: 44_999 }, []],
    [
      "highly_rated: all fives but too few reviews",
      { reviewCount: T.highly_rated.minReviews - 1, ratingSum: 5 * (T.highly_rated.minReviews - 1) },
      [],
    ],
    [
      "all four",
      { memberSince: NOW, jobsPosted6mo: 9, jobsCompleted: 10, jobsCancelled: 0, reviewCount: 10, ratingSum: 50 },
      ["new_customer", "frequent_poster", "reliable", "highly_rated"],
    ],
  ] as const)("%s", (_, facts, expected) => {
    expect(badges(facts)).toEqual(expected);
  });

  it("is_new uses the new_customer threshold", () => {
    expect(isNewCustomer(new Date(NOW.getTime() - DAY), NOW)).toBe(true);
    expect(isNewCustomer(new Date(NOW.getTime() - 31 * DAY), NOW)).toBe(false);
  });
});

describe("figures", () => {
  it.each([
    [[0, 0, 0, 0, 0], null, 0],
    [[0, 0, 0, 0, 1], 5, 1],
    [[1, 0, 0, 0, 2], 3.67, 3], // 11 / 3 = 3.666...
    [[0, 0, 0, 1, 1], 4.5, 2],
    [[1, 1, 1, 1, 4], 3.75, 8],
    [[0, 0, 1, 7, 0], 3.88, 8], // 31 / 8 = 3.875: half rounds up
  ] as const)("histogram %o -> average %s over %i", (counts, avg, n) => {
    expect(ratingSummary(counts)).toMatchObject({ avgRating: avg, reviewCount: n });
  });

  it("needs a minimum sample of finished jobs for the rates", () => {
    expect(MIN_FINISHED_JOBS_FOR_RATES).toBe(3);
    expect(finishedJobRates(2, 0)).toEqual({
      completionRate: null,
      cancellationRate: null,
      reason: "too_few_finished_jobs",
    });
    expect(finishedJobRates(2, 1)).toEqual({ completionRate: 66.67, cancellationRate: 33.33, reason: null });
    expect(finishedJobRates(7, 1)).toEqual({ completionRate: 87.5, cancellationRate: 12.5, reason: null });
  });

  it.each([
    [null, "John", "D", "John D."],
    [null, "John", "d", "John D."],
    ["", "John", "D", "John D."],
    ["Johnny B.", "John", "D", "Johnny B."],
    [null, " John ", "", "John"],
    [null, "Zoë", "é", "Zoë É."],
    [null, "Ann", "😀", "Ann 😀."],
    // The initial of the last name's last word, a whole grapheme however many code points it has.
    [null, "Zoë", "😀 Quinn", "Zoë Q."],
    [null, "Ada", "King  Lovelace ", "Ada L."],
    [null, "Ana", "N\u0303un\u0303ez", "Ana N\u0303."],
    [null, "Kim", "🇳🇴", "Kim 🇳🇴."],
    [null, "Marie", "👩‍🔬", "Marie 👩‍🔬."],
  ])("display name %o / %o / %o -> %o", (displayName, first, initial, expected) => {
    expect(publicDisplayName(displayName, first, initial)).toBe(expected);
  });
});
