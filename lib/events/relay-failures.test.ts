/**
 * When the broker refuses events: per-entity order while an earlier event waits for its retry,
 * exponential backoff, dead after MAX_ATTEMPTS, and an admin putting dead events back in line.
 *
 * The refusals are real nacks from RabbitMQ: on an exchange of this file's own, a queue with
 * max-length 0 and overflow "reject-publish" is bound to v1.customer.note_added, so the broker
 * nacks every note_added event until the test unbinds it (and nobody else's events are affected).
 * As in production, a nacked message may still have reached the other queues bound to it.
 */
import { randomUUID } from "node:crypto";
import amqp, { type Channel, type ChannelModel } from "amqplib";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOutbox } from "@/db/schema";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { type UserActor } from "@/lib/auth/actor";
import { createUser, refusalOf } from "@/test/factories";
import { retryDeadEvents } from "./admin";
import { amqpPublisher, closeBroker, type EventPublisher } from "./broker";
import { emitEvent } from "./outbox";
import { backoffSeconds, MAX_ATTEMPTS, relayPending } from "./relay";
import {
  customerUpdated,
  dedupe,
  eventsDatabase,
  newId,
  orderByAggregate,
  outboxRows,
  requireAmqpUrl,
  sleep,
  startConsumer,
  type Consumer,
  type EventsDatabase,
} from "@/test/fixtures/events";

const exchange = `clientele.events.test.${randomUUID()}`;
const REFUSED = "v1.customer.note_added" as const;

let t: EventsDatabase;
let consumer: Consumer;
let publisher: EventPublisher;
let admin: { connection: ChannelModel; channel: Channel; rejecter: string };

beforeAll(async () => {
  const url = requireAmqpUrl();
  t = await eventsDatabase();
  publisher = amqpPublisher(url, { exchange });
  consumer = await startConsumer(url, { exchange, patterns: ["#"] });
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const { queue } = await channel.assertQueue("", {
    exclusive: true,
    arguments: { "x-max-length": 0, "x-overflow": "reject-publish" },
  });
  admin = { connection, channel, rejecter: queue };
});

afterAll(async () => {
  await consumer?.close();
  await closeBroker();
  await admin?.channel.deleteExchange(exchange).catch(() => {});
  await admin?.connection.close();
  await t?.close();
});

const refuseNotes = () => admin.channel.bindQueue(admin.rejecter, exchange, REFUSED);
const acceptNotes = () => admin.channel.unbindQueue(admin.rejecter, exchange, REFUSED);

function noteAdded(customerId: string) {
  return {
    type: REFUSED,
    businessId: null,
    aggregate: { type: "customer" as const, id: customerId },
    data: {
      customer_id: customerId,
      created_by: null,
      created_at: new Date().toISOString(),
      note_id: newId(),
      note_type: "personal" as const,
      is_pinned: false,
    },
  };
}

const emit = (event: Parameters<typeof emitEvent>[1]) => t.db.transaction((tx) => emitEvent(tx, event));
const rowOf = async (id: string) => (await outboxRows(t.db, [id]))[0]!;
/** Skips the wait for a retry, as if the backoff had passed. */
const makeDue = (ids: string[], attempts?: number) =>
  t.db
    .update(eventOutbox)
    .set({ nextAttemptAt: sql`now()`, ...(attempts !== undefined && { attempts }) })
    .where(inArray(eventOutbox.id, ids));

async function relayUntilSent(ids: string[]) {
  const deadline = Date.now() + 15_000;
  while ((await outboxRows(t.db, ids)).some((r) => r.status !== "sent")) {
    if (Date.now() > deadline) throw new Error("not sent in time");
    const pass = await relayPending(t.db, { publisher });
    expect(pass.failed).toBe(0);
    await sleep(100);
  }
}

