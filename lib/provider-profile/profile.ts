/**
 * GET /api/provider/customers/{customerId}/profile: a customer's public profile as a provider sees
 * it, in ONE round trip: the statement charges the profileView rate limit, reads the customer with
 * the facts the access rule needs, records the view only where that rule (PROFILE_AUDIENCE, lib/authz/policy.ts, applied in SQL by
 * ./access.ts) allows it, and reads every figure; then the same rule decides in code which answer
 * (profile, 403 with its reason, 404) the caller gets. Stats are live and exact, never a cached
 * copy: the rating histogram and the completed/cancelled counters come from the customer's
 * profile_stats row, which the marketplace write side keeps exact in the same transaction as each
 * job and review change (a missing row is all zeros), and so are the per-category job counts behind
 * the top categories (profile_job_categories); jobs posted in six months and the five newest
 * reviews are read from their indexes (jobs_customer_created_idx, customer_reviews_recent_idx),
 * each review marked while the customer's dispute of it awaits a moderator's decision.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatements } from "@/db/prepared";
import {
  customerReviews,
  customers,
  jobs,
  profileJobCategories,
  profileStats,
  profileViews,
  reviewAwaitingModeration,
  type ProviderVisibility,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertMayViewCustomerProfile, requireProvider } from "@/lib/authz/policy";
import { AppError, notFound } from "@/lib/errors";
import { microsText } from "@/lib/http/keyset";
import { metrics } from "@/lib/observability/metrics";
import {
  chargeRefusedSql,
  chargeSql,
  policy,
  statementCharge,
  type ChargedRow,
  type StatementCharge,
} from "@/lib/rate-limit";
import { hasInteractionSql, mayViewSql } from "./access";
import { badgeView, earnedBadges, isNewCustomer } from "@/lib/customer-profile/badges";
import { providerProfileDto, RECENT_REVIEWS, TOP_CATEGORIES, type ProviderProfileDto } from "./dto";
import {
  finishedJobRates,
  lastNameInitialSql,
  publicDisplayName,
  ratingSummary,
  type RatingCounts,
} from "@/lib/customer-profile/figures";

type ProfileRow = {
  /** Null when no customer has that id (the row is still there, to return the charge). */
  id: string | null;
  first_name: string;
  last_initial: string;
  display_name: string | null;
  avatar_url: string | null;
  member_since: string;
  visibility: ProviderVisibility;
  has_interaction: boolean;
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
  charged: ChargedRow[];
};

type RecentRow = { rating: number; comment: string; job_category: string; at: string; under_dispute: boolean };
type CategoryRow = { category: string; count: number };

/**
 * The profile for `actor`, charged to the profileView rate limit (per user, business and the
 * caller's `ip`) by the same statement: a refused charge is a 429 and neither records the view nor
 * reads a figure.
 */
export async function getProviderProfile(
  db: Database,
  actor: Actor,
  customerId: string,
  ip: string,
): Promise<ProviderProfileDto> {
  // Who is asking is checked before the database is read, so a non-provider cannot probe ids.
  const provider = requireProvider(actor);
  const charge = statementCharge(policy("profileView"), { actor, ip })!; // a provider is a user: always charged
  const rows = await profileStatement(charge.rowCount)(db, {
    ...charge.values,
    customerId,
    businessId: provider.business.businessId,
    userId: provider.user.userId,
  });
  const row = rows[0]!; // always one row, an unknown id's too
  charge.settle(row.charged);
  try {
    if (row.id === null) throw notFound("That customer");
    assertMayViewCustomerProfile(actor, { visibility: row.visibility }, row.has_interaction);
  } catch (error) {
    countRefusal(error);
    throw error;
  }
  metrics.profileViews.inc({ outcome: "shown" });
  const memberSince = new Date(row.member_since);

  const counts: RatingCounts = [row.r1, row.r2, row.r3, row.r4, row.r5];
  const ratings = ratingSummary(counts);
  const rates = finishedJobRates(row.jobs_completed, row.jobs_cancelled);
  const now = new Date(row.now);
  const badges = earnedBadges({
    memberSince,
    now,
    jobsPosted6mo: row.jobs_posted_6mo,
    jobsCompleted: row.jobs_completed,
    jobsCancelled: row.jobs_cancelled,
    reviewCount: ratings.reviewCount,
    ratingSum: ratings.ratingSum,
  });
  return providerProfileDto.parse({
    customer: {
      customer_id: row.id,
      display_name: publicDisplayName(row.display_name, row.first_name, row.last_initial),
      avatar_url: row.avatar_url,
      member_since: memberSince.toISOString(),
      is_new: isNewCustomer(memberSince, now),
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
      under_dispute: r.under_dispute,
    })),
    job_categories: jsonRows<CategoryRow>(row.categories),
    badges: badges.map(badgeView),
  });
}

