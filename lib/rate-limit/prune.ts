/**
 * Retention for rate_limits: charging never deletes (an expired row is restarted in place by the
 * next charge of its key), so a key that is never seen again would stay forever. The retention job calls
 * this. A row is kept for an hour after it expires, which costs nothing and keeps any counter that
 * is being revived by an upsert out of the way.
 */
import "server-only";
import { inArray, lt, sql } from "drizzle-orm";
import { deleteInBatches } from "@/db/batches";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

/** Deletes rows that expired over an hour ago, in batches (db/batches.ts); returns how many. */
export function pruneExpiredLimits(db: Database, { batchSize = 5_000 }: { batchSize?: number } = {}): Promise<number> {
  return deleteInBatches(batchSize, async (limit) => {
    const batch = db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(lt(rateLimits.expire, sql`now() - interval '1 hour'`))
      .limit(limit)
      // A row a request is upserting right now is left for the next run rather than waited for.
      .for("update", { skipLocked: true });
    const deleted = await db
      .delete(rateLimits)
      .where(inArray(rateLimits.key, batch))
      .returning({ key: rateLimits.key });
    return deleted.length;
  });
}
