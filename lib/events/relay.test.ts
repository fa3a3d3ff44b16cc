/**
 * The relay against the real RabbitMQ at AMQP_URL: what a consumer receives (envelope and AMQP
 * properties), nothing without a broker, nothing lost while the broker link is down, at-least-once
 * delivery that a consumer dedupes on the id, per-entity order, and two relays at once never
 * publishing an event twice. Assertions look only at this file's own events (the broker is shared
 * by every project) in a database of this file's own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { withRequestContext } from "@/lib/observability/context";
import { startTcpProxy, type TcpProxy } from "@/test/tcp-proxy";
import { amqpPublisher, closeBroker, EXCHANGE, type EventPublisher } from "./broker";
import { CUSTOMERS_EXCHANGE } from "./catalog";
import { emitEvent } from "./outbox";
import { relayPending, type RelayOptions, type RelayResult } from "./relay";
import { startRelayLoop } from "./relay-loop";
import {
  customerUpdated,
  dedupe,
  emitUpdates,
  eventsDatabase,
  newId,
  orderByAggregate,
  outboxRows,
  requireAmqpUrl,
  UPDATED_AT,
  sleep,
  startConsumer,
  type Consumer,
  type EventsDatabase,
} from "@/test/fixtures/events";
import type { Database } from "@/db/client";

let t: EventsDatabase;
/** Customer events arrive on bee.customers.events; the platform's others on clientele.events. */
let consumer: Consumer;
let platformConsumer: Consumer;
let publisher: EventPublisher;
let proxy: TcpProxy;
/** The same broker through the proxy: a link the tests can cut. */
let proxied: EventPublisher;

beforeAll(async () => {
  const url = requireAmqpUrl();
  t = await eventsDatabase();
  consumer = await startConsumer(url, { exchange: CUSTOMERS_EXCHANGE, patterns: ["v1.customer.*"] });
  platformConsumer = await startConsumer(url, { exchange: EXCHANGE, patterns: ["v1.#"] });
  publisher = amqpPublisher(url);
  const { hostname, port } = new URL(url);
  proxy = await startTcpProxy({ host: hostname, port: Number(port || 5672) });
  proxied = amqpPublisher(proxy.url(url));
});

afterAll(async () => {
  await consumer?.close();
  await platformConsumer?.close();
  await closeBroker();
  await proxy?.close();
  await t?.close();
});

/** Relay passes until every one of `ids` is sent (other events may ride along), with a deadline. */
async function relayUntilSent(db: Database, ids: string[], options: RelayOptions): Promise<RelayResult[]> {
  const results: RelayResult[] = [];
  const deadline = Date.now() + 15_000;
  for (;;) {
    results.push(await relayPending(db, options));
    const rows = await outboxRows(db, ids);
    if (rows.every((r) => r.status === "sent")) return results;
    if (Date.now() > deadline)
      throw new Error(`not sent in time: ${JSON.stringify(rows.filter((r) => r.status !== "sent"))}`);
    await sleep(50);
  }
}

const flatten = (ids: Record<string, string[]>) => Object.values(ids).flat();

async function publishedCount(type: string) {
  return (await metrics.eventsPublished.get()).values.find((v) => v.labels.type === type)?.value ?? 0;
}

