/**
 * The demo world as plain rows, built in memory by pure functions and then written table by table
 * (in foreign-key order) with a few multi-row inserts. Building first and writing once keeps the
 * seed set-based: a few dozen statements instead of thousands of round trips.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { Faker, en } from "@faker-js/faker";
import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { SEED_ANCHOR } from "@/lib/seed/catalog";

type Rows<T extends PgTable> = T["$inferInsert"][];

export type World = {
  users: Rows<typeof s.users>;
  businesses: Rows<typeof s.businesses>;
  memberships: Rows<typeof s.memberships>;
  customers: Rows<typeof s.customers>;
  jobs: Rows<typeof s.jobs>;
  jobApplications: Rows<typeof s.jobApplications>;
  bookings: Rows<typeof s.bookings>;
  jobMessages: Rows<typeof s.jobMessages>;
  customerReviews: Rows<typeof s.customerReviews>;
  providerInteractions: Rows<typeof s.providerInteractions>;
  profileViews: Rows<typeof s.profileViews>;
  achievements: Rows<typeof s.achievements>;
  customerAchievements: Rows<typeof s.customerAchievements>;
  goals: Rows<typeof s.goals>;
  connections: Rows<typeof s.connections>;
  profileStats: Rows<typeof s.profileStats>;
  profileJobCategories: Rows<typeof s.profileJobCategories>;
  orderSnapshots: Rows<typeof s.orderSnapshots>;
  stripeEvents: Rows<typeof s.stripeEvents>;
  crmCustomers: Rows<typeof s.crmCustomers>;
  crmNotes: Rows<typeof s.crmNotes>;
  crmTags: Rows<typeof s.crmTags>;
  crmCustomerTags: Rows<typeof s.crmCustomerTags>;
  crmContactPreferences: Rows<typeof s.crmContactPreferences>;
  purchases: Rows<typeof s.purchases>;
  appointments: Rows<typeof s.appointments>;
  auditLog: Rows<typeof s.auditLog>;
};

/** Write order: every table after the tables it references. */
const TABLES: { [K in keyof World]: PgTable } = {
  users: s.users,
  businesses: s.businesses,
  memberships: s.memberships,
  customers: s.customers,
  jobs: s.jobs,
  jobApplications: s.jobApplications,
  bookings: s.bookings,
  jobMessages: s.jobMessages,
  customerReviews: s.customerReviews,
  providerInteractions: s.providerInteractions,
  profileViews: s.profileViews,
  achievements: s.achievements,
  customerAchievements: s.customerAchievements,
  goals: s.goals,
  connections: s.connections,
  profileStats: s.profileStats,
  profileJobCategories: s.profileJobCategories,
  orderSnapshots: s.orderSnapshots,
  stripeEvents: s.stripeEvents,
  crmCustomers: s.crmCustomers,
  crmNotes: s.crmNotes,
  crmTags: s.crmTags,
  crmCustomerTags: s.crmCustomerTags,
  crmContactPreferences: s.crmContactPreferences,
  purchases: s.purchases,
  appointments: s.appointments,
  auditLog: s.auditLog,
};

export function emptyWorld(): World {
  return Object.fromEntries(Object.keys(TABLES).map((k) => [k, []])) as unknown as World;
}

/**
 * The shared state of one build: a seeded faker (content is identical on every run) and the
 * anchor date. Ids are random UUIDs on purpose: ids appear in URLs and must not be guessable,
 * even in a demo that someone might deploy.
 */
export type Ctx = { faker: Faker; anchor: Date; world: World; passwordHash: string };

export const DEMO_FAKER_SEED = 20261101;

export function createContext(passwordHash: string): Ctx {
  const faker = new Faker({ locale: [en] });
  faker.seed(DEMO_FAKER_SEED);
  faker.setDefaultRefDate(SEED_ANCHOR);
  return { faker, anchor: SEED_ANCHOR, world: emptyWorld(), passwordHash };
}

export const newId = () => randomUUID();

/** Bind parameters per statement stay well under Postgres' 65,535 limit. */
const MAX_PARAMS = 30_000;

export async function writeWorld(db: Database, world: World): Promise<Record<keyof World, number>> {
  const counts = {} as Record<keyof World, number>;
  for (const key of Object.keys(TABLES) as (keyof World)[]) {
    const table = TABLES[key];
    const rows = world[key] as Record<string, unknown>[];
    counts[key] = rows.length;
    const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(getTableColumns(table)).length));
    for (let i = 0; i < rows.length; i += size) {
      await db.insert(table).values(rows.slice(i, i + size) as never);
    }
  }
  return counts;
}
