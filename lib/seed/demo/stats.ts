/**
 * Rows derived from the rest of the demo world, computed last so they agree with it: each
 * customer's achievement progress (unlocked at the moment the target was reached) and the
 * profile_stats counters as lib/customer-profile/stats-definition.ts defines them (the stats
 * oracle holds this to it): jobs posted and completed, cancellations split by who cancelled and
 * whether a provider was booked, the histogram of visible reviews (reviews_received is its sum),
 * and last_active_at as the latest of joining, posting, booking, a message sent, a cancellation by
 * the customer, a dispute and an order; and the jobs each customer posted per category
 * (profile_job_categories).
 */
import { ACHIEVEMENTS, type AchievementCode } from "./engagement";
import type { People } from "./people";
import type { Ctx } from "./world";

type Events = Record<AchievementCode, Date[]>;
type Histogram = [number, number, number, number, number];

export function buildStats(ctx: Ctx, people: People) {
  const { world, anchor } = ctx;
  const byCustomer = new Map<
    string,
    Events & {
      posted: number;
      /** Cancelled by the customer after booking a provider: the only cancellations held against them. */
      cancelled: number;
      /** Cancelled by the customer before booking anyone. */
      withdrawn: number;
      cancelledByProvider: number;
      orders: number;
      spentUsd: number;
      active: Date[];
      ratings: Histogram;
      /** Jobs posted per category. */
      categories: Map<string, number>;
    }
  >();
  for (const c of people.all) {
    byCustomer.set(c.id, {
      first_job: [],
      first_booking: [],
      jobs_completed_5: [],
      jobs_completed_20: [],
      five_star: [],
      reviews_10: [],
      first_order: [],
      connector: [],
      posted: 0,
      cancelled: 0,
      withdrawn: 0,
      cancelledByProvider: 0,
      orders: 0,
      spentUsd: 0,
      active: [c.createdAt],
      ratings: [0, 0, 0, 0, 0],
      categories: new Map(),
    });
  }
  const of = (customerId: string | null | undefined) => byCustomer.get(customerId!)!;

  const customerOfJob = new Map<string, string>();
  const bookedJobs = new Set(world.bookings.map((booking) => booking.jobId));
  for (const job of world.jobs) {
    const e = of(job.customerId);
    customerOfJob.set(job.id!, job.customerId);
    e.posted++;
    e.categories.set(job.category, (e.categories.get(job.category) ?? 0) + 1);
    e.first_job.push(job.createdAt!);
    e.active.push(job.createdAt!);
    if (job.completedAt) {
      e.jobs_completed_5.push(job.completedAt);
      e.jobs_completed_20.push(job.completedAt);
    }
    if (job.status === "cancelled" && job.cancelledBy === "provider") e.cancelledByProvider++;
    if (job.status === "cancelled" && job.cancelledBy === "customer") {
      if (bookedJobs.has(job.id!)) e.cancelled++;
      else e.withdrawn++;
    }
    if (job.cancelledBy === "customer") e.active.push(job.cancelledAt!);
  }
  for (const booking of world.bookings) {
    of(booking.customerId).first_booking.push(booking.createdAt!);
    of(booking.customerId).active.push(booking.createdAt!);
  }
  for (const message of world.jobMessages) {
    if (message.senderRole === "customer") of(customerOfJob.get(message.jobId)).active.push(message.createdAt!);
  }
  for (const review of world.customerReviews) {
    const e = of(review.customerId);
    if (review.disputedAt) e.active.push(review.disputedAt);
    if (!review.isVisible) continue;
    e.reviews_10.push(review.createdAt!);
    e.ratings[review.rating - 1]!++;
    if (review.rating === 5) e.five_star.push(review.createdAt!);
  }
  for (const order of world.orderSnapshots) {
    const e = of(order.customerId);
    e.orders++;
    e.active.push(order.placedAt);
    const settled = order.status === "paid" || order.status === "refunded" || order.status === "partially_refunded";
    if (settled) e.first_order.push(order.placedAt);
    if (settled && order.currency === "USD") e.spentUsd += order.amountMinor - (order.amountRefundedMinor ?? 0);
  }
  for (const c of world.connections) {
    if (c.status !== "accepted") continue;
    of(c.requesterId).connector.push(c.respondedAt!);
    of(c.addresseeId).connector.push(c.respondedAt!);
  }

  for (const [customerId, e] of byCustomer) {
    for (const a of ACHIEVEMENTS) {
      const times = e[a.code].sort((x, y) => x.getTime() - y.getTime());
      if (!times.length) continue;
      const unlockedAt = times.length >= a.target ? times[a.target - 1]! : null;
      world.customerAchievements.push({
        customerId,
        achievementCode: a.code,
        progress: Math.min(times.length, a.target),
        unlockedAt,
        updatedAt: unlockedAt ?? times[times.length - 1]!,
      });
    }
    world.profileStats.push({
      customerId,
      jobsPosted: e.posted,
      jobsCompleted: e.jobs_completed_5.length,
      jobsCancelled: e.cancelled,
      jobsWithdrawn: e.withdrawn,
      jobsCancelledByProvider: e.cancelledByProvider,
      reviewsReceived: e.reviews_10.length,
      rating1Count: e.ratings[0],
      rating2Count: e.ratings[1],
      rating3Count: e.ratings[2],
      rating4Count: e.ratings[3],
      rating5Count: e.ratings[4],
      ordersCount: e.orders,
      totalSpentMinor: e.spentUsd,
      currency: "USD",
      lastActiveAt: new Date(Math.max(...e.active.map((d) => d.getTime()))),
      computedAt: anchor,
    });
    for (const [category, jobs] of e.categories) world.profileJobCategories.push({ customerId, category, jobs });
  }
}
