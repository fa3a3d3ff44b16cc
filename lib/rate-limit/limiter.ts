/**
 * Charging a policy against the database. Each limit of a policy is its own RateLimiterDrizzle
 * (key prefix "<policy>:<scope>") over the rate_limits table: one atomic upsert per limit, so a
 * limit holds across processes and instances on every driver. Refusals become a 429 AppError with
 * Retry-After and RateLimit-* headers; successes leave RateLimit-* headers on the request context.
 */
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { rateLimited } from "@/lib/errors";
import { requestContext } from "@/lib/observability/context";
import { metrics } from "@/lib/observability/metrics";
import { keyFor, type Subject } from "./keys";
import type { Limit, PolicyDefinition, Scope } from "./policies";

// Limiters hold no counts (the table does); caching them per database spares a construction per
// request, and the WeakMap lets a closed test database or a finished transaction go.
const limiters = new WeakMap<Database, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Database, policyName: string, limit: Limit): RateLimiterDrizzle {
  let cache = limiters.get(db);
  if (!cache) limiters.set(db, (cache = new Map()));
  const keyPrefix = `${policyName}:${limit.per}`;
  const id = `${keyPrefix}|${limit.points}|${limit.duration}`;
  let limiter = cache.get(id);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix,
      points: limit.points,
      duration: limit.duration,
      // Not a timer per limiter in every process: the retention job prunes (prune.ts).
      clearExpiredByTimeout: false,
    });
    cache.set(id, limiter);
  }
  return limiter;
}

type Charge = { limit: Limit; key: string; limiter: RateLimiterDrizzle };

function chargesFor(db: Database, definition: PolicyDefinition, subject: Subject, only?: Scope): Charge[] {
  if (subject.actor.kind === "system") return []; // scheduled jobs and webhooks are trusted
  return definition.limits.flatMap((limit) => {
    const key = only && limit.per !== only ? null : keyFor(limit.per, subject);
    return key === null ? [] : [{ limit, key, limiter: limiterFor(db, definition.name, limit) }];
  });
}

type Outcome = { limit: Limit; res: RateLimiterRes };

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) for one limit's state. */
export function rateLimitHeaders({ limit, res }: Outcome): Record<string, string> {
  return {
    "RateLimit-Limit": String(limit.points),
    "RateLimit-Remaining": String(res.remainingPoints),
    "RateLimit-Reset": String(Math.max(0, Math.ceil(res.msBeforeNext / 1000))),
    "RateLimit-Policy": `${limit.points};w=${limit.duration}`,
  };
}

/** The limit a client should pace itself by: fewest points left, then the longest wait. */
function tightest(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((a, b) =>
    b.res.remainingPoints < a.res.remainingPoints ||
    (b.res.remainingPoints === a.res.remainingPoints && b.res.msBeforeNext > a.res.msBeforeNext)
      ? b
      : a,
  );
}

/** The refused limit that keeps the caller out longest: its wait is the honest Retry-After. */
function longestWait(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((a, b) => (b.res.msBeforeNext > a.res.msBeforeNext ? b : a));
}

/**
 * Charges one request to every limit of the policy (in parallel: one round trip's latency).
 * Throws rateLimited when any limit is exceeded; store errors propagate (the request needs the
 * database anyway, and a 5xx is more honest than silently unlimited).
 */
export async function consumeWith(db: Database, definition: PolicyDefinition, subject: Subject): Promise<void> {
  const charges = chargesFor(db, definition, subject);
  if (charges.length === 0) return;
  const results = await Promise.all(
    charges.map(async ({ limit, key, limiter }) => {
      try {
        return { limit, res: await limiter.consume(key), refused: false };
      } catch (error) {
        // The library rejects with a RateLimiterRes for a refusal, with an Error for a store failure.
        if (error instanceof RateLimiterRes) return { limit, res: error, refused: true };
        throw error;
      }
    }),
  );
  const refused = results.filter((r) => r.refused);
  if (refused.length > 0) {
    metrics.rateLimitRefusals.inc({ policy: definition.name });
    const worst = longestWait(refused);
    throw rateLimited(worst.res.msBeforeNext / 1000, rateLimitHeaders(worst));
  }
  const headers = requestContext()?.responseHeaders;
  if (headers) for (const [name, value] of Object.entries(rateLimitHeaders(tightest(results)))) headers.set(name, value);
}

export type Block = { retryAfterSeconds: number; headers: Record<string, string> };

/**
 * Without charging anything: whether the next request of this subject would be refused, and for
 * how long. For callers that must answer before the charging code runs (or after it refused).
 */
export async function peekWith(db: Database, definition: PolicyDefinition, subject: Subject): Promise<Block | null> {
  const states = await Promise.all(
    chargesFor(db, definition, subject).map(async ({ limit, key, limiter }) => ({ limit, res: await limiter.get(key) })),
  );
  const exhausted = states.filter((s): s is Outcome => s.res !== null && s.res.consumedPoints >= s.limit.points);
  if (exhausted.length === 0) return null;
  const worst = longestWait(exhausted);
  return { retryAfterSeconds: worst.res.msBeforeNext / 1000, headers: rateLimitHeaders(worst) };
}

/** Forgets the subject's counts for the limits of one scope (e.g. failures, after a success). */
export async function resetWith(db: Database, definition: PolicyDefinition, subject: Subject, scope: Scope): Promise<void> {
  await Promise.all(chargesFor(db, definition, subject, scope).map(({ key, limiter }) => limiter.delete(key)));
}
