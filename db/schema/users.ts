/** Accounts: people who can sign in. Credentials live here; roles come from memberships. */
import "server-only";
import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, at } from "./columns";

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id PHC string; null for an account that cannot sign in with a password. */
    passwordHash: text(),
    isPlatformAdmin: boolean().notNull().default(false),
    lastSignInAt: at(),
    /** Set by a platform administrator: a suspended account cannot sign in and has no live session. */
    suspendedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

/**
 * One signed-in browser or API client. The session's id (`sid`) is in the JWT; every request's actor
 * statement (lib/auth/resolve-actor.ts) checks that this row exists, is not revoked and has not
 * expired, so ending a session here ends the JWT's use at once (docs/security.md).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    /** Refreshed by the actor statement at most every few minutes, never on every request. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: at(),
    /** The User-Agent at sign-in, cut short, so a person can tell their sessions apart. */
    userAgent: text(),
  },
  // The account page and "sign out everywhere" read a user's live sessions.
  (t) => [
    index("sessions_user_live_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.revokedAt} is null`),
  ],
);
