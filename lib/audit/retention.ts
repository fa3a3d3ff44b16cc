/**
 * Audit retention: rows older than AUDIT_RETENTION_DAYS are deleted by the retention cron job
 * (unset keeps them forever), in batches (db/batches.ts).
 */
import "server-only";
import { sql } from "drizzle-orm";
import { deleteInBatches } from "@/db/batches";
import type { Database } from "@/db/client";

const AUDIT_PRUNE_BATCH = 5_000;

/**
 * Deletes audit rows created before `before`, `batchSize` at a time (oldest first, through the
 * created_at index), and returns how many it deleted. Rows another run is deleting are skipped
 * (SKIP LOCKED), so overlapping runs do not queue behind each other.
 */
export function pruneAuditLog(db: Database, before: Date, batchSize: number = AUDIT_PRUNE_BATCH): Promise<number> {
  return deleteInBatches(batchSize, async (limit) => {
    const { rows } = await db.execute<{ n: number }>(sql`
      with doomed as (
        select id from audit_log where created_at < ${before.toISOString()}::timestamptz
        order by created_at limit ${limit}
        for update skip locked
      ), deleted as (
        delete from audit_log where id in (select id from doomed) returning 1
      )
      select count(*)::int as n from deleted`);
    return Number(rows[0]?.n ?? 0);
  });
}
