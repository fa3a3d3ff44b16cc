/**
 * The customer's counters as every face reads them: profile_stats, which stats.ts keeps exact in
 * the transaction of each change (the provider's view reads the same row in its one statement).
 * A customer with no row yet has done nothing that counts: every counter is zero.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profileStats } from "@/db/schema";

const COUNTERS = {
  jobsPosted: profileStats.jobsPosted,
  jobsCompleted: profileStats.jobsCompleted,
  jobsCancelled: profileStats.jobsCancelled,
  jobsWithdrawn: profileStats.jobsWithdrawn,
  jobsCancelledByProvider: profileStats.jobsCancelledByProvider,
  reviewsReceived: profileStats.reviewsReceived,
};

export type ProfileCounters = { [K in keyof typeof COUNTERS]: number };

const NONE = Object.fromEntries(Object.keys(COUNTERS).map((name) => [name, 0])) as ProfileCounters;

export async function readProfileCounters(db: Database, customerId: string): Promise<ProfileCounters> {
  const [row] = await db.select(COUNTERS).from(profileStats).where(eq(profileStats.customerId, customerId));
  return row ?? NONE;
}
