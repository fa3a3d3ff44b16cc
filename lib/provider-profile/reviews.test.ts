/**
 * Review pages through the route handler on the real database: walking every page under each sort,
 * with many equal ratings and equal timestamps (and timestamps a microsecond apart), returns every
 * visible review exactly once, in the order a plain ORDER BY over the whole set gives; hidden
 * reviews never appear; cursors are checked. Each test rolls back.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/provider/customers/[customerId]/reviews/route";
import type { Database } from "@/db/client";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { encodeCursor } from "./cursor";
import { reviewsPageDto } from "./dto";
import {
  createMarketplaceCustomer,
  createProvider,
  insertReviews,
  type ReviewSpec,
} from "@/test/fixtures/provider-profile";
import type { ReviewSort } from "./inputs";

const { as, callRoute, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const SAME = "2026-03-01T12:00:00.000000Z";
/** 37 reviews: 12 at one instant, 6 a microsecond apart, the rest spread, ratings heavily tied; 5 hidden. */
function reviewSpecs(): ReviewSpec[] {
  const specs: ReviewSpec[] = [];
  for (let i = 0; i < 12; i++) specs.push({ rating: [5, 5, 3, 1][i % 4]!, at: SAME, comment: `same ${i}` });
  for (let i = 0; i < 6; i++)
    specs.push({ rating: i % 2 ? 4 : 5, at: `2026-03-01T12:00:00.00000${i + 1}Z`, comment: `micro ${i}` });
  for (let i = 0; i < 14; i++)
    specs.push({
      rating: (i % 5) + 1,
      at: `2026-02-${String(10 + (i % 4)).padStart(2, "0")}T08:00:00Z`,
      comment: `spread ${i}`,
    });
  for (let i = 0; i < 5; i++)
    specs.push({
      rating: (i % 5) + 1,
      at: i < 2 ? SAME : "2026-02-11T08:00:00Z",
      visible: false,
      comment: `hidden ${i}`,
    });
  return specs;
}

const ORACLE: Record<ReviewSort, string> = {
  recent: "created_at desc, id desc",
  highest: "rating desc, created_at desc, id desc",
  lowest: "rating asc, created_at desc, id desc",
};

async function setup(db: Database) {
  const reviewer = await createProvider(db, "Reviewer & Co");
  const looking = await createProvider(db);
  const { customer } = await createMarketplaceCustomer(db, "public");
  await insertReviews(db, customer.id, reviewer.business.id, reviewSpecs());
  // Another customer's reviews must never leak into these pages.
  const { customer: neighbour } = await createMarketplaceCustomer(db, "public");
  await insertReviews(db, neighbour.id, reviewer.business.id, [{ rating: 5, at: SAME, comment: "neighbour" }]);
  as(await resolveActor(db, looking.owner.id));
  return { customerId: customer.id };
}

async function page(customerId: string, query: string) {
  const response = await callRoute(GET, "GET", `/api/provider/customers/${customerId}/reviews?${query}`, {
    customerId,
  });
  return { status: response.status, body: await response.json() };
}

async function walk(customerId: string, sort: ReviewSort, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const { status, body } = await page(customerId, `sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(status).toBe(200);
    const parsed = reviewsPageDto.parse(body);
    expect(parsed.pagination.limit).toBe(limit);
    expect(parsed.reviews.length).toBeLessThanOrEqual(limit);
    ids.push(...parsed.reviews.map((r) => r.review_id));
    if (!parsed.pagination.has_more) {
      expect(parsed.pagination.next_cursor).toBeNull();
      return ids;
    }
    expect(parsed.reviews).toHaveLength(limit);
    cursor = parsed.pagination.next_cursor;
  }
  throw new Error("the walk did not end");
}

describe("GET /api/provider/customers/{id}/reviews", () => {
  it.each([
    ["recent", 1],
    ["recent", 4],
    ["highest", 1],
    ["highest", 5],
    ["lowest", 1],
    ["lowest", 7],
    ["highest", 50],
  ] as const)("walks every visible review once, in order, under sort=%s with limit %i", (sort, limit) =>
    t.inTransaction(async (db) => {
      const { customerId } = await setup(db);
      const { rows } = await db.execute<{ id: string }>(
        sql`select id from customer_reviews where customer_id = ${customerId} and is_visible order by ${sql.raw(ORACLE[sort])}`,
      );
      const expected = rows.map((r) => r.id);
      expect(expected).toHaveLength(32);
      const walked = await walk(customerId, sort, limit);
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked).toEqual(expected);
    }),
  );

  it("orders ratings and dates as each sort says, never shows hidden reviews, and formats dates", () =>
    t.inTransaction(async (db) => {
      const { customerId } = await setup(db);
      const all = reviewsPageDto.parse((await page(customerId, "sort=lowest&limit=50")).body).reviews;
      expect(all).toHaveLength(32);
      expect(all.some((r) => r.comment.startsWith("hidden") || r.comment === "neighbour")).toBe(false);
      expect(all.map((r) => r.rating)).toEqual([...all.map((r) => r.rating)].sort((a, b) => a - b));
      expect(all[0]).toMatchObject({ provider_name: "Reviewer & Co", job_category: "House cleaning" });
      const first = reviewsPageDto.parse((await page(customerId, "limit=3")).body);
      expect(first.reviews.map((r) => r.comment)).toEqual(["micro 5", "micro 4", "micro 3"]);
      expect(first.reviews[0]).toMatchObject({
        review_date: "2026-03-01T12:00:00.000Z",
        formatted_date: "March 1, 2026",
      });
      expect(first.pagination).toMatchObject({ has_more: true, limit: 3 });
      // Default page size.
      expect(reviewsPageDto.parse((await page(customerId, "")).body).reviews).toHaveLength(10);
    }));

  it("refuses bad limits, sorts and cursors with 400", () =>
    t.inTransaction(async (db) => {
      const { customerId } = await setup(db);
      const recentCursor = reviewsPageDto.parse((await page(customerId, "sort=recent&limit=2")).body).pagination
        .next_cursor!;
      const highestCursor = reviewsPageDto.parse((await page(customerId, "sort=highest&limit=2")).body).pagination
        .next_cursor!;
      const forged = encodeCursor({ o: "highest", t: "2026-03-01T12:00:00.000000Z", r: 9 as 5, i: customerId });
      for (const query of [
        "limit=0",
        "limit=51",
        "limit=ten",
        "sort=newest",
        "cursor=not-a-cursor",
        `sort=highest&cursor=${recentCursor}`,
        `sort=lowest&cursor=${highestCursor}`,
        `sort=recent&cursor=${highestCursor}`,
        `sort=highest&cursor=${forged}`,
      ]) {
        const { status, body } = await page(customerId, query);
        expect(status, query).toBe(400);
        expect(body.error.code, query).toBe("bad_request");
      }
      const { body } = await page(customerId, `sort=highest&cursor=${recentCursor}`);
      expect(body.error.message).toMatch(/another sort/);
    }));

  it("answers an empty page for a customer without reviews", () =>
    t.inTransaction(async (db) => {
      const provider = await createProvider(db);
      const { customer } = await createMarketplaceCustomer(db, "public");
      as(await resolveActor(db, provider.owner.id));
      for (const sort of ["recent", "highest", "lowest"]) {
        expect((await page(customer.id, `sort=${sort}`)).body).toEqual({
          reviews: [],
          pagination: { has_more: false, next_cursor: null, limit: 10 },
        });
      }
    }));
});
