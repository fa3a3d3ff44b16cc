/** Accounts: people who can sign in. Credentials live here; roles come from memberships. */
import "server-only";
import { sql } from "drizzle-orm";
import { boolean, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);
