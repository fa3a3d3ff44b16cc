/**
 * What this deployment is: its version (package.json, plus the commit when the host names it) and
 * the database driver the environment selects. Shared by /api/health and the OpenAPI document.
 */
import "server-only";
import pkg from "@/package.json";
import { configuredDatabase } from "@/lib/db";
import type { Driver } from "@/db/client";
import { env, type Env } from "@/lib/env";

export const APP_VERSION: string = pkg.version;

/** Vercel sets VERCEL_GIT_COMMIT_SHA; elsewhere the version is package.json's alone. */
export function deployedVersion(): string {
  const commit = safeEnv()?.VERCEL_GIT_COMMIT_SHA?.slice(0, 12);
  return commit ? `${APP_VERSION}+${commit}` : APP_VERSION;
}

export function configuredDriver(): Driver | undefined {
  return safeEnv() ? configuredDatabase().driver : undefined;
}

/** A broken environment must not turn the health check itself into a 500. */
function safeEnv(): Env | undefined {
  try {
    return env();
  } catch {
    return undefined;
  }
}
