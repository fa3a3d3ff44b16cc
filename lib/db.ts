/**
 * The application's database, as the environment configures it (lib/env.ts): DATABASE_URL names
 * a Postgres server (a Neon host gets Neon's driver), or without one the embedded PGlite in
 * PGLITE_DIR. Opened once per process and migrated before the first query; requests share it.
 * Seeding the demo world is start-up work (instrumentation.ts), not this module's.
 */
import "server-only";
import { connect, driverFor, type Connection, type Database } from "@/db/client";
import { migrateDatabase, migrationStatus } from "@/db/migrate";
import { type Driver } from "@/db/client";
import { env } from "./env";

/** The database the environment names: DATABASE_URL (or the PGlite directory) and the driver for it. */
export function configuredDatabase(): { url: string; driver: Driver } {
  const { DATABASE_URL, DATABASE_DRIVER, PGLITE_DIR } = env();
  const driver = driverFor(DATABASE_URL, DATABASE_DRIVER);
  return { url: driver === "pglite" ? PGLITE_DIR : DATABASE_URL!, driver };
}

const globalForDb = globalThis as { __clienteleDb?: Promise<Connection> };

async function openApplicationDb(): Promise<Connection> {
  const { url, driver } = configuredDatabase();
  const connection = await connect(url, driver, { statementTimeoutMs: env().STATEMENT_TIMEOUT_MS });
  // Usually the deployment already migrated (the build step does): then two cheap reads on the open
  // pool, instead of a second connection queueing on the migration lock at every cold start.
  if ((await migrationStatus(connection.db)).pending > 0) await migrateDatabase(connection.db, driver, url);
  closeOnExit(connection);
  return connection;
}

/** PGlite writes to its directory: close it cleanly on a signal, or the next start finds it locked. */
function closeOnExit(connection: Connection) {
  if (connection.driver !== "pglite") return;
  const shutdown = (signal: NodeJS.Signals) => {
    connection.close().finally(() => process.kill(process.pid, signal));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/** The application's database: opened and migrated once per process. */
export async function getDb(): Promise<Database> {
  globalForDb.__clienteleDb ??= openApplicationDb().catch((error) => {
    globalForDb.__clienteleDb = undefined;
    throw error;
  });
  return (await globalForDb.__clienteleDb).db;
}
