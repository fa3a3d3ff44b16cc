/** The staff events: one membership is one aggregate, so its events keep their order per business and person. */
import type { Database } from "@/db/client";
import { staffMemberAggregateId, type EventData } from "@/lib/events/catalog";
import { emitEvent } from "@/lib/events/outbox";

type StaffEvent = "v1.staff.added" | "v1.staff.role_changed" | "v1.staff.removed";

export function emitStaffEvent<T extends StaffEvent>(tx: Database, type: T, businessId: string, data: EventData<T>) {
  return emitEvent(tx, { type, businessId, aggregate: { id: staffMemberAggregateId(businessId, data.user_id) }, data });
}
