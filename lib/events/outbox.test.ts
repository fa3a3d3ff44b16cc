/**
 * emitEvent: the event is part of the caller's transaction (rolled back with it, committed with
 * it), carries the request's trace id, and is checked against the catalog.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOutbox } from "@/db/schema";
import { withRequestContext } from "@/lib/observability/context";
import { eventCatalog, eventTypes, versionOf } from "./catalog";
import { emitEvent, type NewEvent } from "./outbox";
import { customerUpdated, eventsDatabase, newId, outboxRows, type EventsDatabase } from "@/test/fixtures/events";

let t: EventsDatabase;
beforeAll(async () => {
  t = await eventsDatabase();
});
afterAll(() => t?.close());

class Abort extends Error {}

describe("emitEvent", () => {
  it("leaves no event when the transaction rolls back", async () => {
    const customer = newId();
    let emitted = "";
    await expect(
      t.db.transaction(async (tx) => {
        emitted = await emitEvent(tx, customerUpdated(customer));
        expect(await outboxRows(tx, [emitted])).toHaveLength(1); // there inside the transaction...
        throw new Abort();
      }),
    ).rejects.toBeInstanceOf(Abort);
    expect(emitted).toMatch(/^[0-9a-f-]{36}$/);
    // ...and gone with it.
    expect(await t.db.select().from(eventOutbox).where(eq(eventOutbox.aggregateId, customer))).toEqual([]);
  });

  it("commits one pending row with the trace id of the request context", async () => {
    const customer = newId();
    const business = newId();
    const id = await withRequestContext("trace-outbox-1", () =>
      t.db.transaction((tx) =>
        emitEvent(tx, {
          type: "v1.customer.updated",
          businessId: business,
          aggregate: { type: "customer", id: customer },
          data: {
            customer_id: customer,
            fields_changed: ["email", "phone"],
            updated_at: "2026-12-05T10:00:00.000Z",
            updated_by: null,
          },
        }),
      ),
    );
    const rows = await t.db.select().from(eventOutbox).where(eq(eventOutbox.aggregateId, customer));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      type: "v1.customer.updated",
      version: 1,
      businessId: business,
      aggregateType: "customer",
      aggregateId: customer,
      payload: {
        customer_id: customer,
        fields_changed: ["email", "phone"],
        updated_at: "2026-12-05T10:00:00.000Z",
        updated_by: null,
      },
      traceId: "trace-outbox-1",
      status: "pending",
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(rows[0]!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000); // due at once
  });

  it("stores no trace id outside a request, and only the fields the schema names", async () => {
    const customer = newId();
    const event = customerUpdated(customer);
    const id = await t.db.transaction((tx) =>
      emitEvent(tx, { ...event, data: { ...event.data, first_name: "Cara" } as typeof event.data }),
    );
    const [row] = await outboxRows(t.db, [id]);
    expect(row!.traceId).toBeNull();
    expect(row!.payload).toEqual(event.data); // personal data a caller slipped in is not kept
  });

  type Bad = [string, NewEvent<"v1.customer.updated">, RegExp];
  const customer = newId();
  const valid = customerUpdated(customer);
  it.each<Bad>([
    [
      "data that breaks the schema",
      { ...valid, data: { ...valid.data, fields_changed: [] } },
      /Invalid v1.customer.updated/,
    ],
    ["a customer id that is not a uuid", { ...valid, data: { ...valid.data, customer_id: "42" } }, /customer_id/],
    [
      "the wrong aggregate",
      { ...valid, aggregate: { type: "staff_member" as "customer", id: customer } },
      /belongs to aggregate customer/,
    ],
    ["an unknown type", { ...valid, type: "v1.customer.exploded" as "v1.customer.updated" }, /Unknown event type/],
    [
      "an oversized payload",
      { ...valid, data: { ...valid.data, fields_changed: Array.from({ length: 5000 }, (_, i) => `field_${i}`) } },
      /bytes \(limit/,
    ],
  ])("refuses %s and writes nothing", async (_, event, message) => {
    await expect(t.db.transaction((tx) => emitEvent(tx, event))).rejects.toThrow(message);
    expect(await t.db.select().from(eventOutbox).where(eq(eventOutbox.aggregateId, customer))).toEqual([]);
  });
});

describe("the catalog", () => {
  it("names every required event type, versioned by its routing key", () => {
    expect(eventTypes).toEqual(
      expect.arrayContaining([
        "v1.customer.created",
        "v1.customer.updated",
        "v1.customer.tagged",
        "v1.customer.note_added",
        "v1.customer.erased",
        "v1.staff.added",
        "v1.staff.role_changed",
        "v1.staff.removed",
      ]),
    );
    for (const type of eventTypes) {
      expect(type).toMatch(/^v\d+\.[a-z_]+\.[a-z_]+$/);
      expect(versionOf(type)).toBe(1);
      expect(eventCatalog[type].schema.shape).toBeDefined();
    }
  });
});
