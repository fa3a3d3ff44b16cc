/**
 * The customer's own view of their job record: the figures providers see (completed, cancelled
 * after booking, and the rates), beside what providers are not shown because it says nothing
 * against the customer: jobs withdrawn before any booking, and jobs the provider cancelled. Read
 * from the customer's counters (./counters.ts), scoped by the customer id lib/authz returns.
 */
import "server-only";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireCustomer } from "@/lib/authz/policy";
import { readProfileCounters } from "./counters";
import { jobRecordDto, type JobRecordDto } from "./dto";
import { finishedJobRates } from "./figures";

export async function getMyJobRecord(db: Database, actor: Actor): Promise<JobRecordDto> {
  const { customerId } = requireCustomer(actor);
  const counters = await readProfileCounters(db, customerId);
  const rates = finishedJobRates(counters.jobsCompleted, counters.jobsCancelled);
  return jobRecordDto.parse({
    completed: counters.jobsCompleted,
    cancelled: counters.jobsCancelled,
    withdrawn: counters.jobsWithdrawn,
    cancelled_by_provider: counters.jobsCancelledByProvider,
    completion_rate: rates.completionRate,
    cancellation_rate: rates.cancellationRate,
    rates_reason: rates.reason,
  });
}