const c = customers;
const j = jobs;
const r = customerReviews;
const ps = profileStats;
const pc = profileJobCategories;
const customerParam = sql.placeholder("customerId");
const businessParam = sql.placeholder("businessId");
const shown = sql`exists (select 1 from allowed)`;

/**
 * The statement. The rate-limit charge and the view are data-modifying CTEs; the view is inserted
 * over `allowed` (permitted and not over the limit), so it is recorded exactly when the profile is
 * shown (both or neither); the figures are computed only then too. Charging here rather than before
 * the handler saves a round trip on every profile request (BENCHMARKS.md).
 * "now" is the database's, so the six-month window and the badges use one clock.
 *
 * It commits asynchronously (set_config(..., true) lasts only for its own implicit transaction):
 * it does not wait for the write-ahead log to reach the disk. The view is still atomic and
 * ordered; only a crash of the database server within a fraction of a second could lose it, which
 * a "who viewed your profile" list can afford. Waiting for that flush was the largest part of the
 * statement's cost (4,000 against 6,200 inserts/s on the bench machine).
 *
 * It is rendered once and sent as a named prepared statement (db/prepared.ts): Postgres then stops
 * planning it, which was half of its time on the server.
 */
type ProfileValues = { customerId: string; businessId: string; userId: string } & StatementCharge["values"];
/** By the charge's number of limits (three for a provider: user, business, IP). */
const profileStatement = preparedStatements<ProfileValues, ProfileRow>("provider_profile", profileSql);

function profileSql(chargeRows: number) {
  return sql`
    with charged as (${chargeSql(chargeRows)}),
    viewed_customer as (
      select ${c.id} as id, ${c.firstName} as first_name, ${lastNameInitialSql(c.lastName)} as last_initial,
             ${c.displayName} as display_name, ${c.avatarUrl} as avatar_url,
             ${microsText(c.createdAt)} as member_since, ${c.providerVisibility} as visibility,
             ${hasInteractionSql(businessParam)} as has_interaction
      from ${c} where ${c.id} = ${customerParam}
    ),
    allowed as (
      select id from viewed_customer
      where ${mayViewSql(sql`visibility`, sql`has_interaction`)} and not ${chargeRefusedSql(sql`charged`, chargeRows)}
    ),
    -- A data-modifying CTE always runs to completion, referenced or not: the view is recorded.
    viewed as (
      insert into ${profileViews} (customer_id, provider_business_id, viewer_user_id)
      select id, ${businessParam}, ${sql.placeholder("userId")} from allowed
      returning 1
    )
    select
      vc.*,
      coalesce(${ps.jobsCompleted}, 0)::int as jobs_completed,
      coalesce(${ps.jobsCancelled}, 0)::int as jobs_cancelled,
      coalesce(${ps.rating1Count}, 0)::int as r1,
      coalesce(${ps.rating2Count}, 0)::int as r2,
      coalesce(${ps.rating3Count}, 0)::int as r3,
      coalesce(${ps.rating4Count}, 0)::int as r4,
      coalesce(${ps.rating5Count}, 0)::int as r5,
      case when ${shown} then (select count(*)::int from ${j}
        where ${j.customerId} = ${customerParam} and ${j.createdAt} >= now() - interval '6 months') end as jobs_posted_6mo,
      case when ${shown} then (select coalesce(json_agg(json_build_object('category', top.category, 'count', top.n) order by top.n desc, top.category), '[]'::json)
        from (select ${pc.category} as category, ${pc.jobs} as n from ${pc} where ${pc.customerId} = ${customerParam} and ${pc.jobs} > 0
              order by ${pc.jobs} desc, ${pc.category} limit ${TOP_CATEGORIES}) top) end as categories,
      case when ${shown} then (select coalesce(json_agg(json_build_object('rating', rr.rating, 'comment', rr.comment, 'job_category', rr.job_category,
                'at', ${microsText(sql`rr.created_at`)}, 'under_dispute', rr.under_dispute) order by rr.created_at desc, rr.id desc), '[]'::json)
        from (select ${r.id} as id, ${r.rating} as rating, ${r.comment} as comment, ${r.jobCategory} as job_category,
                     ${r.createdAt} as created_at, (${reviewAwaitingModeration(r)}) as under_dispute
              from ${r} where ${r.customerId} = ${customerParam} and ${r.isVisible}
              order by ${r.createdAt} desc, ${r.id} desc limit ${RECENT_REVIEWS}) rr) end as recent,
      ${microsText(sql`now()`)} as now,
      (select json_agg(json_build_object('key', key, 'points', points, 'ms_left', ms_left)) from charged) as charged,
      set_config('synchronous_commit', 'off', true) as asynchronous_commit
    -- One row even for an unknown id, so the charge comes back to be settled.
    from (select) as one
    left join viewed_customer vc on true
    left join ${ps} on ${ps.customerId} = vc.id`;
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