describe("relayPending", () => {
  it("publishes the envelope with its AMQP properties and marks the event sent once confirmed", async () => {
    const customer = newId();
    const business = newId();
    const id = await withRequestContext("trace-relay-1", () =>
      t.db.transaction((tx) => emitEvent(tx, { ...customerUpdated(customer), businessId: business })),
    );
    const [row] = await outboxRows(t.db, [id]);
    const countedBefore = await publishedCount("v1.customer.updated");

    const result = await relayPending(t.db, { publisher });
    expect(result).toEqual({
      brokerConfigured: true,
      brokerUnavailable: false,
      published: 1,
      failed: 0,
      dead: 0,
      held: 0,
      pending: 0,
    });

    const [received] = await consumer.waitFor([id]);
    const { envelope, message } = received!;
    expect(envelope).toEqual({
      id,
      type: "v1.customer.updated",
      version: 1,
      occurred_at: row!.occurredAt.toISOString(),
      trace_id: "trace-relay-1",
      business_id: business,
      aggregate: { type: "customer", id: customer },
      data: { customer_id: customer, fields_changed: ["full_name"], updated_at: UPDATED_AT, updated_by: null },
    });
    expect(message.fields).toMatchObject({ exchange: CUSTOMERS_EXCHANGE, routingKey: "v1.customer.updated" });
    expect(message.properties).toMatchObject({
      messageId: id,
      type: "v1.customer.updated",
      contentType: "application/json",
      deliveryMode: 2, // persistent
      timestamp: Math.floor(row!.occurredAt.getTime() / 1000),
      headers: { version: 1, trace_id: "trace-relay-1", business_id: business },
    });

    const [sent] = await outboxRows(t.db, [id]);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(sent!.sentAt).toBeInstanceOf(Date);
    expect(await publishedCount("v1.customer.updated")).toBe(countedBefore + 1);
  });

  it("publishes each event on its aggregate's exchange: customer events on bee.customers.events, the rest on clientele.events", async () => {
    const customer = newId();
    const member = newId();
    const business = newId();
    const [customerEvent, staffEvent] = await t.db.transaction(async (tx) => [
      await emitEvent(tx, { ...customerUpdated(customer), businessId: business }),
      await emitEvent(tx, {
        type: "v1.staff.added",
        businessId: business,
        data: { user_id: member, role: "staff", via: "direct", added_by: null },
      }),
    ]);
    await relayUntilSent(t.db, [customerEvent, staffEvent], { publisher });
    const [onCustomers] = await consumer.waitFor([customerEvent]);
    const [onPlatform] = await platformConsumer.waitFor([staffEvent]);
    expect(onCustomers!.message.fields).toMatchObject({
      exchange: CUSTOMERS_EXCHANGE,
      routingKey: "v1.customer.updated",
    });
    expect(onPlatform!.message.fields).toMatchObject({ exchange: EXCHANGE, routingKey: "v1.staff.added" });
    await sleep(100); // neither crosses over
    expect(consumer.received([staffEvent])).toEqual([]);
    expect(platformConsumer.received([customerEvent])).toEqual([]);
  });

  it("publishes nothing without a configured broker, and says so", async () => {
    const [id] = flatten(await emitUpdates(t.db, [newId()], 1));
    const result = await relayPending(t.db, { publisher: null });
    expect(result).toMatchObject({ brokerConfigured: false, brokerUnavailable: false, published: 0, pending: 1 });
    expect(await outboxRows(t.db, [id!])).toMatchObject([{ status: "pending", attempts: 0 }]);
    await relayUntilSent(t.db, [id!], { publisher }); // leave the outbox clean for the next test
    await consumer.waitFor([id!]);
  });

  it("keeps producing while the broker link is down, touches nothing, and delivers everything in order once it is back", async () => {
    // The link is up first, so this is a link lost, not one never made.
    const warmUp = flatten(await emitUpdates(t.db, [newId()], 1));
    await relayUntilSent(t.db, warmUp, { publisher: proxied });
    await proxy.stop();

    const started = performance.now();
    const ids = await emitUpdates(t.db, [newId(), newId(), newId()], 3);
    expect(performance.now() - started).toBeLessThan(3_000); // producing never waits for the broker
    const all = flatten(ids);
    const before = await outboxRows(t.db, all);

    const down = performance.now();
    const result = await relayPending(t.db, { publisher: proxied });
    expect(performance.now() - down).toBeLessThan(5_000); // a down broker fails fast
    expect(result).toMatchObject({
      brokerConfigured: true,
      brokerUnavailable: true,
      published: 0,
      failed: 0,
      pending: 9,
    });
    // Not the events' fault: no attempt counted, no retry scheduled, no error recorded.
    expect(sortById(await outboxRows(t.db, all))).toEqual(sortById(before));
    expect(before.every((r) => r.status === "pending" && r.attempts === 0 && r.lastError === null)).toBe(true);

    await proxy.start();
    await relayUntilSent(t.db, all, { publisher: proxied });
    const received = dedupe(await consumer.waitFor(all));
    expect(received).toHaveLength(9);
    expect(orderByAggregate(received)).toEqual(ids);
    expect((await outboxRows(t.db, all)).every((r) => r.status === "sent" && r.sentAt !== null)).toBe(true);
  });

  it("delivers at least once: events published but not marked sent go again, and a consumer deduping on the id sees each once", async () => {
    const ids = await emitUpdates(t.db, [newId(), newId()], 2);
    const all = flatten(ids);
    // The process dies after the broker took the first wave but before the rows were marked sent.
    const crashing: EventPublisher = {
      async publish(envelopes) {
        await publisher.publish(envelopes);
        throw new Error("crashed before marking them sent");
      },
    };
    await expect(relayPending(t.db, { publisher: crashing })).rejects.toThrow("crashed");
    expect((await outboxRows(t.db, all)).every((r) => r.status === "pending" && r.attempts === 0)).toBe(true);

    await relayUntilSent(t.db, all, { publisher });
    await consumer.waitFor(all);
    const received = consumer.received(all);
    expect(received).toHaveLength(all.length + 2); // the first event of each aggregate, twice
    const once = dedupe(received);
    expect(once).toHaveLength(all.length);
    expect(orderByAggregate(once)).toEqual(ids);
  });

  it("lets two relays run at once without publishing any event twice", async () => {
    const second = await t.openAnother();
    const ids = await emitUpdates(t.db, Array.from({ length: 8 }, newId), 5);
    const all = flatten(ids);
    let published = 0;
    const deadline = Date.now() + 15_000;
    while ((await outboxRows(t.db, all)).some((r) => r.status !== "sent")) {
      if (Date.now() > deadline) throw new Error("two relays did not drain the outbox in time");
      // Two processes: their own database pools and their own broker connections.
      const passes = await Promise.all([
        relayPending(t.db, { publisher, batchSize: 4 }),
        relayPending(second.db, { publisher: proxied, batchSize: 4 }),
      ]);
      for (const pass of passes) {
        expect(pass).toMatchObject({ brokerUnavailable: false, failed: 0 });
        published += pass.published;
      }
    }
    await second.close();
    expect(published).toBe(all.length);
    await consumer.waitFor(all);
    await sleep(200); // a duplicate would arrive right behind
    const received = consumer.received(all);
    expect(received).toHaveLength(all.length);
    expect(new Set(received.map((r) => r.envelope.id)).size).toBe(all.length);
    expect(orderByAggregate(received)).toEqual(ids);
  });
});

describe("startRelayLoop", () => {
  it("relays continuously, runs once per process, and survives a failing pass", async () => {
    const stop = startRelayLoop({ db: async () => t.db, publisher, intervalMs: 20 });
    try {
      expect(startRelayLoop({ db: async () => t.db, publisher })).toBe(stop);
      const ids = flatten(await emitUpdates(t.db, [newId()], 2));
      await consumer.waitFor(ids);
      await expect.poll(async () => (await outboxRows(t.db, ids)).map((r) => r.status)).toEqual(["sent", "sent"]);
    } finally {
      stop();
    }
    // A database that is down makes passes fail; the loop logs them and carries on, never throwing.
    let calls = 0;
    const stopFailing = startRelayLoop({
      db: async () => {
        calls++;
        throw new Error("database down");
      },
      publisher,
      intervalMs: 10,
    });
    expect(stopFailing).not.toBe(stop);
    await expect.poll(() => calls, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
    stopFailing();
  });
});

function sortById<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.id.localeCompare(b.id));
}
