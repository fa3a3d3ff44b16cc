/**
 * The customer's counters as every face reads them: profile_stats, which stats.ts keeps exact in
 * the transaction of each change (the provider's view reads the same row in its one statement).
 * A customer with no row yet has done nothing that counts: every counter is zero.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profileStats } from "@/db/schema";

export type ProfileCounters = { jobsPosted: number; jobsCompleted: number; reviewsReceived: number };

export async function readProfileCounters(db: Database, customerId: string): Promise<ProfileCounters> {
  const [row] = await db
    .select({
      jobsPosted: profileStats.jobsPosted,
      jobsCompleted: profileStats.jobsCompleted,
      reviewsReceived: profileStats.reviewsReceived,
    })
    .from(profileStats)
    .where(eq(profileStats.customerId, customerId));
  return row ?? { jobsPosted: 0, jobsCompleted: 0, reviewsReceived: 0 };
}
