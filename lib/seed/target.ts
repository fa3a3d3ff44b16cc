/** How the db scripts (migrate, seed) name the database they are about to change, never with its password. */
import "server-only";
import path from "node:path";
import type { Driver } from "@/db/client";
import { env } from "@/lib/env";

export function describeTarget(url: string | undefined, driver: Driver): string {
  if (driver === "pglite") {
    const dir = url ?? env().PGLITE_DIR;
    return `the embedded database (PGlite) in ${dir.startsWith("memory://") ? dir : path.resolve(dir)}`;
  }
  const u = new URL(url!);
  return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname} (${driver})`;
}

/** The database's own words first: drizzle wraps them in "Failed query: <sql>", which says less. */
export function describeError(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
