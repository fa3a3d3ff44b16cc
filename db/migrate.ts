/**
 * Applies the drizzle/ migrations with the driver's own migrator. On a shared server, a session
 * advisory lock on a dedicated connection makes concurrent start-ups wait for one another.
 */
import path from "node:path";
import type { Database, Driver } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
const LOCK_KEY = 7_314_001; // arbitrary, constant: "clientele migrations"

/** `migrationsFolder` is for tests that need a database as an earlier release left it. */
export async function migrateDatabase(
  db: Database,
  driver: Driver,
  url?: string,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<void> {
  const config = { migrationsFolder };
  if (driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    return migrate(db as never, config);
  }
  if (!url) throw new Error(`${driver} needs a DATABASE_URL`);
  if (driver === "neon") {
    const { Client } = await import("@neondatabase/serverless");
    const { configureNeon } = await import("./client");
    await configureNeon();
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    const client = new Client(url);
    await client.connect();
    return withLock(client, () => migrate(drizzle({ client }), config));
  }
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new Client({ connectionString: url });
  await client.connect();
  return withLock(client, () => migrate(drizzle({ client }), config));
}

type LockableClient = { query: (text: string) => Promise<unknown>; end: () => Promise<void> };

async function withLock(client: LockableClient, run: () => Promise<void>) {
  try {
    await client.query(`select pg_advisory_lock(${LOCK_KEY})`);
    await run();
  } finally {
    await client.query(`select pg_advisory_unlock(${LOCK_KEY})`).catch(() => {});
    await client.end();
  }
}

let shippedMigrations: Promise<{ hash: string }[]> | undefined;

/** The migrations this build ships: read from disk once per process (health checks ask often). */
function shipped() {
  return (shippedMigrations ??= import("drizzle-orm/migrator").then(({ readMigrationFiles }) =>
    readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }),
  ));
}

/** The migrations this build ships, and which of them the database has applied (none, on a fresh database). */
export async function migrationStatus(db: Database) {
  const { sql } = await import("drizzle-orm");
  const journal = await db.execute<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const hashes = journal.rows[0]?.present
    ? (await db.execute<{ hash: string }>(sql`select hash from drizzle.__drizzle_migrations`)).rows
    : [];
  const migrations = await shipped();
  const applied = new Set(hashes.map((r) => r.hash));
  const pending = migrations.filter((m) => !applied.has(m.hash)).length;
  return { shipped: migrations.length, applied: applied.size, pending };
}
