/**
 * Seeding is serialised on one advisory lock, so a server starting on a database and
 * `npm run db:seed` (or two servers) never both seed it.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** Arbitrary and constant: "clientele seed". Distinct from the migrations lock. */
const SEED_LOCK = 7_314_002;

export async function hasUsers(db: Database): Promise<boolean> {
  const { rows } = await db.execute<{ seeded: boolean }>(sql`select exists (select 1 from users) as seeded`);
  return rows[0]!.seeded;
}

/**
 * Runs `seed` in one transaction that holds the seed lock and has seen, under it, that the
 * database has no users yet. Returns null, having written nothing, when it has users: a second
 * seeder waits for the lock, then sees what the first committed.
 */
export async function seedEmptyDatabase<T>(db: Database, seed: (tx: Database) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasUsers(tx)) return null;
    return seed(tx);
  });
}
