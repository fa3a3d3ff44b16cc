/**
 * The CRM's customer events reach RabbitMQ as a consumer sees them: produced by the real mutations
 * (through the outbox and the relay), on the topic exchange bee.customers.events, with the seed's
 * routing keys and payloads and the request's trace id in the envelope. Each event the CRM emits
 * has its case here.
 * The mutations commit and the relay claims whatever is pending, so the file has a database of its own.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import { amqpPublisher, closeBroker, type EventPublisher } from "@/lib/events/broker";
import { CUSTOMERS_EXCHANGE } from "@/lib/events/catalog";
import { relayPending } from "@/lib/events/relay";
import { withRequestContext } from "@/lib/observability/context";
import { crmTeam, type CrmTeam } from "@/test/fixtures/crm-team";
import { uniqueIp } from "@/test/factories";
import {
  dedupe,
  eventsDatabase,
  outboxRows,
  requireAmqpUrl,
  startConsumer,
  type Consumer,
  type EventsDatabase,
  type Received,
} from "@/test/fixtures/events";
import { addNote } from "./notes/mutations";
import { addTag, bulkTag, removeTag } from "./tags/mutations";
import { createRecord, updateRecord } from "./records/mutations";

let t: EventsDatabase;
let consumer: Consumer;
let publisher: EventPublisher;
let w: CrmTeam;

beforeAll(async () => {
  const url = requireAmqpUrl();
  t = await eventsDatabase();
  consumer = await startConsumer(url, { exchange: CUSTOMERS_EXCHANGE, patterns: ["v1.customer.*"] });
  publisher = amqpPublisher(url);
  w = await crmTeam(t.db);
}, 60_000);

afterAll(async () => {
  await consumer?.close();
  await closeBroker();
  await t?.close();
});

/** This record's events of `type` in the outbox, relayed until sent, as the consumer received them (in order). */
async function delivered(db: Database, type: string, recordId: string): Promise<Received[]> {
  const rows = await db
    .select({ id: eventOutbox.id })
    .from(eventOutbox)
    .where(and(eq(eventOutbox.type, type), eq(eventOutbox.aggregateId, recordId)))
    .orderBy(asc(eventOutbox.seq));
  const ids = rows.map((r) => r.id);
  expect(ids.length).toBeGreaterThan(0);
  const deadline = Date.now() + 15_000;
  while ((await outboxRows(db, ids)).some((r) => r.status !== "sent")) {
    expect(await relayPending(db, { publisher })).toMatchObject({ brokerUnavailable: false, failed: 0 });
    if (Date.now() > deadline) throw new Error(`${type} for ${recordId} not sent in time`);
  }
  const received = dedupe(await consumer.waitFor(ids));
  return ids.map((id) => received.find((r) => r.envelope.id === id)!);
}

describe("customer events on bee.customers.events", () => {
  it("v1.customer.tagged: routing key, envelope with trace id, the seed's payload", async () => {
    const manager = w.actor("manager");
    const added = await withRequestContext("trace-crm-tagged", () =>
      addTag(t.db, manager, w.businessId, w.recordId, { label: "Oat milk" }),
    );
    const [received] = await delivered(t.db, "v1.customer.tagged", w.recordId);
    const { envelope, message } = received!;
    expect(message.fields).toMatchObject({ exchange: CUSTOMERS_EXCHANGE, routingKey: "v1.customer.tagged" });
    expect(envelope).toMatchObject({
      type: "v1.customer.tagged",
      version: 1,
      trace_id: "trace-crm-tagged",
      business_id: w.businessId,
      aggregate: { type: "customer", id: w.recordId },
    });
    expect(envelope.data).toEqual({
      customer_id: w.recordId,
      tag: "Oat milk",
      created_by: w.users.manager.userId,
      business_id: w.businessId,
      tag_id: added.tag.tag_id,
    });
    expect(message.properties.headers).toMatchObject({ trace_id: "trace-crm-tagged", business_id: w.businessId });

    // Removing the tag publishes nothing; tagging in bulk publishes one per record tagged.
    await removeTag(t.db, manager, w.businessId, w.recordId, added.tag.tag_id);
    await withRequestContext("trace-crm-bulk", () =>
      bulkTag(t.db, manager, w.businessId, { label: "oat MILK", customer_ids: [w.recordId] }),
    );
    const twice = await delivered(t.db, "v1.customer.tagged", w.recordId);
    expect(twice.map((r) => r.envelope.trace_id)).toEqual(["trace-crm-tagged", "trace-crm-bulk"]);
    expect(twice.map((r) => r.envelope.type)).toEqual(["v1.customer.tagged", "v1.customer.tagged"]);
  });

  it("v1.customer.note_added: routing key, envelope with trace id, the seed's payload without the text", async () => {
    const owner = w.actor("owner");
    const note = await withRequestContext("trace-crm-note", () =>
      addNote(t.db, owner, w.businessId, w.recordId, {
        content: "Prefers a call after 5pm.",
        note_type: "preference",
        is_pinned: true,
      }),
    );
    const [received] = await delivered(t.db, "v1.customer.note_added", w.recordId);
    const { envelope, message } = received!;
    expect(message.fields).toMatchObject({ exchange: CUSTOMERS_EXCHANGE, routingKey: "v1.customer.note_added" });
    expect(envelope).toMatchObject({
      type: "v1.customer.note_added",
      trace_id: "trace-crm-note",
      business_id: w.businessId,
      aggregate: { type: "customer", id: w.recordId },
    });
    expect(envelope.data).toEqual({
      customer_id: w.recordId,
      created_by: w.users.owner.userId,
      created_at: note.created_at,
      note_id: note.note_id,
      note_type: "preference",
      is_pinned: true,
    });
    expect(message.content.toString("utf8")).not.toContain("5pm");
  });

  it("v1.customer.created and v1.customer.updated: the seed's payloads, fields_changed by name only", async () => {
    const manager = w.actor("manager");
    const record = await withRequestContext("trace-crm-created", () =>
      createRecord(t.db, manager, w.businessId, { full_name: "Ana Popescu", email: "ana@example.test" }),
    );
    const [created] = await delivered(t.db, "v1.customer.created", record.id);
    expect(created!.message.fields).toMatchObject({ exchange: CUSTOMERS_EXCHANGE, routingKey: "v1.customer.created" });
    expect(created!.envelope).toMatchObject({ trace_id: "trace-crm-created", business_id: w.businessId });
    expect(created!.envelope.data).toEqual({
      customer_id: record.id,
      user_id: null,
      business_id: w.businessId,
      full_name: "Ana Popescu",
      email: "ana@example.test",
      created_at: record.created_at,
      customer_type: "regular",
      account_customer_id: null,
      created_by: w.users.manager.userId,
    });

    await withRequestContext("trace-crm-updated", () =>
      updateRecord(t.db, manager, w.businessId, record.id, { phone: "+40 712 345 678" }, { ip: uniqueIp() }),
    );
    const [updated] = await delivered(t.db, "v1.customer.updated", record.id);
    expect(updated!.message.fields).toMatchObject({ exchange: CUSTOMERS_EXCHANGE, routingKey: "v1.customer.updated" });
    expect(updated!.envelope).toMatchObject({ trace_id: "trace-crm-updated", business_id: w.businessId });
    expect(updated!.envelope.data).toEqual({
      customer_id: record.id,
      fields_changed: ["phone"],
      updated_at: expect.any(String),
      updated_by: w.users.manager.userId,
    });
    expect(updated!.message.content.toString("utf8")).not.toContain("+40712345678");
  });
});
