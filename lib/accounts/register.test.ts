/** Registration: both account kinds, the 201 shape, duplicate emails, field errors, atomicity. */
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { businesses, customers, memberships, users } from "@/db/schema";
import { AppError, validationError } from "@/lib/errors";
import { testDatabase, type TestDatabase } from "@/test/db";
import { refusalOf } from "@/test/factories";
import { registeredCustomerDto, registeredProviderDto } from "./dto";
import { registerInput } from "./inputs";
import { registerAccount, splitName } from "./register";

// Lets one test force a handle collision, to prove a failure after the user insert writes nothing.
const forcedHandles = vi.hoisted(() => [] as string[]);
vi.mock("./handle", async (importOriginal) => {
  const original = await importOriginal<typeof import("./handle")>();
  return { newHandle: () => forcedHandles.shift() ?? original.newHandle() };
});

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const customer = {
  email: "ada@example.com",
  password: "correct horse battery",
  name: "Ada King Lovelace",
  role: "customer",
};
const provider = {
  email: "bob@plumbing.test",
  password: "correct horse battery",
  name: "Bob Pipes",
  role: "provider",
  businessName: "Bob's Plumbing",
};

const register = (db: Database, input: unknown) => registerAccount(db, registerInput.parse(input));

async function totals(db: Database) {
  const [u] = await db.select({ n: count() }).from(users);
  const [c] = await db.select({ n: count() }).from(customers);
  const [b] = await db.select({ n: count() }).from(businesses);
  const [m] = await db.select({ n: count() }).from(memberships);
  return { users: u!.n, customers: c!.n, businesses: b!.n, memberships: m!.n };
}

describe("registerAccount", () => {
  it("creates a customer with a profile and a short handle, answering {user_id, customer_id} (the route sends it as 201)", () =>
    t.rollback(async (db) => {
      const result = await register(db, customer);
      expect(registeredCustomerDto.strict().parse(result)).toEqual(result);

      const [row] = await db
        .select()
        .from(customers)
        .where(eq(customers.id, (result as { customer_id: string }).customer_id));
      expect(row).toMatchObject({ userId: result.user_id, firstName: "Ada", lastName: "King Lovelace" });
      expect(row!.handle).toMatch(/^[A-Za-z0-9_-]{10}$/);
      const [user] = await db.select().from(users).where(eq(users.id, result.user_id));
      expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user!.isPlatformAdmin).toBe(false);
    }));

  it("creates a provider business with the new user as its owner, answering {user_id, business_id}", () =>
    t.rollback(async (db) => {
      const result = await register(db, provider);
      const parsed = registeredProviderDto.strict().parse(result);
      const [business] = await db.select().from(businesses).where(eq(businesses.id, parsed.business_id));
      expect(business).toMatchObject({ name: "Bob's Plumbing", isMarketplaceProvider: true });
      const rows = await db.select().from(memberships).where(eq(memberships.businessId, parsed.business_id));
      expect(rows).toEqual([expect.objectContaining({ userId: parsed.user_id, role: "owner" })]);
      const [profile] = await db.select({ n: count() }).from(customers).where(eq(customers.userId, parsed.user_id));
      expect(profile!.n).toBe(0);
    }));

  it.each([
    ["the same email", "ada@example.com", customer],
    ["another case", "ADA@Example.COM", customer],
    ["another case, as a provider", "Ada@example.com", provider],
  ])("refuses a taken email given in %s with 409 email_taken and writes nothing", (_, email, input) =>
    t.rollback(async (db) => {
      await register(db, customer);
      const before = await totals(db);
      const error = await refusalOf(register(db, { ...input, email }));
      expect(error.status).toBe(409);
      expect(error.details.reason).toBe("email_taken");
      expect(await totals(db)).toEqual(before);
    }),
  );

  it("writes nothing when a later insert fails (the user row is rolled back too)", () =>
    t.rollback(async (db) => {
      forcedHandles.push("samehandle", "samehandle");
      await register(db, customer);
      const before = await totals(db);
      const error = await register(db, { ...customer, email: "grace@example.com" }).then(
        () => null,
        (e: unknown) => e,
      );
      // A handle collision is our bug, not the user's: it must not be reported as "email taken".
      expect(error).not.toBeInstanceOf(AppError);
      expect(await totals(db)).toEqual(before);
      const [grace] = await db
        .select({ n: count() })
        .from(users)
        .where(sql`lower(${users.email}) = 'grace@example.com'`);
      expect(grace!.n).toBe(0);
    }));
});

describe("registerInput", () => {
  it.each([
    ["a provider without a business name", { ...provider, businessName: undefined }, "businessName"],
    ["a provider with a blank business name", { ...provider, businessName: "   " }, "businessName"],
    ["a customer with a business name", { ...customer, businessName: "Shop" }, "businessName"],
    ["a short password", { ...customer, password: "short" }, "password"],
    ["an overlong password", { ...customer, password: "x".repeat(201) }, "password"],
    ["an invalid email", { ...customer, email: "not-an-email" }, "email"],
    ["an empty name", { ...customer, name: "  " }, "name"],
    ["an unknown role", { ...customer, role: "admin" }, "role"],
  ])("refuses %s with a 400 field error", (_, input, field) => {
    const result = registerInput.safeParse(input);
    expect(result.success).toBe(false);
    const error = validationError(result.error!, "body");
    expect(error.status).toBe(400);
    expect(Object.keys(error.details.fieldErrors ?? {})).toEqual([field]);
  });

  it("trims the email and treats an empty business name from a form as absent", () => {
    expect(registerInput.parse({ ...customer, email: "  ada@example.com ", businessName: "" })).toMatchObject({
      email: "ada@example.com",
      businessName: undefined,
    });
  });

  it("splits names on the first space", () => {
    expect(splitName("Cher")).toEqual({ firstName: "Cher", lastName: "" });
    expect(splitName("  Ada   King Lovelace ")).toEqual({ firstName: "Ada", lastName: "King Lovelace" });
  });
});
