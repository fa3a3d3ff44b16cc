/**
 * What this deployment is: its version (package.json, plus the commit when the host names it) and
 * the database driver the environment selects. Shared by /api/health and the OpenAPI document.
 */
import pkg from "@/package.json";
import { driverFor } from "@/db/client";
import type { Driver } from "@/db/migrate";
import { env, type Env } from "@/lib/env";

export const APP_VERSION: string = pkg.version;

/**
 * Vercel sets VERCEL_GIT_COMMIT_SHA. It is read through lib/env.ts (the only reader of
 * process.env) once that file declares it; until then this is simply absent.
 */
export function deployedVersion(): string {
  const commit = safeEnv()?.VERCEL_GIT_COMMIT_SHA?.slice(0, 12);
  return commit ? `${APP_VERSION}+${commit}` : APP_VERSION;
}

export function configuredDriver(): Driver | undefined {
  const e = safeEnv();
  return e ? driverFor(e.DATABASE_URL, e.DATABASE_DRIVER) : undefined;
}

/** A broken environment must not turn the health check itself into a 500. */
function safeEnv(): (Env & { VERCEL_GIT_COMMIT_SHA?: string }) | undefined {
  try {
    return env();
  } catch {
    return undefined;
  }
}
