/**
 * Deleting in batches: each batch is its own short statement, so a retention run never holds locks
 * on (or writes one huge transaction for) millions of rows, an interrupted run keeps the progress
 * it made, and concurrent writers are never blocked for long.
 */

/** Runs `deleteBatch(limit)` until a batch deletes fewer than `batchSize` rows; returns the total. */
export async function deleteInBatches(
  batchSize: number,
  deleteBatch: (limit: number) => Promise<number>,
): Promise<number> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("deleteInBatches needs a positive batch size");
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
