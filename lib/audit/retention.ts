/**
 * Audit retention: rows older than AUDIT_RETENTION_DAYS are deleted by the retention cron job
 * (unset keeps them forever). Deleted in batches so one run never holds locks on, or writes WAL
 * for, millions of rows in a single statement, and concurrent inserts are never blocked for long.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export const AUDIT_PRUNE_BATCH = 5_000;

/**
 * Deletes audit rows created before `before`, `batchSize` at a time (oldest first, through the
 * created_at index), and returns how many it deleted. Each batch is its own statement: on a pool
 * each commits on its own, so an interrupted run keeps the progress it made; rows another run
 * is deleting are skipped (SKIP LOCKED), so overlapping runs do not queue behind each other.
 */
export async function pruneAuditLog(db: Database, before: Date, batchSize: number = AUDIT_PRUNE_BATCH): Promise<number> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("pruneAuditLog needs a positive batch size");
  let total = 0;
  for (;;) {
    const { rows } = await db.execute<{ n: number }>(sql`
      with doomed as (
        select id from audit_log where created_at < ${before.toISOString()}::timestamptz
        order by created_at limit ${batchSize}
        for update skip locked
      ), deleted as (
        delete from audit_log where id in (select id from doomed) returning 1
      )
      select count(*)::int as n from deleted`);
    const n = Number(rows[0]?.n ?? 0);
    total += n;
    if (n < batchSize) return total;
  }
}
