/**
 * Cross-cutting records: the audit trail, the outbox of domain events, rate-limit counters and the
 * runs of scheduled jobs.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, newestFirst } from "./columns";

export const auditActorType = pgEnum("audit_actor_type", ["user", "system", "stripe"]);

/** One row per changed field: who, for which business, which entity and field, old and new value. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorType: auditActorType().notNull(),
    /** The user, or the name of the job ("cron:outbox-relay") or source ("stripe:evt_..."). */
    actorUserId: uuid(),
    actorLabel: text(),
    businessId: uuid(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    action: text().notNull(),
    field: text(),
    oldValue: jsonb(),
    newValue: jsonb(),
    traceId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, newestFirst(t.createdAt), newestFirst(t.id)),
    // A business's trail of one kind of record (the staff page: every membership change).
    index("audit_log_business_entity_idx").on(t.businessId, t.entityType, newestFirst(t.createdAt), newestFirst(t.id)),
    index("audit_log_created_idx").on(t.createdAt),
  ],
);

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "dead"]);

/** Domain events written in the same transaction as the change; a relay publishes them to the broker. */
export const eventOutbox = pgTable(
  "event_outbox",
  {
    id: id(),
    /** Routing key, e.g. "v1.customer.updated". */
    type: text().notNull(),
    version: integer().notNull().default(1),
    businessId: uuid(),
    aggregateType: text().notNull(),
    aggregateId: text().notNull(),
    payload: jsonb().notNull(),
    traceId: text(),
    occurredAt: createdAt(),
    /** Insertion order, so per-entity order survives equal timestamps. */
    seq: bigserial({ mode: "number" }).notNull(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: at().notNull().defaultNow(),
    lastError: text(),
    sentAt: at(),
  },
  (t) => [
    index("event_outbox_pending_idx")
      .on(t.nextAttemptAt, t.seq)
      .where(sql`${t.status} = 'pending'`),
    index("event_outbox_aggregate_idx").on(t.aggregateType, t.aggregateId, t.seq),
    index("event_outbox_sent_idx")
      .on(t.sentAt)
      .where(sql`${t.status} = 'sent'`),
    // The admin view: counts and newest-first pages, by status or of everything.
    index("event_outbox_status_seq_idx").on(t.status, newestFirst(t.seq)),
    index("event_outbox_seq_idx").on(newestFirst(t.seq)),
  ],
);

/**
 * Rate-limit counters, one row per limit and subject, charged by one atomic multi-row upsert per
 * request (lib/rate-limit/limiter.ts), so a limit holds across processes and instances. Expired rows are pruned by the
 * retention job. The migration creates it UNLOGGED: counters need no crash safety, and skipping the
 * write-ahead log makes the upsert on every limited request cheaper.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    points: integer().notNull().default(0),
    expire: at(),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

export const cronOutcome = pgEnum("cron_outcome", ["running", "succeeded", "failed", "abandoned"]);

/**
 * One row per run of a scheduled job. At most one run per job may be "running" (a partial unique
 * index): inserting that row is the lock, so overlapping runs are impossible on every driver. A run
 * whose lease passed (its process died) is marked abandoned before the next one starts.
 */
export const cronRuns = pgTable(
  "cron_runs",
  {
    id: id(),
    job: text().notNull(),
    outcome: cronOutcome().notNull().default("running"),
    startedAt: createdAt(),
    leaseUntil: at().notNull(),
    finishedAt: at(),
    result: jsonb(),
    error: text(),
    traceId: text(),
  },
  (t) => [
    uniqueIndex("cron_runs_one_running_idx")
      .on(t.job)
      .where(sql`${t.outcome} = 'running'`),
  ],
);
