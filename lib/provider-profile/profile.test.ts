/**
 * The profile through the route handler on the real database: exact figures from profile_stats and
 * the jobs and reviews rows, rates null below the sample, the display-name rule, no private detail
 * anywhere in the JSON, and the view recorded for the customer's "who viewed me" list. Each test
 * rolls back.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { GET as viewsRoute } from "@/app/api/customer/profile/views/route";
import { GET as profileRoute } from "@/app/api/provider/customers/[customerId]/profile/route";
import { GET as reviewsRoute } from "@/app/api/provider/customers/[customerId]/reviews/route";
import type { Database } from "@/db/client";
import { customers, profileViews, rateLimits } from "@/db/schema";
import { POLICIES } from "@/lib/rate-limit";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { providerProfileDto, reviewsPageDto } from "./dto";
import { profileViewsPageDto } from "@/lib/customer-profile/dto";
import {
  createJob,
  createMarketplaceCustomer,
  createProvider,
  createSecretiveCustomer,
  insertReviews,
  SECRET,
  setProfileStats,
} from "@/test/fixtures/provider-profile";

const { as, callRoute, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

async function asProvider(db: Database, name?: string) {
  const provider = await createProvider(db, name);
  as(await resolveActor(db, provider.owner.id));
  return provider;
}

async function profileText(customerId: string) {
  const response = await callRoute(profileRoute, "GET", `/api/provider/customers/${customerId}/profile`, {
    customerId,
  });
  expect(response.status).toBe(200);
  return response.text();
}
const profileOf = async (customerId: string) => providerProfileDto.parse(JSON.parse(await profileText(customerId)));

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

const isoDaysAgo = (days: number) => daysAgo(days).toISOString();

describe("GET /api/provider/customers/{id}/profile", () => {
  it("serves exact figures: histogram average, finished-job rates, six-month jobs, categories, newest reviews", () =>
    t.inTransaction(async (db) => {
      const provider = await asProvider(db, "Figures Co");
      const { customer } = await createMarketplaceCustomer(db, "public", { createdAt: daysAgo(400) });
      // Histogram 1x1, 0x2, 1x3, 2x4, 3x5: (1 + 3 + 8 + 15) / 7 = 3.857... -> 3.86.
      await setProfileStats(db, customer.id, { completed: 7, cancelled: 2, histogram: [1, 0, 1, 2, 3] });
      for (const [category, ageDays] of [
        ["Plumbing", 10],
        ["Plumbing", 20],
        ["Plumbing", 400],
        ["Gardening", 30],
        ["Gardening", 300],
        ["Painting", 170],
        ["Windows", 190],
        ["Electrical", 500],
        ["Moving", 600],
        ["Roofing", 700],
      ] as const) {
        await createJob(db, customer.id, { category, createdAt: daysAgo(ageDays) });
      }
      // Each review adds its (completed) job, posted when reviewed: over six months ago.
      const fifthAt = isoDaysAgo(205);
      await insertReviews(db, customer.id, provider.business.id, [
        { rating: 5, at: fifthAt, comment: "fifth", category: "Plumbing" },
        { rating: 4, at: isoDaysAgo(201), comment: "newest" },
        { rating: 1, at: isoDaysAgo(200), comment: "hidden and newer", visible: false },
        { rating: 3, at: isoDaysAgo(202), comment: "second" },
        { rating: 5, at: isoDaysAgo(203), comment: "third" },
        { rating: 4, at: isoDaysAgo(204), comment: "fourth" },
        { rating: 5, at: isoDaysAgo(206), comment: "too old for five" },
      ]);

      const profile = await profileOf(customer.id);
      expect(profile.stats).toEqual({
        avg_rating: 3.86,
        review_count: 7,
        jobs_posted_6mo: 4, // 10, 20, 30 and 170 days ago
        jobs_completed: 7,
        jobs_cancelled: 2,
        completion_rate: 77.78,
        cancellation_rate: 22.22,
        rates_reason: null,
      });
      expect(profile.rating_histogram).toEqual([
        { rating: 5, count: 3 },
        { rating: 4, count: 2 },
        { rating: 3, count: 1 },
        { rating: 2, count: 0 },
        { rating: 1, count: 1 },
      ]);
      expect(profile.job_categories).toEqual([
        { category: "House cleaning", count: 6 },
        { category: "Plumbing", count: 4 },
        { category: "Gardening", count: 2 },
        { category: "Electrical", count: 1 }, // ties at 1 by name
        { category: "Moving", count: 1 },
      ]);
      expect(profile.recent_reviews.map((r) => [r.comment, r.rating])).toEqual([
        ["newest", 4],
        ["second", 3],
        ["third", 5],
        ["fourth", 4],
        ["fifth", 5],
      ]);
      expect(profile.recent_reviews[4]).toMatchObject({ job_category: "Plumbing", review_date: fifthAt });
      expect(profile.customer).toMatchObject({ customer_id: customer.id, is_new: false, avatar_url: null });
      expect(profile.badges).toEqual([]);
    }));

  it("treats a missing profile_stats row as zeros, with rates null and the reason", () =>
    t.inTransaction(async (db) => {
      await asProvider(db);
      const { customer } = await createMarketplaceCustomer(db, "public");
      const profile = await profileOf(customer.id);
      expect(profile.stats).toEqual({
        avg_rating: null,
        review_count: 0,
        jobs_posted_6mo: 0,
        jobs_completed: 0,
        jobs_cancelled: 0,
        completion_rate: null,
        cancellation_rate: null,
        rates_reason: "too_few_finished_jobs",
      });
      expect(profile.rating_histogram.map((b) => b.count)).toEqual([0, 0, 0, 0, 0]);
      expect(profile).toMatchObject({ recent_reviews: [], job_categories: [] });
      // Joined just now: new, and badged so.
      expect(profile.customer.is_new).toBe(true);
      expect(profile.badges).toEqual([
        { type: "new_customer", label: "New customer", description: "Joined in the last 30 days." },
      ]);
    }));

  it.each([
    [2, 0, null],
    [0, 2, null],
    [1, 1, null],
    [3, 0, [100, 0]],
    [2, 1, [66.67, 33.33]],
    [1, 2, [33.33, 66.67]],
    [0, 3, [0, 100]],
    [5, 3, [62.5, 37.5]],
  ] as const)(
    "rates with %i completed and %i cancelled -> %o (a sample of 3 finished jobs)",
    (completed, cancelled, rates) =>
      t.inTransaction(async (db) => {
        await asProvider(db);
        const { customer } = await createMarketplaceCustomer(db, "public");
        await setProfileStats(db, customer.id, { completed, cancelled });
        // Open and booked jobs are not finished: they never count against the customer.
        await createJob(db, customer.id, { status: "open" });
        await createJob(db, customer.id, { status: "booked" });
        const { stats } = await profileOf(customer.id);
        expect([stats.completion_rate, stats.cancellation_rate, stats.rates_reason]).toEqual(
          rates ? [...rates, null] : [null, null, "too_few_finished_jobs"],
        );
      }),
  );

  it.each([
    [
      "no display name: first name and last initial",
      { firstName: "John", lastName: "doe", displayName: null },
      "John D.",
    ],
    [
      "a chosen display name wins",
      { firstName: "John", lastName: "Doe", displayName: "Johnny the Builder" },
      "Johnny the Builder",
    ],
    ["a blank display name is no choice", { firstName: "John", lastName: "Doe", displayName: "  " }, "John D."],
    ["no last name: the first name alone", { firstName: "Madonna", lastName: "", displayName: null }, "Madonna"],
    ["a non-Latin initial", { firstName: "Łucja", lastName: "Ørsted", displayName: null }, "Łucja Ø."],
    ["the last word's initial", { firstName: "Zoë", lastName: "😀 Quinn", displayName: null }, "Zoë Q."],
    // Initials of several code points arrive whole: the query sends enough to cut one grapheme.
    ["a decomposed Ñ", { firstName: "Ana", lastName: "N\u0303un\u0303ez", displayName: null }, "Ana N\u0303."],
    ["a flag", { firstName: "Kim", lastName: "🇳🇴", displayName: null }, "Kim 🇳🇴."],
    ["a ZWJ sequence", { firstName: "Marie", lastName: "Curie 👩‍🔬", displayName: null }, "Marie 👩‍🔬."],
  ])("display_name: %s", (_, values, expected) =>
    t.inTransaction(async (db) => {
      await asProvider(db);
      const { customer } = await createMarketplaceCustomer(db, "public", values);
      expect((await profileOf(customer.id)).customer.display_name).toBe(expected);
    }),
  );

  it("contains no email, phone, address, last name or Stripe id, on the profile and the reviews", () =>
    t.inTransaction(async (db) => {
      const provider = await asProvider(db);
      const { customer } = await createSecretiveCustomer(db, "public");
      await setProfileStats(db, customer.id, { completed: 3, histogram: [0, 0, 0, 0, 1] });
      await insertReviews(db, customer.id, provider.business.id, [
        { rating: 5, at: isoDaysAgo(3), comment: "Lovely to work with" },
      ]);
      const profileJson = await profileText(customer.id);
      const reviews = await callRoute(reviewsRoute, "GET", `/api/provider/customers/${customer.id}/reviews`, {
        customerId: customer.id,
      });
      const reviewsJson = await reviews.text();
      reviewsPageDto.parse(JSON.parse(reviewsJson));
      expect(providerProfileDto.parse(JSON.parse(profileJson)).customer.display_name).toBe("Zelda Q.");
      for (const text of [profileJson, reviewsJson]) {
        const haystack = text.toLowerCase();
        for (const secret of [
          ...Object.values(SECRET),
          SECRET.lastName.slice(1),
          SECRET.email.split("@")[0]!,
          "0199",
        ]) {
          expect(haystack, secret).not.toContain(secret.toLowerCase());
        }
      }
    }));
});

describe("profile views", () => {
  it("records each view (business, user, when) and lists them for the customer, newest first", () =>
    t.inTransaction(async (db) => {
      const { customer, user } = await createMarketplaceCustomer(db, "public");
      const first = await createProvider(db, "First Looker");
      const second = await createProvider(db, "Second Looker");
      as(await resolveActor(db, first.owner.id));
      await profileOf(customer.id);
      as(await resolveActor(db, second.owner.id));
      await profileOf(customer.id);
      // Review pages are not profile views.
      await callRoute(reviewsRoute, "GET", `/api/provider/customers/${customer.id}/reviews`, {
        customerId: customer.id,
      });

      const rows = await db.select().from(profileViews).where(eq(profileViews.customerId, customer.id));
      expect(rows.map((r) => [r.providerBusinessId, r.viewerUserId]).sort()).toEqual(
        [
          [first.business.id, first.owner.id],
          [second.business.id, second.owner.id],
        ].sort(),
      );

      // Within one transaction both views have the same now(): the id breaks the tie.
      as(await resolveActor(db, user.id));
      const page1 = profileViewsPageDto.parse(
        await (await callRoute(viewsRoute, "GET", "/api/customer/profile/views?limit=1", {})).json(),
      );
      expect(page1.pagination).toMatchObject({ has_more: true, limit: 1 });
      const page2 = profileViewsPageDto.parse(
        await (
          await callRoute(
            viewsRoute,
            "GET",
            `/api/customer/profile/views?limit=1&cursor=${page1.pagination.next_cursor}`,
            {},
          )
        ).json(),
      );
      expect(page2.pagination).toEqual({ has_more: false, next_cursor: null, limit: 1 });
      expect([...page1.views, ...page2.views].map((v) => v.provider_name).sort()).toEqual([
        "First Looker",
        "Second Looker",
      ]);
      expect(page1.views[0]!.viewed_at).toEqual(rows[0]!.viewedAt.toISOString());
    }));

  it("pages many views with equal times without gap or repeat, newest first, and only the customer's own", () =>
    t.inTransaction(async (db) => {
      const { customer, user } = await createMarketplaceCustomer(db, "public");
      const { customer: someoneElse } = await createMarketplaceCustomer(db, "public");
      const provider = await createProvider(db, "Frequent Looker");
      const times = [
        "2026-05-01T10:00:00Z",
        "2026-05-01T10:00:00Z",
        "2026-05-01T10:00:00.000001Z",
        "2026-04-01T00:00:00Z",
      ];
      for (let i = 0; i < 13; i++) {
        await db.insert(profileViews).values({
          customerId: customer.id,
          providerBusinessId: provider.business.id,
          viewedAt: new Date(times[i % times.length]!),
        });
      }
      await db.insert(profileViews).values({ customerId: someoneElse.id, providerBusinessId: provider.business.id });
      as(await resolveActor(db, user.id));
      const seen: { id: string; at: string }[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/customer/profile/views?limit=4${cursor ? `&cursor=${cursor}` : ""}`;
        const page = profileViewsPageDto.parse(await (await callRoute(viewsRoute, "GET", url, {})).json());
        seen.push(...page.views.map((v) => ({ id: v.view_id, at: v.viewed_at })));
        cursor = page.pagination.next_cursor;
      } while (cursor);
      expect(seen).toHaveLength(13);
      expect(new Set(seen.map((v) => v.id)).size).toBe(13);
      expect(seen.map((v) => v.at)).toEqual([...seen.map((v) => v.at)].sort().reverse());
    }));

  it("is for customers: a provider without a customer profile is refused, a bad cursor is a 400", () =>
    t.inTransaction(async (db) => {
      await asProvider(db);
      const refused = await callRoute(viewsRoute, "GET", "/api/customer/profile/views", {});
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.reason).toBe("not_a_customer");
      const { user } = await createMarketplaceCustomer(db, "public");
      as(await resolveActor(db, user.id));
      expect((await callRoute(viewsRoute, "GET", "/api/customer/profile/views?cursor=xyz", {})).status).toBe(400);
      expect((await callRoute(viewsRoute, "GET", "/api/customer/profile/views?limit=51", {})).status).toBe(400);
    }));
});

describe("a customer changing visibility", () => {
  it("takes effect on the next view: no cache stands between the setting and the answer", () =>
    t.inTransaction(async (db) => {
      await asProvider(db);
      const { customer } = await createMarketplaceCustomer(db, "public");
      await profileOf(customer.id);
      await db.update(customers).set({ providerVisibility: "private" }).where(eq(customers.id, customer.id));
      const response = await callRoute(profileRoute, "GET", `/api/provider/customers/${customer.id}/profile`, {
        customerId: customer.id,
      });
      expect(response.status).toBe(403);
    }));

  it("charges profileView in its own statement: RateLimit-* on each answer, even a 404; once spent a 429 that records no view", () =>
    t.inTransaction(async (db) => {
      const provider = await asProvider(db);
      const { customer } = await createMarketplaceCustomer(db, "public");
      const perUser = POLICIES.profileView.find((l) => l.per === "user")!;
      const get = (customerId: string) =>
        callRoute(profileRoute, "GET", `/api/provider/customers/${customerId}/profile`, { customerId });

      const first = await get(customer.id);
      expect(first.status).toBe(200);
      expect(first.headers.get("ratelimit-remaining")).toBe(String(perUser.points - 1));
      const unknown = await get(randomUUID());
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get("ratelimit-remaining")).toBe(String(perUser.points - 2));

      // Spend the rest of this user's window, as if from many earlier requests.
      await db
        .update(rateLimits)
        .set({ points: perUser.points })
        .where(eq(rateLimits.key, `profileView:user:${provider.owner.id}`));
      const refused = await get(customer.id);
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.code).toBe("rate_limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const views = await db.select().from(profileViews).where(eq(profileViews.customerId, customer.id));
      expect(views).toHaveLength(1); // the first answer's, not the refused one's
    }));
});
