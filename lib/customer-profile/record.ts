/**
 * The customer's own view of their job record: the figures providers see (completed, cancelled
 * after booking, and the rates), beside what providers are not shown because it says nothing
 * against the customer: jobs withdrawn before any booking, and jobs the provider cancelled. Read
 * from the customer's profile_stats row (a missing row is zeros), scoped by the customer id
 * lib/authz returns.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profileStats } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCustomer } from "@/lib/authz/policy";
import { finishedJobRates, type Rates } from "./figures";

export type MyJobRecord = {
  /** Shown to providers. */
  completed: number;
  /** Shown to providers: called off by the customer after booking a provider. */
  cancelled: number;
  /** Not shown to providers: withdrawn before any booking. */
  withdrawn: number;
  /** Not shown to providers: cancelled by the booked provider. */
  cancelledByProvider: number;
  /** The rates exactly as providers see them. */
  rates: Rates;
};

export async function getMyJobRecord(db: Database, actor: Actor): Promise<MyJobRecord> {
  const { customerId } = requireCustomer(actor);
  const [row] = await db
    .select({
      completed: profileStats.jobsCompleted,
      cancelled: profileStats.jobsCancelled,
      withdrawn: profileStats.jobsWithdrawn,
      cancelledByProvider: profileStats.jobsCancelledByProvider,
    })
    .from(profileStats)
    .where(eq(profileStats.customerId, customerId));
  const counts = row ?? { completed: 0, cancelled: 0, withdrawn: 0, cancelledByProvider: 0 };
  return { ...counts, rates: finishedJobRates(counts.completed, counts.cancelled) };
}
