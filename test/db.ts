/**
 * A real database for a test file, on the driver of the current Vitest project:
 * "pglite" (an in-memory PGlite, migrated), "pg" (node-postgres) or "neon" (Neon's driver through
 * the local bridge) against the database global-setup made on TEST_DATABASE_URL.
 *
 *   const t = await testDatabase();            // in beforeAll
 *   await t.rollback(async (db) => { ... });   // each test: its changes vanish afterwards
 */
import { sql } from "drizzle-orm";
import type { PgTransactionConfig } from "drizzle-orm/pg-core";
import { inject } from "vitest";
import { connect, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { type Driver } from "@/db/client";
import { createDatabase } from "@/db/scratch";

export const driver = (process.env.TEST_DRIVER ?? "pglite") as Driver;

class Rollback extends Error {}

/** Runs `fn` in a transaction (a savepoint, inside one) that is always rolled back, and answers its result. */
export async function rolledBack<T>(
  db: Database,
  fn: (tx: Database) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  let result: T;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    }, config);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result!;
}

/** Upper-case UUIDs stored as audit entity ids or outbox aggregate ids: one record spelled two ways. */
export async function upperCaseIdsWritten(db: Database): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    select ((select count(*) from audit_log where entity_id ~ '^[0-9A-Fa-f-]{36}$' and entity_id <> lower(entity_id))
          + (select count(*) from event_outbox where aggregate_id::text <> lower(aggregate_id::text)))::int as n`);
  return Number(rows[0]!.n);
}

export type TestDatabase = {
  db: Database;
  driver: Driver;
  /** A connection string for code that opens its own connections (null on PGlite). */
  url: string | null;
  rollback<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** `migrationsFolder` (PGlite only; see scratchDatabase) migrates with other migrations than the shipped ones. */
export async function testDatabase(options: { migrationsFolder?: string } = {}): Promise<TestDatabase> {
  let url: string | null = null;
  let connection;
  if (driver === "pglite") {
    connection = await connect("memory://", "pglite");
    await migrateDatabase(connection.db, "pglite", undefined, options.migrationsFolder);
  } else {
    url = inject("databaseUrl");
    if (!url) throw new Error(`The ${driver} project needs TEST_DATABASE_URL`);
    if (driver === "neon") process.env.NEON_WS_PROXY = inject("neonProxy") ?? undefined;
    connection = await connect(url, driver);
  }
  const { db, close } = connection;
  return {
    db,
    driver,
    url,
    rollback: (fn) => rolledBack(db, fn),
    close,
  };
}

export type ScratchDatabase = {
  db: Database;
  driver: Driver;
  /** Its connection string, to migrate it further (null on PGlite). */
  url: string | null;
  /** Another connection (pool) to the same database, as a second instance would have; on PGlite, the one there is. */
  openAnother(): Promise<{ db: Database; close(): Promise<void> }>;
  close(): Promise<void>;
};

/**
 * A database of its own for a test file whose code commits (seeding does, the scale seed drops
 * and rebuilds every index, the relay claims whatever is pending), so the database the other files
 * share is never touched. On PGlite the file's in-memory database is already private.
 * `migrationsFolder` leaves it as an earlier release's migrations left it (a migration's own test).
 */
export async function scratchDatabase(
  prefix = "clientele_scratch",
  options: { migrationsFolder?: string } = {},
): Promise<ScratchDatabase> {
  const t = await testDatabase(options);
  if (t.driver === "pglite" || !t.url) {
    return {
      db: t.db,
      driver: t.driver,
      url: null,
      openAnother: async () => ({ db: t.db, close: async () => {} }),
      close: () => t.close(),
    };
  }
  await t.close();
  const scratch = await createDatabase(t.url, prefix, options.migrationsFolder);
  const opened: { close(): Promise<void> }[] = [];
  const open = async () => {
    const connection = await connect(scratch.url, t.driver);
    let closing: Promise<void> | undefined;
    const once = { db: connection.db, close: () => (closing ??= connection.close()) };
    opened.push(once);
    return once;
  };
  const main = await open();
  return {
    db: main.db,
    driver: t.driver,
    url: scratch.url,
    openAnother: open,
    async close() {
      await Promise.all(opened.map((c) => c.close()));
      await scratch.drop();
    },
  };
}
