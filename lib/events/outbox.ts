/**
 * Producing domain events: emitEvent() writes one row to event_outbox in the caller's transaction,
 * so the event exists if and only if the change it describes commits. Nothing here talks to the
 * broker; the relay (relay.ts) publishes the rows later, so a broker outage never fails or slows a
 * request.
 *
 * Call it after the write that changes the aggregate, in the same transaction: that write's row
 * lock makes concurrent changes of one entity insert their events (and take their seq) in commit
 * order, which is the order consumers will see.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import { currentTraceId } from "@/lib/observability/context";
import { aggregateIdOf, eventCatalog, versionOf, type EventAggregate, type EventData, type EventType } from "./catalog";

/** Events are notifications, not documents: a payload this large is a bug, and would burden the broker. */
export const MAX_PAYLOAD_BYTES = 32 * 1024;

export type NewEvent<T extends EventType> = {
  type: T;
  /** The tenant the event concerns; consumers filter on it. Null for platform-wide events. */
  businessId: string | null;
  /**
   * The entity whose events keep their order. By default the catalog reads it from the payload
   * (a job's events name job_id); naming it here is for events about another entity's aggregate,
   * and naming its type is a check.
   */
  aggregate?: { type?: EventAggregate<T>; id: string };
  data: EventData<T>;
};

/** Records an event in the caller's transaction and returns its id (the message id consumers dedupe on). */
export async function emitEvent<T extends EventType>(tx: Database, event: NewEvent<T>): Promise<string> {
  const [row] = await tx.insert(eventOutbox).values(outboxRow(event)).returning({ id: eventOutbox.id });
  return row!.id;
}

/**
 * The same event as a data-modifying CTE of the statement that makes the change, for a change made
 * in one round trip (no transaction to call emitEvent in). It is written once per row of `from`
 * (none: no event, as when the change did not happen), after that statement's own row locks, so
 * the order argument above holds. `extend` turns the payload into a jsonb expression over `from`
 * for what only the statement knows; the rest was validated here.
 *
 *   with u as (update … returning …), e as (${eventInsert(event, sql`u`)}) select …
 */
export function eventInsert<T extends EventType>(
  event: NewEvent<T>,
  from: SQL,
  extend: (payload: SQL) => SQL = (payload) => payload,
): SQL {
  const row = outboxRow(event);
  return sql`insert into event_outbox (type, version, business_id, aggregate_type, aggregate_id, payload, trace_id)
    select ${row.type}::text, ${row.version}::int, ${row.businessId}::uuid, ${row.aggregateType}, ${row.aggregateId},
           ${extend(sql`${JSON.stringify(row.payload)}::jsonb`)}, ${row.traceId}::text
    from ${from}`;
}

/** The outbox row of an event: its payload checked against the catalog, its aggregate and trace id. */
function outboxRow<T extends EventType>(event: NewEvent<T>) {
  const entry = eventCatalog[event.type];
  if (!entry) throw new Error(`Unknown event type ${JSON.stringify(event.type)}: add it to lib/events/catalog.ts`);
  if (event.aggregate?.type !== undefined && event.aggregate.type !== entry.aggregate) {
    throw new Error(`${event.type} belongs to aggregate ${entry.aggregate}, not ${event.aggregate.type}`);
  }
  const parsed = entry.schema.safeParse(event.data);
  if (!parsed.success) {
    // A programming error in the feature that emits it: fail its transaction rather than publish garbage.
    throw new Error(`Invalid ${event.type} event data: ${parsed.error.message}`);
  }
  const size = Buffer.byteLength(JSON.stringify(parsed.data));
  if (size > MAX_PAYLOAD_BYTES)
    throw new Error(`${event.type} event data is ${size} bytes (limit ${MAX_PAYLOAD_BYTES})`);
  return {
    type: event.type,
    version: versionOf(event.type),
    businessId: event.businessId,
    aggregateType: entry.aggregate,
    aggregateId: event.aggregate?.id ?? aggregateIdOf(event.type, parsed.data as EventData<T>, event.businessId),
    payload: parsed.data,
    traceId: currentTraceId() ?? null,
  } satisfies typeof eventOutbox.$inferInsert;
}