describe("per-entity order", () => {
  it("holds an aggregate's later events while an earlier one waits for a retry, and delivers them in order after it", async () => {
    await refuseNotes();
    const a = newId();
    const b = newId();
    const a1 = await emit(noteAdded(a));
    const a2 = await emit(customerUpdated(a));
    const b1 = await emit(customerUpdated(b));

    const first = await relayPending(t.db, { publisher });
    expect(first).toMatchObject({ published: 1, failed: 1, held: 1, dead: 0, brokerUnavailable: false });
    await consumer.waitFor([b1]); // other aggregates are not held up
    const failed = await rowOf(a1);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("nack") });
    const held = await rowOf(a2);
    expect(held).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    // Deferred behind its blocker, so it does not come up again before it.
    expect(held.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(failed.nextAttemptAt.getTime());

    // A new event of the waiting aggregate is due at once, but is held too.
    const a3 = await emit(customerUpdated(a, "email"));
    const second = await relayPending(t.db, { publisher });
    expect(second).toMatchObject({ published: 0, failed: 0, held: 1 });
    expect(await rowOf(a3)).toMatchObject({ status: "pending", attempts: 0 });
    // A nack only says not every queue took it: copies of a1 may have arrived, its successors not.
    expect(consumer.received([a2, a3])).toEqual([]);

    await acceptNotes();
    await relayUntilSent([a1, a2, a3]);
    const received = dedupe(await consumer.waitFor([a1, a2, a3]));
    expect(orderByAggregate(received)).toEqual({ [a]: [a1, a2, a3] });
  });
});

describe("refused events", () => {
  let adminActor: UserActor;
  let staffActor: UserActor;
  beforeAll(async () => {
    adminActor = (await resolveActor(t.db, (await createUser(t.db, { isPlatformAdmin: true })).id)) as UserActor;
    staffActor = (await resolveActor(t.db, (await createUser(t.db)).id)) as UserActor;
  });

  it("back off exponentially with jitter, go dead after MAX_ATTEMPTS, and come back when an admin retries them", async () => {
    await refuseNotes();
    const c = newId();
    const id = await emit(noteAdded(c));

    const window = async (expectedAttempts: number) => {
      const before = Date.now();
      expect(await relayPending(t.db, { publisher })).toMatchObject({ failed: 1, dead: 0, published: 0 });
      const after = Date.now();
      const row = await rowOf(id);
      expect(row).toMatchObject({
        status: "pending",
        attempts: expectedAttempts,
        lastError: expect.stringContaining("nack"),
      });
      const ceiling = Math.min(300, 2 ** (expectedAttempts - 1)) * 1000;
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + ceiling / 2 - 50);
      expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(after + ceiling + 50);
    };
    await window(1); // 0.5-1 s
    // Not due yet: a pass leaves it alone.
    expect(await relayPending(t.db, { publisher })).toMatchObject({ failed: 0, published: 0, pending: 1 });
    await makeDue([id], 5);
    await window(6); // 16-32 s
    await makeDue([id], 12);
    await window(13); // capped: 150-300 s

    await makeDue([id], MAX_ATTEMPTS - 1);
    expect(await relayPending(t.db, { publisher })).toMatchObject({ failed: 1, dead: 1, pending: 0 });
    expect(await rowOf(id)).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
    expect(await relayPending(t.db, { publisher })).toMatchObject({ failed: 0, published: 0 }); // dead stays dead

    // A dead event no longer holds up its aggregate.
    const later = await emit(customerUpdated(c));
    expect(await relayPending(t.db, { publisher })).toMatchObject({ published: 1, held: 0 });
    await consumer.waitFor([later]);

    const refused = await refusalOf(retryDeadEvents(t.db, staffActor));
    expect([refused.status, refused.details.reason]).toEqual([403, "not_platform_admin"]);
    expect(await rowOf(id)).toMatchObject({ status: "dead" });

    expect(await retryDeadEvents(t.db, adminActor)).toEqual({ retried: 1 });
    const retried = await rowOf(id);
    expect(retried).toMatchObject({ status: "pending", attempts: 0 });
    expect(retried.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    await acceptNotes();
    await relayUntilSent([id]);
    await consumer.waitFor([id]);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("backoffSeconds", () => {
  it.each([
    [1, 0.5, 1],
    [2, 1, 2],
    [5, 8, 16],
    [9, 128, 256],
    [10, 150, 300],
    [MAX_ATTEMPTS, 150, 300],
  ])("after %i refusals waits %d-%d s", (attempts, low, high) => {
    expect(backoffSeconds(attempts, 0)).toBe(low);
    expect(backoffSeconds(attempts, 1)).toBe(high);
    const drawn = backoffSeconds(attempts);
    expect(drawn).toBeGreaterThanOrEqual(low);
    expect(drawn).toBeLessThanOrEqual(high);
  });
});
