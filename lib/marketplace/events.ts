/**
 * The marketplace's domain events: a job's events share the job as their aggregate, a review's
 * the review, a customer's visibility the customer profile, so consumers see each in order. The
 * tenant (business_id) is the provider business involved, or null while none is (a new job).
 */
import type { Database } from "@/db/client";
import type { EventData, EventType } from "@/lib/events/catalog";
import { emitEvent } from "@/lib/events/outbox";

type Prefixed<P extends string> = Extract<EventType, `v1.${P}.${string}`>;

export function emitJobEvent<T extends Prefixed<"job">>(
  tx: Database,
  type: T,
  providerBusinessId: string | null,
  data: EventData<T>,
) {
  const id = (data as { job_id: string }).job_id;
  return emitEvent(tx, { type, businessId: providerBusinessId, aggregate: { id }, data });
}

export function emitReviewEvent<T extends Prefixed<"review">>(
  tx: Database,
  type: T,
  providerBusinessId: string,
  data: EventData<T>,
) {
  const id = (data as { review_id: string }).review_id;
  return emitEvent(tx, { type, businessId: providerBusinessId, aggregate: { id }, data });
}
