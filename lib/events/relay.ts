/**
 * The outbox relay: publishes pending events to the broker and records what became of each.
 *
 * - Each batch is one transaction that claims due rows with FOR UPDATE SKIP LOCKED, so any number
 *   of relays (server instances, the cron route, a script) can run at once without publishing an
 *   event twice in one pass. A row is marked sent only after the broker confirmed it; a crash in
 *   between leaves it pending, so delivery is at least once and consumers dedupe on the event id.
 * - Per-entity order: an event is not published while an earlier pending event of its aggregate
 *   exists that this batch did not claim (another relay holds it, or it waits for a retry); within
 *   a batch, an aggregate's events go out one confirmed wave at a time, and after a failure its
 *   later events wait. Held events are deferred to their blocker's retry time, so they do not
 *   clog the head of the queue meanwhile.
 * - A refused publish (nack) counts an attempt and backs off exponentially with jitter; after
 *   MAX_ATTEMPTS the event is dead (kept, and an admin can retry it). A broker that cannot be
 *   reached is not the event's fault: those rows are left exactly as they were.
 */
import "server-only";
import { and, asc, eq, exists, inArray, lte, lt, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import { log } from "@/lib/log";
import { metrics } from "@/lib/observability/metrics";
import { BrokerUnavailableError, configuredPublisher, type EventEnvelope, type EventPublisher } from "./broker";

export const MAX_ATTEMPTS = 20;
const BASE_BACKOFF_SECONDS = 1;
const MAX_BACKOFF_SECONDS = 300;

export type RelayOptions = {
  batchSize?: number;
  /** Batches per pass; a pass ends sooner when the outbox runs dry or nothing could move. */
  maxBatches?: number;
  /** Where to publish. Default: the broker at AMQP_URL; null means no broker is configured. */
  publisher?: EventPublisher | null;
};

export type RelayResult = {
  /** False when AMQP_URL is unset: nothing is published and events stay pending. */
  brokerConfigured: boolean;
  /** The broker could not be reached (or was lost mid-pass); the affected events were left untouched. */
  brokerUnavailable: boolean;
  /** Confirmed by the broker and marked sent. */
  published: number;
  /** Refused by the broker: an attempt was counted and a retry scheduled (or the event is now dead). */
  failed: number;
  /** Of the failed, those that reached MAX_ATTEMPTS and are now dead. */
  dead: number;
  /** Claimed but not published because an earlier event of the same aggregate had to go first. */
  held: number;
  /** Events still pending after the pass (due or waiting for a retry). */
  pending: number;
};

type Row = typeof eventOutbox.$inferSelect;
type BatchResult = Omit<RelayResult, "brokerConfigured" | "pending"> & { claimed: number; sentTypes: string[] };

/** Runs one relay pass and says what it did (JSON-serialisable, for the cron route and logs). */
export async function relayPending(db: Database, options: RelayOptions = {}): Promise<RelayResult> {
  const batchSize = options.batchSize ?? 100;
  const maxBatches = options.maxBatches ?? 10;
  const publisher = options.publisher === undefined ? configuredPublisher() : options.publisher;
  const result: RelayResult = {
    brokerConfigured: publisher !== null,
    brokerUnavailable: false,
    published: 0,
    failed: 0,
    dead: 0,
    held: 0,
    pending: 0,
  };
  for (let i = 0; publisher && i < maxBatches; i++) {
    const batch = await relayBatch(db, publisher, batchSize);
    for (const type of batch.sentTypes) metrics.eventsPublished.inc({ type });
    result.published += batch.published;
    result.failed += batch.failed;
    result.dead += batch.dead;
    result.held += batch.held;
    if (batch.brokerUnavailable) {
      result.brokerUnavailable = true;
      break;
    }
    // A short batch means the due events ran out; one that moved nothing would only repeat itself.
    if (batch.claimed < batchSize || batch.published + batch.failed === 0) break;
  }
  result.pending = await countPending(db);
  if (result.failed || result.brokerUnavailable) log.warn({ relay: result }, "outbox relay pass");
  else if (result.published) log.debug({ relay: result }, "outbox relay pass");
  return result;
}

async function relayBatch(db: Database, publisher: EventPublisher, batchSize: number): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const out: BatchResult = {
      claimed: 0,
      published: 0,
      failed: 0,
      dead: 0,
      held: 0,
      brokerUnavailable: false,
      sentTypes: [],
    };
    const claimed = await tx
      .select()
      .from(eventOutbox)
      .where(and(eq(eventOutbox.status, "pending"), lte(eventOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(eventOutbox.seq))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    out.claimed = claimed.length;
    if (claimed.length === 0) return out;

    const blocked = await blockedIds(
      tx,
      claimed.map((r) => r.id),
    );
    const stopped = new Set<string>(); // aggregates whose later events must wait
    const held: string[] = [];
    const sent: Row[] = [];
    const failed: { row: Row; error: string }[] = [];

    for (const wave of waves(claimed)) {
      const ready: Row[] = [];
      for (const row of wave) {
        if (blocked.has(row.id) || stopped.has(aggregateKey(row))) {
          stopped.add(aggregateKey(row));
          held.push(row.id);
        } else ready.push(row);
      }
      if (ready.length === 0) continue;
      let outcomes;
      try {
        outcomes = await publisher.publish(ready.map(toEnvelope));
      } catch (error) {
        if (!(error instanceof BrokerUnavailableError)) throw error;
        out.brokerUnavailable = true;
        break;
      }
      ready.forEach((row, i) => {
        const outcome = outcomes[i]!;
        if (outcome.status === "confirmed") return sent.push(row);
        stopped.add(aggregateKey(row));
        if (outcome.status === "refused") failed.push({ row, error: outcome.error });
        else out.brokerUnavailable = true;
      });
      // Whatever was not confirmed on a lost link may still arrive; it stays pending and goes again.
      if (out.brokerUnavailable) break;
    }

    if (sent.length > 0) {
      await tx
        .update(eventOutbox)
        .set({ status: "sent", sentAt: sql`now()`, attempts: sql`${eventOutbox.attempts} + 1` })
        .where(
          inArray(
            eventOutbox.id,
            sent.map((r) => r.id),
          ),
        );
    }
    for (const { row, error } of failed) {
      const attempts = row.attempts + 1;
      const dead = attempts >= MAX_ATTEMPTS;
      await tx
        .update(eventOutbox)
        .set({
          attempts,
          lastError: error.slice(0, 1000),
          ...(dead
            ? { status: "dead" as const }
            : { nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(attempts)}::float8)` }),
        })
        .where(eq(eventOutbox.id, row.id));
      if (dead) out.dead++;
    }
    if (held.length > 0) await deferBehindBlockers(tx, held);
    if (failed.length > 0) {
      log.warn(
        { events: failed.map((f) => ({ id: f.row.id, type: f.row.type, error: f.error })) },
        "broker refused events",
      );
    }
    out.published = sent.length;
    out.failed = failed.length;
    out.held = held.length;
    out.sentTypes = sent.map((r) => r.type);
    return out;
  });
}

/**
 * Claimed events with an earlier pending event of their aggregate outside this batch: locked by
 * another relay, or waiting for a retry. Publishing them now would overtake it.
 */
async function blockedIds(tx: Database, ids: string[]): Promise<Set<string>> {
  const earlier = alias(eventOutbox, "earlier");
  const rows = await tx
    .select({ id: eventOutbox.id })
    .from(eventOutbox)
    .where(
      and(
        inArray(eventOutbox.id, ids),
        exists(
          tx
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.aggregateType, eventOutbox.aggregateType),
                eq(earlier.aggregateId, eventOutbox.aggregateId),
                lt(earlier.seq, eventOutbox.seq),
                eq(earlier.status, "pending"),
                notInArray(earlier.id, ids),
              ),
            ),
        ),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * A held event cannot go before the earlier event blocking it, so it need not be claimed again
 * until then: move it to the latest retry time among its earlier pending events. Without this,
 * a long run of one aggregate's held events would fill every batch while its first one waits.
 */
async function deferBehindBlockers(tx: Database, ids: string[]) {
  await tx.execute(sql`
    update event_outbox c set next_attempt_at = greatest(c.next_attempt_at, (
      select max(p.next_attempt_at) from event_outbox p
      where p.aggregate_type = c.aggregate_type and p.aggregate_id = c.aggregate_id
        and p.seq < c.seq and p.status = 'pending'))
    where c.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
}

/**
 * The claimed rows as rounds: the first event of each aggregate, then the second of each, and so
 * on. Each round is published and confirmed before the next, so an aggregate's events are never
 * in flight together and a refusal stops its successors; most batches are a single round.
 */
function waves(rows: Row[]): Row[][] {
  const position = new Map<string, number>();
  const out: Row[][] = [];
  for (const row of rows) {
    const key = aggregateKey(row);
    const index = position.get(key) ?? 0;
    position.set(key, index + 1);
    (out[index] ??= []).push(row);
  }
  return out;
}

function aggregateKey(row: Pick<Row, "aggregateType" | "aggregateId">) {
  return `${row.aggregateType}\u0000${row.aggregateId}`;
}

function toEnvelope(row: Row): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurred_at: row.occurredAt.toISOString(),
    trace_id: row.traceId,
    business_id: row.businessId,
    aggregate: { type: row.aggregateType, id: row.aggregateId },
    data: row.payload,
  };
}

/**
 * Seconds until the next try after `attempts` refusals: doubling from 1 s up to 5 min, drawn from
 * the upper half of that window so relays retrying together spread out but never retry early.
 */
export function backoffSeconds(attempts: number, random = Math.random()): number {
  const ceiling = Math.min(MAX_BACKOFF_SECONDS, BASE_BACKOFF_SECONDS * 2 ** (attempts - 1));
  return ceiling / 2 + (random * ceiling) / 2;
}

async function countPending(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventOutbox)
    .where(eq(eventOutbox.status, "pending"));
  return row!.n;
}
