/**
 * Rows for tests, with defaults that keep unique columns unique. Each returns the inserted row;
 * tests that care about a field pass it explicitly.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Database } from "@/db/client";
import { businesses, customers, memberships, users, type StaffRole } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export async function createUser(db: Database, values: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `user-${unique()}@example.test`, name: "Test User", ...values })
    .returning();
  return user!;
}

/** A business; with `owner`, that user joins it as its owner. */
export async function createBusiness(
  db: Database,
  values: Partial<typeof businesses.$inferInsert> = {},
  owner?: string,
) {
  const [business] = await db
    .insert(businesses)
    .values({ name: `Business ${unique()}`, ...values })
    .returning();
  if (owner) await addMember(db, business!.id, owner, "owner");
  return business!;
}

/** Joined at an explicit time when order matters: inside one transaction now() is constant. */
export async function addMember(db: Database, businessId: string, userId: string, role: StaffRole, joinedAt?: string) {
  await db.insert(memberships).values({ businessId, userId, role, ...(joinedAt && { createdAt: new Date(joinedAt) }) });
}

export async function createCustomer(
  db: Database,
  userId: string,
  values: Partial<typeof customers.$inferInsert> = {},
) {
  const [customer] = await db
    .insert(customers)
    .values({ userId, firstName: "Cara", lastName: "Smith", handle: `h${unique()}`, ...values })
    .returning();
  return customer!;
}

/** The AppError a refused call rejects with (the test fails if it resolves or throws something else). */
export async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * What a step failed with, as a test names it: the refusal's reason, else its code. Anything but
 * a refusal is rethrown, failing the test.
 */
export function outcomeOf(error: unknown): string {
  if (!(error instanceof AppError)) throw error;
  return error.details.reason ?? error.code;
}

/** The outcome of each promise: "ok", or the refusal's reason (anything but a refusal fails the test). */
export async function outcomes(attempts: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(attempts);
  return settled.map((s) => (s.status === "fulfilled" ? "ok" : outcomeOf(s.reason)));
}

/** A client address of its own (documentation range), so per-IP limits never mix tests. */
export const uniqueIp = () => `2001:db8:${randomBytes(6).toString("hex").match(/.{4}/g)!.join(":")}::1`;

/**
 * A signed-in actor without database rows, for code that only reads the actor (policy, limits);
 * a fresh random user id each time unless given.
 */
export function userActor(overrides: Partial<UserActor> = {}): UserActor {
  return {
    kind: "user",
    userId: randomUUID(),
    email: "a@example.test",
    name: "A",
    isPlatformAdmin: false,
    customerId: null,
    memberships: [],
    business: null,
    ...overrides,
  };
}
