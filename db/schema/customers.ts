/**
 * The customer's platform profile: one per customer account, shared by every face. Providers see
 * a narrow public view of it (lib/provider-view), the customer sees and edits all of it.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { amountMinor, at, createdAt, currency, id, updatedAt } from "./columns";
import { users } from "./users";

/** Who among providers may see the public profile. */
export const providerVisibility = pgEnum("provider_visibility", ["public", "restricted", "private"]);
/** Who among other customers may see achievements, goals and connections. */
export const socialVisibility = pgEnum("social_visibility", ["public", "connections", "private"]);
export const preferredWallet = pgEnum("preferred_wallet", ["card", "apple_pay", "google_pay", "paypal", "link"]);

export type ProviderVisibility = (typeof providerVisibility.enumValues)[number];
export type SocialVisibility = (typeof socialVisibility.enumValues)[number];

export type PostalAddress = {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string; // ISO 3166-1 alpha-2
};

export type DashboardSettings = {
  /** Order of the tiles on the customer's own dashboard. */
  tiles?: string[];
  weeklyDigest?: boolean;
  theme?: "system" | "light" | "dark";
};

export const customers = pgTable(
  "customers",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    firstName: text().notNull(),
    lastName: text().notNull().default(""),
    /** Chosen public name; when null the public name is "First L.". */
    displayName: text(),
    avatarUrl: text(),
    phone: text(),
    /** Short random slug for the shareable profile link and its QR code. */
    handle: text().notNull(),
    providerVisibility: providerVisibility().notNull().default("public"),
    socialVisibility: socialVisibility().notNull().default("connections"),
    shippingAddress: jsonb().$type<PostalAddress>(),
    preferredWallet: preferredWallet(),
    dashboardSettings: jsonb().$type<DashboardSettings>().notNull().default({}),
    stripeCustomerId: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customers_user_key").on(t.userId),
    uniqueIndex("customers_handle_key").on(t.handle),
    uniqueIndex("customers_stripe_key")
      .on(t.stripeCustomerId)
      .where(sql`${t.stripeCustomerId} is not null`),
  ],
);

/**
 * A customer's counters, kept exact in the same transaction as every job and review change
 * (lib/marketplace), so the provider profile reads its figures from one row.
 */
export const profileStats = pgTable(
  "profile_stats",
  {
    customerId: uuid()
      .primaryKey()
      .references(() => customers.id, { onDelete: "cascade" }),
    jobsPosted: integer().notNull().default(0),
    jobsCompleted: integer().notNull().default(0),
    /**
     * Cancelled jobs, split by who did what (jobs.cancelled_by, and whether the job had a booking):
     * only `jobsCancelled`, the customer calling off a job after booking a provider, counts against
     * the customer; withdrawing a job before booking anyone, and a provider's cancellation, do not
     * (lib/customer-profile/stats-definition.ts).
     */
    jobsCancelled: integer().notNull().default(0),
    jobsWithdrawn: integer().notNull().default(0),
    jobsCancelledByProvider: integer().notNull().default(0),
    reviewsReceived: integer().notNull().default(0),
    /**
     * The histogram of visible reviews by rating, kept exact in the same transaction as every review
     * written, hidden or shown again: the average and the chart are read from one row.
     */
    rating1Count: integer().notNull().default(0),
    rating2Count: integer().notNull().default(0),
    rating3Count: integer().notNull().default(0),
    rating4Count: integer().notNull().default(0),
    rating5Count: integer().notNull().default(0),
    ordersCount: integer().notNull().default(0),
    totalSpentMinor: amountMinor().notNull().default(0),
    currency: currency().notNull().default("USD"),
    lastActiveAt: at(),
    computedAt: at().notNull().defaultNow(),
  },
  (t) => [index("profile_stats_computed_idx").on(t.computedAt)],
);

/**
 * How many jobs each customer posted in each category, kept exact like profile_stats: posting is
 * the only change (a job keeps its category), counted in the posting transaction. The profile's
 * top categories are then a read of a handful of rows, not an aggregate over every job the
 * customer ever posted (2,505 jobs for the heaviest customer of the 1M world).
 */
export const profileJobCategories = pgTable(
  "profile_job_categories",
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    category: text().notNull(),
    jobs: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.category] })],
);
