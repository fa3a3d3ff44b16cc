/**
 * The one database, on one of three drivers, chosen from the environment:
 * - no DATABASE_URL: embedded PGlite in .data/ (one instance per process, a lock file across processes);
 * - a Neon URL (or DATABASE_DRIVER=neon): Neon's serverless Pool over WebSocket;
 * - any other Postgres URL: node-postgres.
 * Migrations run once per process before the first query; the embedded database also gets the
 * demo world on its first start.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { CASING } from "./casing";
import * as schema from "./schema";
import { migrateDatabase, migrationStatus, type Driver } from "./migrate";

export type Schema = typeof schema;
/**
 * A database or a transaction: every data function takes one, so callers can compose them.
 * All three drivers answer `execute()` with `{ rows }`, which is the node-postgres result type.
 */
export type Database = PgDatabase<NodePgQueryResultHKT, Schema>;

type Connection = { db: Database; driver: Driver; close: () => Promise<void> };

const NEON_HOST = /\.neon\.tech$/i;

export function driverFor(url: string | undefined, forced?: Driver): Driver {
  if (forced) return forced;
  if (!url) return "pglite";
  return NEON_HOST.test(new URL(url).hostname) ? "neon" : "pg";
}

/** The database the environment names: DATABASE_URL (or PGLITE_DIR) and the driver for it. */
export function configuredDatabase(): { url: string | undefined; driver: Driver } {
  const { DATABASE_URL, DATABASE_DRIVER } = env();
  return { url: DATABASE_URL, driver: driverFor(DATABASE_URL, DATABASE_DRIVER) };
}

export type ConnectOptions = {
  /**
   * Postgres cancels any statement running longer (pg and neon; PGlite runs in-process and has
   * no timer to cancel with). The server sets it so one slow query cannot hold a connection for
   * ever; scripts, seeds and migrations connect without one.
   */
  statementTimeoutMs?: number;
};

/** Opens a connection without migrating; tests and scripts use it to get a database of their own. */
export async function connect(
  url: string | undefined,
  driver: Driver = driverFor(url),
  options: ConnectOptions = {},
): Promise<Connection> {
  if (driver === "pglite") return connectPglite(url ?? env().PGLITE_DIR);
  if (driver === "neon") return connectNeon(url!, options);
  return connectNodePg(url!, options);
}

/** Pool settings both pg and Neon's pg-compatible Pool understand. */
function poolConfig(url: string, { statementTimeoutMs }: ConnectOptions) {
  return { connectionString: url, max: 10, ...(statementTimeoutMs && { statement_timeout: statementTimeoutMs }) };
}

async function connectNodePg(url: string, options: ConnectOptions): Promise<Connection> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool(poolConfig(url, options));
  const db = drizzle({ client: pool, schema, casing: CASING }) as unknown as Database;
  return { db, driver: "pg", close: () => pool.end() };
}

async function connectNeon(url: string, options: ConnectOptions): Promise<Connection> {
  const { Pool } = await import("@neondatabase/serverless");
  await configureNeon();
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  const pool = new Pool(poolConfig(url, options));
  const db = drizzle({ client: pool, schema, casing: CASING }) as unknown as Database;
  return { db, driver: "neon", close: () => pool.end() };
}

/** Node 20 has no global WebSocket; tests may route Neon's driver through a local bridge (NEON_WS_PROXY). */
export async function configureNeon() {
  const { neonConfig } = await import("@neondatabase/serverless");
  const { default: ws } = await import("ws");
  neonConfig.webSocketConstructor = ws;
  const proxy = process.env.NEON_WS_PROXY;
  if (proxy) {
    neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
}

async function connectPglite(dir: string): Promise<Connection> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gin } = await import("@electric-sql/pglite/contrib/btree_gin");
  const { drizzle } = await import("drizzle-orm/pglite");
  const memory = dir.startsWith("memory://");
  let release = async () => {};
  if (!memory) {
    mkdirSync(dir, { recursive: true });
    release = await lockDirectory(dir);
  }
  const client = await PGlite.create(memory ? undefined : dir, { extensions: { pg_trgm, btree_gin } });
  const db = drizzle({ client, schema, casing: CASING }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      await release();
    },
  };
}

/** PGlite is single-process: a second process opening the same directory would corrupt it. */
async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const lockfile = await import("proper-lockfile");
  try {
    return await lockfile.lock(dir, { stale: 15_000, update: 5_000, lockfilePath: `${dir}.lock` });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new Error(
        `The embedded database in ${path.resolve(dir)} is open in another process. ` +
          "Stop that process (npm start) first, or set DATABASE_URL to use a Postgres server.",
      );
    }
    throw error;
  }
}

type Ready = { db: Database; driver: Driver };
const globalForDb = globalThis as { __clienteleDb?: Promise<Ready> };

async function openApplicationDb(): Promise<Ready> {
  const { SEED_ON_START, STATEMENT_TIMEOUT_MS, embedded } = env();
  const { url, driver } = configuredDatabase();
  const connection = await connect(url, driver, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  // Usually the deployment already migrated (the build step does): then two cheap reads on the open
  // pool, instead of a second connection queueing on the migration lock at every cold start.
  if ((await migrationStatus(connection.db)).pending > 0) await migrateDatabase(connection.db, driver, url);
  if (embedded && SEED_ON_START === "true") {
    const { seedDemoIfEmpty } = await import("./seed/demo");
    await seedDemoIfEmpty(connection.db);
  }
  closeOnExit(connection);
  return connection;
}

function closeOnExit(connection: Connection) {
  if (connection.driver !== "pglite") return;
  const shutdown = (signal: NodeJS.Signals) => {
    connection.close().finally(() => process.kill(process.pid, signal));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/** The application's database: opened, migrated (and on first embedded start, seeded) once per process. */
export async function getDb(): Promise<Database> {
  globalForDb.__clienteleDb ??= openApplicationDb().catch((error) => {
    globalForDb.__clienteleDb = undefined;
    throw error;
  });
  return (await globalForDb.__clienteleDb).db;
}

export { schema };
