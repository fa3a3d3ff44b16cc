/**
 * Pruning the outbox: sent events are history once the broker has them, so they are deleted after
 * a retention period, a batch at a time (short transactions, no long locks). Pending and dead
 * events are never pruned: they have not been delivered.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** Deletes events sent before `before`; returns how many. */
export async function pruneSentEvents(db: Database, before: Date, batchSize = 1_000): Promise<number> {
  let total = 0;
  for (;;) {
    // The inner select walks the partial index on sent_at; each delete is its own small statement.
    const { rows } = await db.execute<{ n: number }>(sql`
      with gone as (
        delete from event_outbox where id in (
          select id from event_outbox
          where status = 'sent' and sent_at < ${before.toISOString()}::timestamptz
          order by sent_at limit ${batchSize})
        returning 1)
      select count(*)::int as n from gone`);
    const deleted = rows[0]!.n;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
