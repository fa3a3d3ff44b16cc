/**
 * The life of a session row (db/schema/users.ts `sessions`): made at sign-in, whose id the JWT
 * carries as `sid`, and ended by sign-out, "sign out everywhere", a password change or suspension.
 * An ended session is refused by the very next request (lib/auth/resolve-actor.ts).
 */
import "server-only";
import { and, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sessions, users } from "@/db/schema";
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

/** Whether the session is live for a request: not ended, not expired, its account not suspended. */
export async function isSessionLive(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.suspendedAt),
      ),
    );
  return row !== undefined;
}

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
