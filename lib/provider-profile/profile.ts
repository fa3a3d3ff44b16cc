/**
 * GET /api/provider/customers/{customerId}/profile: a customer's public profile as a provider sees
 * it. Two round trips: the access query (./access.ts), then one statement that records the view and
 * reads every figure. Stats are live and exact, never a cached copy: the rating histogram and the
 * completed/cancelled counters come from the customer's profile_stats row, which the marketplace
 * write side keeps exact in the same transaction as each job and review change (a missing row is
 * all zeros); jobs posted in six months, the top categories and the five newest reviews are read
 * from their indexes (jobs_customer_created_idx, customer_reviews_recent_idx).
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customerReviews, jobs, profileStats, profileViews } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { microsText } from "@/lib/http/keyset";
import { metrics } from "@/lib/observability/metrics";
import { loadViewableCustomer, type ProviderScope, type ViewableCustomer } from "./access";
import { badgeView, earnedBadges, isNewCustomer } from "./badges";
import { providerProfileDto, RECENT_REVIEWS, TOP_CATEGORIES, type ProviderProfileDto } from "./dto";
import { finishedJobRates, publicDisplayName, ratingSummary, type RatingCounts } from "./figures";


type FiguresRow = {
  jobs_completed: number;
  jobs_cancelled: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  jobs_posted_6mo: number;
  categories: unknown;
  recent: unknown;
  now: string;
};

type RecentRow = { rating: number; comment: string; job_category: string; at: string };
type CategoryRow = { category: string; count: number };

export async function getProviderProfile(db: Database, actor: Actor, customerId: string): Promise<ProviderProfileDto> {
  let viewable: { customer: ViewableCustomer; provider: ProviderScope };
  try {
    viewable = await loadViewableCustomer(db, actor, customerId);
  } catch (error) {
    countRefusal(error);
    throw error;
  }
  const { customer, provider } = viewable;
  const row = await recordViewAndReadFigures(db, customer.id, provider);
  metrics.profileViews.inc({ outcome: "shown" });

  const counts: RatingCounts = [row.r1, row.r2, row.r3, row.r4, row.r5];
  const ratings = ratingSummary(counts);
  const rates = finishedJobRates(row.jobs_completed, row.jobs_cancelled);
  const now = new Date(row.now);
  const badges = earnedBadges({
    memberSince: customer.createdAt,
    now,
    jobsPosted6mo: row.jobs_posted_6mo,
    jobsCompleted: row.jobs_completed,
    jobsCancelled: row.jobs_cancelled,
    reviewCount: ratings.reviewCount,
    ratingSum: ratings.ratingSum,
  });
  return providerProfileDto.parse({
    customer: {
      customer_id: customer.id,
      display_name: publicDisplayName(customer.displayName, customer.firstName, customer.lastInitial),
      avatar_url: customer.avatarUrl,
      member_since: customer.createdAt.toISOString(),
      is_new: isNewCustomer(customer.createdAt, now),
    },
    stats: {
      avg_rating: ratings.avgRating,
      review_count: ratings.reviewCount,
      jobs_posted_6mo: row.jobs_posted_6mo,
      jobs_completed: row.jobs_completed,
      jobs_cancelled: row.jobs_cancelled,
      completion_rate: rates.completionRate,
      cancellation_rate: rates.cancellationRate,
      rates_reason: rates.reason,
    },
    rating_histogram: ratings.histogram,
    recent_reviews: jsonRows<RecentRow>(row.recent).map((r) => ({
      rating: r.rating,
      comment: r.comment,
      job_category: r.job_category,
      review_date: new Date(r.at).toISOString(),
    })),
    job_categories: jsonRows<CategoryRow>(row.categories),
    badges: badges.map(badgeView),
  });
}

/**
 * One statement: the view is inserted by a data-modifying CTE, so it is recorded exactly when the
 * figures are read (both or neither) at the cost of one round trip. "now" is the database's, so
 * the six-month window and the badges use one clock.
 */
async function recordViewAndReadFigures(db: Database, customerId: string, provider: ProviderScope): Promise<FiguresRow> {
  const j = jobs;
  const r = customerReviews;
  const ps = profileStats;
  const { rows } = await db.execute<FiguresRow>(sql`
    -- A data-modifying CTE always runs to completion, referenced or not: the view is recorded.
    with viewed as (
      insert into ${profileViews} (customer_id, provider_business_id, viewer_user_id)
      values (${customerId}, ${provider.business.businessId}, ${provider.user.userId})
      returning 1
    )
    select
      coalesce(${ps.jobsCompleted}, 0)::int as jobs_completed,
      coalesce(${ps.jobsCancelled}, 0)::int as jobs_cancelled,
      coalesce(${ps.rating1Count}, 0)::int as r1,
      coalesce(${ps.rating2Count}, 0)::int as r2,
      coalesce(${ps.rating3Count}, 0)::int as r3,
      coalesce(${ps.rating4Count}, 0)::int as r4,
      coalesce(${ps.rating5Count}, 0)::int as r5,
      (select count(*)::int from ${j}
        where ${j.customerId} = ${customerId} and ${j.createdAt} >= now() - interval '6 months') as jobs_posted_6mo,
      (select coalesce(json_agg(json_build_object('category', top.category, 'count', top.n) order by top.n desc, top.category), '[]'::json)
        from (select ${j.category} as category, count(*)::int as n from ${j} where ${j.customerId} = ${customerId}
              group by ${j.category} order by n desc, ${j.category} limit ${TOP_CATEGORIES}) top) as categories,
      (select coalesce(json_agg(json_build_object('rating', rr.rating, 'comment', rr.comment, 'job_category', rr.job_category,
                'at', ${microsText(sql`rr.created_at`)}) order by rr.created_at desc, rr.id desc), '[]'::json)
        from (select ${r.id} as id, ${r.rating} as rating, ${r.comment} as comment, ${r.jobCategory} as job_category,
                     ${r.createdAt} as created_at
              from ${r} where ${r.customerId} = ${customerId} and ${r.isVisible}
              order by ${r.createdAt} desc, ${r.id} desc limit ${RECENT_REVIEWS}) rr) as recent,
      ${microsText(sql`now()`)} as now
    from (select 1) as one
    left join ${ps} on ${ps.customerId} = ${customerId}`);
  return rows[0]!;
}

/** json columns arrive parsed on every driver we use, but a string is tolerated rather than trusted. */
function jsonRows<T>(value: unknown): T[] {
  return (typeof value === "string" ? JSON.parse(value) : value) as T[];
}

/** profile_views_total counts the refusals a customer's setting causes, and unknown ids. */
function countRefusal(error: unknown) {
  if (!(error instanceof AppError)) return;
  if (error.code === "not_found") metrics.profileViews.inc({ outcome: "not_found" });
  const reason = error.details.reason;
  if (error.code === "forbidden" && (reason === "private" || reason === "no_interaction")) {
    metrics.profileViews.inc({ outcome: reason });
  }
}
