/**
 * Test support for the events tests (imported by lib/events/*.test.ts only):
 * - a database of the file's own, because the relay claims events across the whole table and the
 *   pg and neon projects share one test database: on PGlite the file's in-memory database, on a
 *   server a scratch database made for the file, with a way to open a second connection pool;
 * - the real RabbitMQ at AMQP_URL (required: these tests fail loudly without it), and a consumer
 *   that binds an exclusive queue of its own and records what arrives;
 * - small helpers to emit committed events and read their rows.
 */
import { randomUUID } from "node:crypto";
import amqp, { type ConsumeMessage } from "amqplib";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import { scratchDatabase, type ScratchDatabase } from "@/test/db";
import { EXCHANGE, type EventEnvelope } from "./broker";
import { emitEvent } from "./outbox";

/** The broker every project's tests share. Unset is an error, never a silent skip. */
export function requireAmqpUrl(): string {
  const url = process.env.AMQP_URL;
  if (!url) {
    throw new Error(
      "The event relay tests need a real RabbitMQ: set AMQP_URL (e.g. AMQP_URL=amqp://guest:guest@127.0.0.1:5672). " +
        "CI exports it; locally start rabbitmq-server.",
    );
  }
  return url;
}

export type EventsDatabase = ScratchDatabase;

/** A database per events test file: relay passes then never see another file's or project's rows. */
export const eventsDatabase = () => scratchDatabase("clientele_events");

export type Received = { envelope: EventEnvelope; message: ConsumeMessage };

export type Consumer = {
  /** Every message received so far whose id is one of `ids`, in arrival order (duplicates included). */
  received(ids: readonly string[]): Received[];
  /** Waits until each of `ids` has arrived at least once. */
  waitFor(ids: readonly string[], timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
};

/**
 * A consumer on its own exclusive, auto-deleted queue, bound to `exchange` with `patterns`. Other
 * tests' events arrive too (every project publishes to the same exchange): filter by your ids.
 */
export async function startConsumer(
  url: string,
  options: { exchange?: string; patterns?: string[] } = {},
): Promise<Consumer> {
  const exchange = options.exchange ?? EXCHANGE;
  const connection = await amqp.connect(url);
  connection.on("error", () => {});
  const channel = await connection.createChannel();
  await channel.assertExchange(exchange, "topic", { durable: true });
  const { queue } = await channel.assertQueue("", { exclusive: true, autoDelete: true });
  for (const pattern of options.patterns ?? ["#"]) await channel.bindQueue(queue, exchange, pattern);
  const all: Received[] = [];
  await channel.consume(
    queue,
    (message) => {
      if (message) all.push({ envelope: JSON.parse(message.content.toString("utf8")), message });
    },
    { noAck: true },
  );
  const received = (ids: readonly string[]) => {
    const wanted = new Set(ids);
    return all.filter((r) => wanted.has(r.envelope.id));
  };
  return {
    received,
    async waitFor(ids, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const got = received(ids);
        const missing = ids.filter((id) => !got.some((r) => r.envelope.id === id));
        if (missing.length === 0) return got;
        if (Date.now() > deadline)
          throw new Error(`${missing.length} of ${ids.length} events never arrived: ${missing.join(", ")}`);
        await sleep(25);
      }
    },
    close: () => connection.close().catch(() => {}),
  };
}

/** Keeps the first delivery of each event id, as a consumer deduping on the message id would. */
export function dedupe(received: Received[]): Received[] {
  const seen = new Set<string>();
  return received.filter((r) => !seen.has(r.envelope.id) && Boolean(seen.add(r.envelope.id)));
}

/** The ids in arrival order, per aggregate id. */
export function orderByAggregate(received: Received[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of received) (out[r.envelope.aggregate.id] ??= []).push(r.envelope.id);
  return out;
}

/**
 * Commits `count` v1.customer.updated events for each of `aggregates` (interleaved, as separate
 * changes would be) and returns their ids per aggregate, in emission order.
 */
export async function emitUpdates(
  db: Database,
  aggregates: string[],
  count: number,
): Promise<Record<string, string[]>> {
  const ids: Record<string, string[]> = {};
  for (let i = 0; i < count; i++) {
    for (const aggregate of aggregates) {
      const id = await db.transaction((tx) => emitEvent(tx, customerUpdated(aggregate, `field_${i}`)));
      (ids[aggregate] ??= []).push(id);
    }
  }
  return ids;
}

export function customerUpdated(customerId: string, field = "first_name") {
  return {
    type: "v1.customer.updated" as const,
    businessId: null,
    aggregate: { type: "customer" as const, id: customerId },
    data: { customer_id: customerId, fields_changed: [field], updated_by: null },
  };
}

export function outboxRows(db: Database, ids: readonly string[]) {
  return db
    .select()
    .from(eventOutbox)
    .where(inArray(eventOutbox.id, [...ids]));
}

export const newId = () => randomUUID();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
