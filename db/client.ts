/**
 * Connecting to the one database, on one of three drivers:
 * - a directory (or memory://): embedded PGlite (one instance per process, a lock file across processes);
 * - a Neon URL: Neon's serverless Pool over WebSocket;
 * - any other Postgres URL: node-postgres.
 * Which database the application uses is configuration, read in lib/db.ts; this module knows
 * nothing of the environment, so db/ stays the bottom layer.
 */
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { CASING } from "./casing";
import * as schema from "./schema";

export type Schema = typeof schema;
/**
 * A database or a transaction: every data function takes one, so callers can compose them.
 * All three drivers answer `execute()` with `{ rows }`, which is the node-postgres result type.
 */
export type Database = PgDatabase<NodePgQueryResultHKT, Schema>;

export type Driver = "pglite" | "pg" | "neon";

export type Connection = { db: Database; driver: Driver; close: () => Promise<void> };

const NEON_HOST = /\.neon\.tech$/i;

/** PGlite for a directory or memory://, Neon's driver for a Neon host, node-postgres for any other URL. */
export function driverFor(url: string | undefined, forced?: Driver): Driver {
  if (forced) return forced;
  if (!url || !/^postgres(ql)?:/.test(url)) return "pglite";
  return NEON_HOST.test(new URL(url).hostname) ? "neon" : "pg";
}

export type ConnectOptions = {
  /**
   * Postgres cancels any statement running longer (pg and neon; PGlite runs in-process and has
   * no timer to cancel with). The server sets it so one slow query cannot hold a connection for
   * ever; scripts, seeds and migrations connect without one.
   */
  statementTimeoutMs?: number;
};

/**
 * Opens a connection without migrating. `url` is a Postgres URL, or for PGlite its directory
 * (memory:// for a throwaway one).
 */
export async function connect(
  url: string,
  driver: Driver = driverFor(url),
  options: ConnectOptions = {},
): Promise<Connection> {
  if (driver === "pglite") return connectPglite(url);
  if (driver === "neon") return connectNeon(url, options);
  return connectNodePg(url, options);
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
    // A lock left by a killed process goes stale after 15 s: wait that long for it before giving up.
    return await lockfile.lock(dir, {
      stale: 15_000,
      update: 5_000,
      lockfilePath: `${dir}.lock`,
      retries: { retries: 20, minTimeout: 1_000, maxTimeout: 1_000 },
    });
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

export { schema };
