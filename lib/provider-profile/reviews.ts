/**
 * GET /api/provider/customers/{customerId}/reviews: a customer's visible reviews a page at a time
 * (each marked while the customer's dispute of it awaits a moderator's decision),
 * under the same access policy as the profile, by keyset (never OFFSET), so a deep page costs what
 * the first one costs and rows with equal ratings and equal timestamps are neither skipped nor
 * repeated: every order ends in `created_at desc, id desc`, which is total.
 *
 * - recent: one range scan of customer_reviews_recent_idx from `(created_at, id) < cursor`.
 * - highest / lowest mix directions (rating one way, time newest first), which no single range
 *   of customer_reviews_rating_idx (customer_id, rating, created_at desc, id desc) can serve, and
 *   an OR condition would make Postgres read and discard every row before the cursor. Ratings are
 *   only 1-5, so the page is a UNION ALL of one branch per remaining rating, in the sort's rating
 *   order, each `rating = k` branch a forward range scan of that index in (created_at desc, id desc)
 *   order and limited to the page size; the cursor's own rating resumes from the cursor. At most
 *   five short scans, then a sort of at most 5 x (limit + 1) rows. See docs/provider-profile.md for
 *   the plans.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { executePrepared } from "@/db/prepared";
import { businesses, customerReviews as r, reviewAwaitingModeration } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertMayViewCustomer } from "./access";
import { keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { decodeCursor, encodeCursor, type CursorPosition } from "./cursor";
import { reviewsPageDto, type ReviewsPageDto } from "./dto";
import type { ReviewSort, ReviewsQuery } from "./inputs";

type ReviewRow = {
  id: string;
  rating: number;
  comment: string;
  job_category: string;
  provider_name: string;
  at: string;
  under_dispute: boolean;
};

/** The rating values in the order each rating sort visits them. */
const RATING_ORDER: Record<Exclude<ReviewSort, "recent">, number[]> = {
  highest: [5, 4, 3, 2, 1],
  lowest: [1, 2, 3, 4, 5],
};

/** The full order of each sort, over the columns of a subquery `alias` (constant text, never input). */
const ORDER_KEYS: Record<ReviewSort, string> = {
  recent: "created_at desc, id desc",
  highest: "rating desc, created_at desc, id desc",
  lowest: "rating asc, created_at desc, id desc",
};
const orderBy = (sort: ReviewSort, alias: "candidates" | "page") =>
  sql.raw(ORDER_KEYS[sort].replace(/(\w+) (asc|desc)/g, `${alias}.$1 $2`));

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export async function listCustomerReviews(
  db: Database,
  actor: Actor,
  customerId: string,
  query: ReviewsQuery,
): Promise<ReviewsPageDto> {
  await assertMayViewCustomer(db, actor, customerId);
  return readReviewsPage(db, customerId, query);
}

/**
 * A page of a customer's visible reviews, without the access decision: only for callers that have
 * just made it (the profile page, right after getProviderProfile allowed the view).
 */
export async function readReviewsPage(db: Database, customerId: string, query: ReviewsQuery): Promise<ReviewsPageDto> {
  const { sort, limit } = query;
  const after = query.cursor ? decodeCursor(query.cursor, sort, sort !== "recent") : null;

  const branches =
    sort === "recent" ? [branch(customerId, limit, after)] : ratingBranches(customerId, sort, limit, after);
  const rows = await executePrepared<ReviewRow>(
    db,
    "customer_reviews_page",
    sql`
    select page.id, page.rating::int as rating, page.comment, page.job_category, ${businesses.name} as provider_name,
      ${microsText(sql`page.created_at`)} as at, page.under_dispute
    from (
      select * from (${sql.join(branches, sql` union all `)}) as candidates
      order by ${orderBy(sort, "candidates")} limit ${limit + 1}
    ) as page
    join ${businesses} on ${businesses.id} = page.provider_business_id
    order by ${orderBy(sort, "page")}`,
  );

  const { page, pagination } = keysetPage(rows, limit, (last) =>
    encodeCursor({ o: sort, t: last.at, ...(sort !== "recent" && { r: last.rating }), i: last.id }),
  );
  return reviewsPageDto.parse({
    reviews: page.map((row) => {
      const at = new Date(row.at);
      return {
        review_id: row.id,
        rating: row.rating,
        comment: row.comment,
        job_category: row.job_category,
        provider_name: row.provider_name,
        review_date: at.toISOString(),
        formatted_date: dateFormat.format(at),
        under_dispute: row.under_dispute,
      };
    }),
    pagination,
  });
}

/**
 * One branch: the customer's visible reviews (the indexes are partial on is_visible, so hidden
 * ones are never even read), optionally of one rating, in (created_at desc, id desc) order from
 * the cursor, at most a page and one.
 */
function branch(customerId: string, limit: number, after: CursorPosition | null, rating?: number): SQL {
  return sql`(select ${r.id} as id, ${r.rating} as rating, ${r.comment} as comment, ${r.jobCategory} as job_category,
      ${r.providerBusinessId} as provider_business_id, ${r.createdAt} as created_at,
      (${reviewAwaitingModeration(r)}) as under_dispute
    from ${r}
    where ${r.customerId} = ${customerId} and ${r.isVisible}
      ${rating === undefined ? sql`` : sql`and ${r.rating} = ${rating}`}
      ${after ? sql`and ${olderThan(after, r.createdAt, r.id)}` : sql``}
    order by ${r.createdAt} desc, ${r.id} desc
    limit ${limit + 1})`;
}

/** The branches of a rating sort: the cursor's rating from the cursor on, then each later rating whole. */
function ratingBranches(
  customerId: string,
  sort: "highest" | "lowest",
  limit: number,
  after: CursorPosition | null,
): SQL[] {
  const ratings = RATING_ORDER[sort];
  const start = after ? ratings.indexOf(after.r!) : 0;
  return ratings.slice(start).map((rating, i) => branch(customerId, limit, i === 0 ? after : null, rating));
}
