/**
 * The life of a session row (db/schema/users.ts `sessions`): made at sign-in, whose id the JWT
 * carries as `sid`, and ended by sign-out, "sign out everywhere", a password change or suspension.
 * An ended session is refused by the very next request (lib/auth/resolve-actor.ts).
 */
import "server-only";
import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sessions } from "@/db/schema";
import { SESSION_MAX_AGE_SECONDS } from "./config.base";

const USER_AGENT_CHARS = 200;

/** A new session for `userId`, lasting as long as the JWT Auth.js issues with it. */
export async function startSession(db: Database, userId: string, userAgent: string | null): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`,
      userAgent: userAgent ? userAgent.slice(0, USER_AGENT_CHARS) : null,
    })
    .returning({ id: sessions.id });
  return row!.id;
}

/** Ends one session of `userId` (sign-out). Ending an ended or unknown one does nothing. */
export async function endSession(db: Database, userId: string, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Ends every live session of `userId`, but `except` (the caller's own, on a password change); returns how many. */
export async function endSessionsOf(db: Database, userId: string, except?: string): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * A session that may still be used: not ended, not expired. The request's actor statement
 * (./resolve-actor.ts) adds that its account is not suspended; the account page lists these.
 */
export const liveSession = sql`${sessions.revokedAt} is null and ${sessions.expiresAt} > now()`;

/**
 * The retention job's part (lib/cron/retention.ts): sessions that ended (signed out, revoked or
 * expired) before `cutoff` are deleted; they can never be used again and their User-Agent is of no
 * further use. Returns how many.
 */
export async function pruneEndedSessions(db: Database, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.revokedAt, cutoff), lt(sessions.expiresAt, cutoff)))
    .returning({ id: sessions.id });
  return deleted.length;
}
