/**
 * Server-component guards. The proxy already redirects anonymous visitors, but it only reads the
 * JWT and can be bypassed, so every protected page checks again here (defence in depth), and
 * turns a policy refusal into something a page can render instead of an error screen.
 */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { type Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { consume, type PolicyName } from "@/lib/rate-limit";
import type { UserActor } from "./actor";
import { getActor } from "./current";

/** `/signin?callbackUrl=<path>`, the one way every page sends anonymous visitors to sign in. */
export function signInPath(callbackPath: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/** The signed-in person, or a redirect to sign in that comes back to `path`. */
export async function requirePageActor(path: string): Promise<UserActor> {
  const actor = await getActor();
  if (actor.kind !== "user") redirect(signInPath(path));
  return actor;
}

export type PageResult<T> = { ok: true; data: T } | { ok: false; error: AppError };

/**
 * Runs a data function for a page. An AppError (forbidden, not found, rate limited...) comes back
 * as a value the page renders; anything else still throws to the error boundary. `rateLimit`
 * charges a policy first, per actor and IP, as the route wrapper does for the JSON API, so a page
 * and its route share one budget.
 */
export async function loadForPage<T>(
  path: string,
  load: (db: Database, actor: UserActor) => Promise<T>,
  options: { rateLimit?: PolicyName } = {},
): Promise<PageResult<T> & { actor: UserActor }> {
  const actor = await requirePageActor(path);
  try {
    const db = await getDb();
    if (options.rateLimit) await consume(db, options.rateLimit, { actor, ip: clientIp(await headers()) });
    return { ok: true, data: await load(db, actor), actor };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error, actor };
    throw error;
  }
}

/** A callbackUrl is honoured only as a same-origin relative path ("/crm?x=1"), never "//evil" or a URL. */
export function safeCallbackPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  try {
    const base = "http://clientele.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
