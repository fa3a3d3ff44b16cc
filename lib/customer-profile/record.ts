/**
 * The customer's own view of their job record: the figures providers see (completed, cancelled
 * after booking, and the rates), beside what providers are not shown because it says nothing
 * against the customer: jobs withdrawn before any booking, and jobs the provider cancelled. Built
 * from the customer's counters (./counters.ts), which the customer's home has already read.
 */
import type { ProfileCounters } from "./counters";
import type { JobRecordDto } from "./dto";
import { finishedJobRates } from "./figures";

export function jobRecordOf(counters: ProfileCounters): JobRecordDto {
  const rates = finishedJobRates(counters.jobsCompleted, counters.jobsCancelled);
  return {
    completed: counters.jobsCompleted,
    cancelled: counters.jobsCancelled,
    withdrawn: counters.jobsWithdrawn,
    cancelled_by_provider: counters.jobsCancelledByProvider,
    completion_rate: rates.completionRate,
    cancellation_rate: rates.cancellationRate,
    rates_reason: rates.reason,
  };
}
