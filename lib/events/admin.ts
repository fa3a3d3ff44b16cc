/**
 * The outbox as platform administrators see it: counts by status and the age of the oldest
 * pending event (also the Prometheus gauges), the events newest first, and putting dead events
 * back in line. Everything an actor calls checks requirePlatformAdmin first.
 */
import "server-only";
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePlatformAdmin } from "@/lib/authz/policy";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metrics } from "@/lib/observability/metrics";
import {
  type OutboxEventDto,
  outboxOverviewDto,
  type OutboxOverviewDto,
  type OutboxPageDto,
  retryDeadResultDto,
  type RetryDeadResultDto,
  outboxPageDto,
} from "./dto";
import { listOutboxQuery, type ListOutboxQuery } from "./inputs";

export type OutboxStats = { pending: number; sent: number; dead: number; oldestPendingAgeSeconds: number | null };

/** Counts by status; pending and sent are served by their partial indexes, dead events are few. */
export async function outboxStats(db: Database): Promise<OutboxStats> {
  const { rows } = await db.execute<OutboxStats>(sql`
    select
      (select count(*) from event_outbox where status = 'pending')::int as "pending",
      (select count(*) from event_outbox where status = 'sent')::int as "sent",
      (select count(*) from event_outbox where status = 'dead')::int as "dead",
      (select extract(epoch from now() - min(occurred_at)) from event_outbox where status = 'pending')::float8
        as "oldestPendingAgeSeconds"`);
  const row = rows[0]!;
  return {
    ...row,
    oldestPendingAgeSeconds: row.oldestPendingAgeSeconds === null ? null : Math.max(0, row.oldestPendingAgeSeconds),
  };
}

/** Sets outbox_events{status} and outbox_oldest_pending_age_seconds; /api/metrics calls it per scrape. */
export async function refreshOutboxGauges(db: Database): Promise<OutboxStats> {
  const stats = await outboxStats(db);
  metrics.outboxBacklog.set({ status: "pending" }, stats.pending);
  metrics.outboxBacklog.set({ status: "sent" }, stats.sent);
  metrics.outboxBacklog.set({ status: "dead" }, stats.dead);
  metrics.outboxOldestAge.set(stats.oldestPendingAgeSeconds ?? 0);
  return stats;
}

/** A page of events, newest first; the cursor is the last event's seq (keyset, so pages stay cheap and stable). */
export async function listOutboxEvents(
  db: Database,
  actor: Actor,
  query: ListOutboxQuery = {},
): Promise<OutboxPageDto> {
  requirePlatformAdmin(actor);
  const { status, cursor, limit } = listOutboxQuery.parse(query);
  const conditions: SQL[] = [];
  if (status) conditions.push(eq(eventOutbox.status, status));
  if (cursor) conditions.push(lt(eventOutbox.seq, Number(cursor)));
  const rows = await db
    .select()
    .from(eventOutbox)
    .where(and(...conditions))
    .orderBy(desc(eventOutbox.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return outboxPageDto.parse({
    events: page.map(toOutboxEventDto),
    next_cursor: rows.length > limit ? String(page.at(-1)!.seq) : null,
  });
}

/** Stats and the first page (or the page asked for), for GET /api/admin/outbox and the admin page. */
export async function getOutboxOverview(
  db: Database,
  actor: Actor,
  query: ListOutboxQuery = {},
): Promise<OutboxOverviewDto> {
  requirePlatformAdmin(actor);
  const [stats, page] = await Promise.all([outboxStats(db), listOutboxEvents(db, actor, query)]);
  return outboxOverviewDto.parse({
    broker_configured: Boolean(env().AMQP_URL),
    stats: {
      pending: stats.pending,
      sent: stats.sent,
      dead: stats.dead,
      oldest_pending_age_seconds:
        stats.oldestPendingAgeSeconds === null ? null : Math.round(stats.oldestPendingAgeSeconds),
    },
    ...page,
  });
}

/**
 * Puts every dead event back in line: pending, attempts 0, due now. The last error stays for the
 * record until the next attempt. A retried event may now arrive after later events of its aggregate.
 */
export async function retryDeadEvents(db: Database, actor: Actor): Promise<RetryDeadResultDto> {
  const admin = requirePlatformAdmin(actor);
  const retried = await db
    .update(eventOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()` })
    .where(eq(eventOutbox.status, "dead"))
    .returning({ id: eventOutbox.id });
  log.info({ userId: admin.userId, retried: retried.length }, "dead outbox events retried");
  return retryDeadResultDto.parse({ retried: retried.length });
}

/** One event, checked with the page it is part of (the exported functions parse their whole answer). */
function toOutboxEventDto(row: typeof eventOutbox.$inferSelect): OutboxEventDto {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    business_id: row.businessId,
    aggregate_type: row.aggregateType,
    aggregate_id: row.aggregateId,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.nextAttemptAt.toISOString(),
    last_error: row.lastError,
    trace_id: row.traceId,
    occurred_at: row.occurredAt.toISOString(),
    sent_at: row.sentAt?.toISOString() ?? null,
    data: (row.payload ?? {}) as Record<string, unknown>,
  };
}
