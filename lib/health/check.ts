/**
 * The health check: is the database answering, and does it have every migration this build ships?
 * It never throws and never reveals error details (the endpoint is public); failures are logged.
 * Either problem makes the report "degraded", which the route answers with 503 so a load balancer
 * or uptime monitor takes this instance out of rotation.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { migrationStatus } from "@/db/migrate";
import { type Driver } from "@/db/client";
import { log } from "@/lib/log";
import type { HealthReport } from "./schema";
import { withTimeout } from "@/lib/async";

export type HealthOptions = {
  driver?: Driver;
  version?: string;
  /** A probe slower than this counts as unreachable: a hung connection must not hang the monitor. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * `db` may be a connection, or a function that opens one (the app's getDb), so that failing to
 * open the database at all is reported as unreachable rather than thrown.
 */
export async function checkHealth(
  db: Database | (() => Promise<Database>),
  { driver, version = "unknown", timeoutMs = DEFAULT_TIMEOUT_MS }: HealthOptions = {},
): Promise<HealthReport> {
  const started = performance.now();
  let database: HealthReport["database"];
  let migrations: HealthReport["migrations"] = { shipped: null, applied: null, pending: null, current: false };
  try {
    const probe = async () => {
      const connection = typeof db === "function" ? await db() : db;
      const pingStarted = performance.now();
      await connection.execute(sql`select 1`);
      const latency = Math.round(performance.now() - pingStarted);
      return { connection, latency };
    };
    const { connection, latency } = await withTimeout(probe(), timeoutMs, "database probe");
    database = { reachable: true, latency_ms: latency, ...(driver && { driver }) };
    migrations = await withTimeout(checkMigrations(connection), timeoutMs, "migration status").catch((error) => {
      log.warn({ err: error }, "health: migration status unavailable");
      return migrations;
    });
  } catch (error) {
    log.warn({ err: error, ms: Math.round(performance.now() - started) }, "health: database unreachable");
    database = { reachable: false, latency_ms: null, ...(driver && { driver }) };
  }
  const ok = database.reachable && migrations.current;
  return { status: ok ? "ok" : "degraded", database, migrations, version };
}

async function checkMigrations(db: Database): Promise<HealthReport["migrations"]> {
  const { shipped, applied, pending } = await migrationStatus(db);
  return { shipped, applied, pending, current: pending === 0 };
}
