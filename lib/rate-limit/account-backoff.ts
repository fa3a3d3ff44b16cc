/**
 * Per-account sign-in backoff, whatever address the attempts come from: the per-IP limits of the
 * signIn policy stop one address, not a botnet or a client rotating addresses. Every wrong password
 * for an email counts against that email (its digest: the account need not exist, so the answers
 * never tell whether it does); from the FREE_FAILURES-th on, the account is locked for a wait that
 * doubles with each further failure, capped at MAX_LOCK_SECONDS. While locked, attempts are refused
 * before any password is checked (no argon2 work, nothing learnt) and do not extend the lock. The
 * count is forgotten FORGET_AFTER_SECONDS after the last failure, or at a normal sign-in. Each
 * attempt is counted before its password is checked (reserveAccountAttempt), so concurrent
 * attempts cannot race past the lock.
 *
 * The owner is not locked out by a stranger: a device they signed in from before carries a signed
 * device cookie (lib/auth/device.ts) that exempts it from this lock (OWASP's "device cookies").
 *
 * Two rows of rate_limits per email: `signInAccount:failures:<digest>` (points = failures, expire =
 * when they are forgotten) and `signInAccount:lock:<digest>` (expire = when the lock ends).
 */
import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { emailDigest } from "./keys";

export const FREE_FAILURES = 5;
export const FIRST_LOCK_SECONDS = 15;
export const MAX_LOCK_SECONDS = 15 * 60;
export const FORGET_AFTER_SECONDS = 24 * 60 * 60;

const failuresKey = (email: string) => `signInAccount:failures:${emailDigest(email)}`;
const lockKey = (email: string) => `signInAccount:lock:${emailDigest(email)}`;

/** The lock after the nth failure (n ≥ FREE_FAILURES): 15 s, 30 s, 1 min, ... 15 min at most. */
export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(failures - FREE_FAILURES, 20));
}

/** Seconds until the account's lock ends, or null when it is not locked. */
export async function accountLock(db: Database, email: string): Promise<number | null> {
  const [row] = await db
    .select({ ms: sql<number>`ceil(extract(epoch from (${rateLimits.expire} - now())) * 1000)::int` })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, lockKey(email)), gt(rateLimits.expire, sql`now()`)));
  return row ? Math.max(1, Math.ceil(Number(row.ms) / 1000)) : null;
}

/** Counts a wrong password for the email and, from FREE_FAILURES on, locks it; returns the failures. */
async function recordAccountFailure(db: Database, email: string): Promise<number> {
  const expired = sql`${rateLimits.expire} <= now()`;
  const forgetAt = sql`now() + make_interval(secs => ${FORGET_AFTER_SECONDS})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: failuresKey(email), points: 1, expire: forgetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { points: sql`case when ${expired} then 1 else ${rateLimits.points} + 1 end`, expire: forgetAt },
    })
    .returning({ points: rateLimits.points });
  const failures = row!.points;
  const seconds = lockSecondsAfter(failures);
  if (seconds > 0) {
    const until = sql`now() + make_interval(secs => ${seconds})`;
    await db
      .insert(rateLimits)
      .values({ key: lockKey(email), points: failures, expire: until })
      .onConflictDoUpdate({ target: rateLimits.key, set: { points: failures, expire: until } });
  }
  return failures;
}

/**
 * Before a password is checked (from a device the account does not know): the wait in seconds when
 * the account is locked, else null, the attempt having been counted as a failure in advance (a
 * right password clears it). Check and count happen under one advisory lock per email, and the
 * FREE_FAILURES-th attempt locks the account at once, so a burst of concurrent attempts cannot all
 * pass through one unlocked moment: at most FREE_FAILURES get checked, then one per lock.
 */
export async function reserveAccountAttempt(db: Database, email: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${failuresKey(email)}, 0))`);
    const wait = await accountLock(tx, email);
    if (wait !== null) return wait;
    await recordAccountFailure(tx, email);
    return null;
  });
}

/** After a sign-in that the lock did not stand in the way of: the failures are forgotten. */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.delete(rateLimits).where(inArray(rateLimits.key, [failuresKey(email), lockKey(email)]));
}
