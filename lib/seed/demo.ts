/**
 * The demo world: a deterministic set of businesses, staff, customers, jobs, reviews, orders and
 * CRM records (see lib/seed/demo/*), and the accounts to try it with (DEMO_ACCOUNTS, all signing
 * in with DEMO_PASSWORD). `seedDemoIfEmpty` is what the embedded database runs on first start;
 * `npm run db:seed` calls `seedDemo` directly.
 */
import type { Database } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "./demo/accounts";
import { hasUsers, seedEmptyDatabase } from "./lock";
import { buildAudit } from "./demo/audit";
import { buildCrm } from "./demo/crm";
import { buildEngagement } from "./demo/engagement";
import { buildMarketplace } from "./demo/marketplace";
import { buildOrders } from "./demo/orders";
import { buildPeople } from "./demo/people";
import { buildStats } from "./demo/stats";
import { createContext, writeWorld, type World } from "./demo/world";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo/accounts";

export type DemoSummary = Record<keyof World, number>;

/** The whole demo world as rows, without touching a database. Same content on every call. */
export function buildDemoWorld(passwordHash: string): World {
  const ctx = createContext(passwordHash);
  const people = buildPeople(ctx);
  buildMarketplace(ctx, people);
  buildOrders(ctx, people);
  buildEngagement(ctx, people);
  const crm = buildCrm(ctx, people);
  buildAudit(ctx, people, crm);
  buildStats(ctx, people);
  return ctx.world;
}

/**
 * Writes the demo world. Expects an empty database (unique emails and handles would collide);
 * pass a transaction to make it all-or-nothing. Hashing is slow on purpose, so it happens once
 * and every account shares the hash.
 */
export async function seedDemo(db: Database, options: { passwordHash?: string } = {}): Promise<DemoSummary> {
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  return writeWorld(db, buildDemoWorld(passwordHash));
}

/**
 * Seeds the demo world when the database has no users yet; returns whether it did. Safe when
 * several processes start at once: the advisory lock makes the second wait, and it then sees
 * the users the first one committed.
 */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  // Cheap check first, so a seeded database never pays for the password hash.
  if (await hasUsers(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return (await seedEmptyDatabase(db, (tx) => seedDemo(tx, { passwordHash }))) !== null;
}
