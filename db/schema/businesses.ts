/**
 * Businesses and the staff who act for them. A marketplace provider is a business too: its
 * members act as "the provider" towards customers on the marketplace.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { users } from "./users";

export const staffRole = pgEnum("staff_role", ["owner", "admin", "manager", "staff"]);
export type StaffRole = (typeof staffRole.enumValues)[number];

export const businesses = pgTable(
  "businesses",
  {
    id: id(),
    name: text().notNull(),
    /** Offers services on the marketplace (and so may view customers' provider profiles). */
    isMarketplaceProvider: boolean().notNull().default(false),
    /** Default ISO currency for purchases recorded by this business. */
    currency: text().notNull().default("USD"),
    /** ISO 3166-1 alpha-2: the default country of the phone numbers its staff type in. */
    country: text().notNull().default("US"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("businesses_provider_idx").on(t.isMarketplaceProvider)],
);

export const memberships = pgTable(
  "memberships",
  {
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: staffRole().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/** An invitation link for someone without an account (or not yet signed in). Only the token's hash is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: staffRole().notNull(),
    tokenHash: text().notNull(),
    invitedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: at().notNull(),
    acceptedAt: at(),
    acceptedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    index("invitations_business_idx").on(t.businessId, sql`lower(${t.email})`),
  ],
);
