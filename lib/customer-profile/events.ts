/**
 * The customer profile's domain events: one customer's profile is one aggregate.
 */
import type { Database } from "@/db/client";
import type { EventData } from "@/lib/events/catalog";
import { emitEvent } from "@/lib/events/outbox";

export function emitProfileEvent(tx: Database, data: EventData<"v1.customer_profile.visibility_changed">) {
  const type = "v1.customer_profile.visibility_changed";
  return emitEvent(tx, { type, businessId: null, aggregate: { id: data.customer_id }, data });
}
