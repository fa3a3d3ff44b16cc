/**
 * The platform services' cost on a request path and the relay's throughput: a rate-limit charge,
 * an audited change, an emitted event (each with its commit), and events relayed to RabbitMQ.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { anonymous, systemActor } from "@/lib/auth/actor";
import { recordChange } from "@/lib/audit/record";
import { amqpPublisher, closeBroker } from "@/lib/events/broker";
import { emitEvent } from "@/lib/events/outbox";
import { relayPending } from "@/lib/events/relay";
import { consume } from "@/lib/rate-limit";
import { measure, round, type Figure } from "./measure";

export async function platformSuite(db: Database, { amqpUrl }: { amqpUrl?: string }): Promise<Figure[]> {
  const figures: Figure[] = [];
  const actor = systemActor("bench");
  figures.push(
    await measure("rate limit: charge the write policy (2 limits, one statement)", 2000, (i) =>
      consume(db, "write", { actor: anonymous, ip: `10.0.${(i + 100) % 250}.${Math.abs(i) % 250}` }),
    ),
  );
  figures.push(
    await measure("audit: a 3-field change in its own transaction", 2000, () =>
      db.transaction((tx) =>
        recordChange(tx, actor, {
          businessId: null,
          entity: { type: "bench", id: randomUUID() },
          action: "update",
          before: { a: 1, b: "x", c: true },
          after: { a: 2, b: "y", c: false },
        }),
      ),
    ),
  );
  const emit = () =>
    db.transaction((tx) =>
      emitEvent(tx, {
        type: "v1.customer.updated",
        businessId: null,
        aggregate: { type: "customer", id: randomUUID() },
        data: {
          customer_id: randomUUID(),
          fields_changed: ["notes"],
          updated_at: new Date().toISOString(),
          updated_by: null,
        },
      }),
    );
  figures.push(await measure("outbox: emit one event in its own transaction", 2000, emit));

  if (amqpUrl) {
    // Drain what the emit step wrote, then relay a fresh backlog of 10,000 events and time it.
    const publisher = amqpPublisher(amqpUrl);
    await relayPending(db, { publisher, maxBatches: 1000 });
    await db.execute(sql`
      insert into event_outbox (type, aggregate_type, aggregate_id, payload)
      select 'v1.customer.updated', 'customer', gen_random_uuid()::text,
        jsonb_build_object('customer_id', gen_random_uuid(), 'fields_changed', jsonb_build_array('notes'), 'updated_by', null)
      from generate_series(1, 10000)`);
    const started = performance.now();
    const result = await relayPending(db, { publisher, maxBatches: 1000, batchSize: 500 });
    const ms = performance.now() - started;
    figures.push({
      name: `relay: ${result.published} events to RabbitMQ with confirms (batches of 500)`,
      runs: result.published,
      p50_ms: round(ms / result.published),
      p95_ms: round(ms / result.published),
      per_second: Math.round((result.published / ms) * 1000),
    });
    await closeBroker();
  }
  return figures;
}
