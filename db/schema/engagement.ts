/** What a customer works towards and who they know: achievements, goals, connections. */
import "server-only";
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { customers } from "./customers";

/** The catalogue of achievements, keyed by a stable code (e.g. "first_job"). */
export const achievements = pgTable("achievements", {
  code: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull(),
  /** Progress needed to unlock (1 for one-off achievements). */
  target: integer().notNull().default(1),
  icon: text().notNull().default("star"),
  createdAt: createdAt(),
});

export const customerAchievements = pgTable(
  "customer_achievements",
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    achievementCode: text()
      .notNull()
      .references(() => achievements.code, { onDelete: "cascade" }),
    progress: integer().notNull().default(0),
    unlockedAt: at(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.achievementCode] })],
);

export const goalStatus = pgEnum("goal_status", ["active", "completed", "abandoned"]);

export const goals = pgTable(
  "goals",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    title: text().notNull(),
    /** What progress counts: e.g. "jobs_completed", "orders", "savings_minor", or "manual". */
    metric: text().notNull().default("manual"),
    target: integer().notNull(),
    progress: integer().notNull().default(0),
    status: goalStatus().notNull().default("active"),
    dueAt: at(),
    completedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("goals_target_positive", sql`${t.target} > 0`), index("goals_customer_idx").on(t.customerId, t.status)],
);

export const connectionStatus = pgEnum("connection_status", ["pending", "accepted", "declined", "blocked"]);

/** A connection request between two customers; accepted ones are symmetric. */
export const connections = pgTable(
  "connections",
  {
    id: id(),
    requesterId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    addresseeId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    status: connectionStatus().notNull().default("pending"),
    createdAt: createdAt(),
    respondedAt: at(),
  },
  (t) => [
    check("connections_not_self", sql`${t.requesterId} <> ${t.addresseeId}`),
    // One relationship per unordered pair.
    uniqueIndex("connections_pair_key").on(
      sql`least(${t.requesterId}, ${t.addresseeId})`,
      sql`greatest(${t.requesterId}, ${t.addresseeId})`,
    ),
    index("connections_addressee_idx").on(t.addresseeId, t.status),
  ],
);
