/** The retention step for rate_limits: only rows expired over an hour ago go, whatever the batch size. */
import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { testDatabase, type TestDatabase } from "@/test/db";
import { pruneExpiredLimits } from ".";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

it.each([1, 5_000])("deletes only rows that expired over an hour ago (batches of %i)", async (batchSize) => {
  // In a rolled-back transaction: the other Postgres project prunes the same table meanwhile.
  await t.rollback(async (db) => {
    const prefix = `test-prune:${randomUUID()}:`;
    await db.insert(rateLimits).values([
      { key: `${prefix}old-1`, points: 3, expire: minutesFromNow(-120) },
      { key: `${prefix}old-2`, points: 1, expire: minutesFromNow(-61) },
      { key: `${prefix}old-3`, points: 9, expire: minutesFromNow(-24 * 60) },
      { key: `${prefix}recently-expired`, points: 5, expire: minutesFromNow(-10) },
      { key: `${prefix}live`, points: 2, expire: minutesFromNow(30) },
      { key: `${prefix}no-expiry`, points: 2, expire: null },
    ]);

    expect(await pruneExpiredLimits(db, { batchSize })).toBeGreaterThanOrEqual(3);

    const left = await db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, `${prefix}%`));
    expect(left.map((r) => r.key.slice(prefix.length)).sort()).toEqual(["live", "no-expiry", "recently-expired"]);
  });
});
