/**
 * The retention job: each store prunes its own rows (in batches, so no statement runs long), by
 * the periods the environment sets. Pending and dead events and unexpired limits are never touched.
 */
import "server-only";
import { and, isNotNull, isNull, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cronRuns, invitations } from "@/db/schema";
import { pruneAuditLog } from "@/lib/audit/retention";
import { pruneEndedSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { pruneSentEvents } from "@/lib/events/retention";
import { pruneExpiredLimits } from "@/lib/rate-limit";

const DAY_MS = 86_400_000;
const CRON_HISTORY_DAYS = 90;

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

export async function applyRetention(db: Database) {
  const { AUDIT_RETENTION_DAYS, OUTBOX_RETENTION_DAYS } = env();
  const auditRows = AUDIT_RETENTION_DAYS ? await pruneAuditLog(db, daysAgo(AUDIT_RETENTION_DAYS)) : 0;
  const sentEvents = await pruneSentEvents(db, daysAgo(OUTBOX_RETENTION_DAYS));
  const rateLimitCounters = await pruneExpiredLimits(db);
  const cronRunRows = (
    await db
      .delete(cronRuns)
      .where(and(isNotNull(cronRuns.finishedAt), lt(cronRuns.startedAt, daysAgo(CRON_HISTORY_DAYS))))
      .returning({ id: cronRuns.id })
  ).length;
  // Unused invitations a week past expiry: their links are dead and the email is personal data.
  const expiredInvitations = (
    await db
      .delete(invitations)
      .where(and(isNull(invitations.acceptedAt), lt(invitations.expiresAt, daysAgo(7))))
      .returning({ id: invitations.id })
  ).length;
  // Sessions a month after they ended: kept that long so an incident can still be traced.
  const endedSessions = await pruneEndedSessions(db, daysAgo(30));
  return {
    audit_rows: auditRows,
    audit_retention_days: AUDIT_RETENTION_DAYS ?? null,
    sent_events: sentEvents,
    rate_limit_counters: rateLimitCounters,
    cron_runs: cronRunRows,
    expired_invitations: expiredInvitations,
    ended_sessions: endedSessions,
  };
}
