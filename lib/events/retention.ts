/**
 * Pruning the outbox: sent events are history once the broker has them, so they are deleted after
 * a retention period, a batch at a time (db/batches.ts). Pending and dead
 * events are never pruned: they have not been delivered.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { deleteInBatches } from "@/db/batches";
import type { Database } from "@/db/client";

/** Deletes events sent before `before`; returns how many. */
export function pruneSentEvents(db: Database, before: Date, batchSize = 1_000): Promise<number> {
  return deleteInBatches(batchSize, async (limit) => {
    // The inner select walks the partial index on sent_at.
    const { rows } = await db.execute<{ n: number }>(sql`
      with gone as (
        delete from event_outbox where id in (
          select id from event_outbox
          where status = 'sent' and sent_at < ${before.toISOString()}::timestamptz
          order by sent_at limit ${limit})
        returning 1)
      select count(*)::int as n from gone`);
    return rows[0]!.n;
  });
}
