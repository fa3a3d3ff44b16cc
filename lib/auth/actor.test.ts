import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { businesses, customers, memberships, users, type StaffRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { testDatabase, type TestDatabase } from "@/test/db";
import { resolveActor, type UserActor } from "./actor";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

let n = 0;
async function makeUser(db: Database, extra: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `actor-${Date.now()}-${n++}@example.com`, name: "Ada", ...extra })
    .returning();
  return user!;
}

async function makeBusiness(db: Database, name: string, isMarketplaceProvider = false) {
  const [business] = await db.insert(businesses).values({ name, isMarketplaceProvider }).returning();
  return business!;
}

/** Joined at an explicit time: inside one transaction now() is constant, so order must be set. */
async function join(db: Database, userId: string, businessId: string, role: StaffRole, createdAt: string) {
  await db.insert(memberships).values({ userId, businessId, role, createdAt: new Date(createdAt) });
}

async function resolveUser(db: Database, userId: string, requested?: Parameters<typeof resolveActor>[2]) {
  const actor = await resolveActor(db, userId, requested);
  expect(actor.kind).toBe("user");
  return actor as UserActor;
}

describe("resolveActor", () => {
  it("loads the account, its customer profile and its memberships", async () => {
    await t.rollback(async (db) => {
      const user = await makeUser(db, { isPlatformAdmin: true });
      const [customer] = await db
        .insert(customers)
        .values({ userId: user.id, firstName: "Ada", handle: `h${Date.now()}${n++}` })
        .returning();
      const shop = await makeBusiness(db, "Shop", true);
      await join(db, user.id, shop.id, "manager", "2024-01-01T00:00:00Z");

      const actor = await resolveUser(db, user.id);
      const membership = { businessId: shop.id, businessName: "Shop", role: "manager", isMarketplaceProvider: true };
      expect(actor).toEqual({
        kind: "user",
        userId: user.id,
        email: user.email,
        name: "Ada",
        isPlatformAdmin: true,
        customerId: customer!.id,
        memberships: [membership],
        business: membership,
      });
    });
  });

  it("reads memberships fresh, so a removed member loses the business at once", async () => {
    await t.rollback(async (db) => {
      const user = await makeUser(db);
      const shop = await makeBusiness(db, "Shop");
      await join(db, user.id, shop.id, "staff", "2024-01-01T00:00:00Z");
      expect((await resolveUser(db, user.id)).business?.businessId).toBe(shop.id);

      await db.update(memberships).set({ role: "admin" }).where(eq(memberships.userId, user.id));
      expect((await resolveUser(db, user.id)).business?.role).toBe("admin");

      await db.delete(memberships).where(eq(memberships.userId, user.id));
      const after = await resolveUser(db, user.id);
      expect(after.memberships).toEqual([]);
      expect(after.business).toBeNull();
      expect(after.customerId).toBeNull();
    });
  });

  it("acts for the oldest membership by default", async () => {
    await t.rollback(async (db) => {
      const user = await makeUser(db);
      const newer = await makeBusiness(db, "Newer");
      const older = await makeBusiness(db, "Older");
      await join(db, user.id, newer.id, "owner", "2024-06-01T00:00:00Z");
      await join(db, user.id, older.id, "staff", "2023-01-01T00:00:00Z");

      const actor = await resolveUser(db, user.id);
      expect(actor.memberships.map((m) => m.businessName)).toEqual(["Older", "Newer"]);
      expect(actor.business).toMatchObject({ businessId: older.id, role: "staff" });
    });
  });

  describe("with a requested business", () => {
    async function twoBusinesses(db: Database) {
      const user = await makeUser(db);
      const first = await makeBusiness(db, "First");
      const second = await makeBusiness(db, "Second", true);
      const foreign = await makeBusiness(db, "Foreign");
      await join(db, user.id, first.id, "owner", "2023-01-01T00:00:00Z");
      await join(db, user.id, second.id, "staff", "2024-01-01T00:00:00Z");
      return { user, first, second, foreign };
    }

    it.each([true, false])("honours one the user belongs to (strict=%s)", async (strict) => {
      await t.rollback(async (db) => {
        const { user, second } = await twoBusinesses(db);
        const actor = await resolveUser(db, user.id, { businessId: second.id, strict });
        expect(actor.business).toEqual({
          businessId: second.id,
          businessName: "Second",
          role: "staff",
          isMarketplaceProvider: true,
        });
      });
    });

    it("refuses a foreign business named by the header (strict) with 403 not_a_member", async () => {
      await t.rollback(async (db) => {
        const { user, foreign } = await twoBusinesses(db);
        const error = await resolveActor(db, user.id, { businessId: foreign.id, strict: true }).catch((e) => e);
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: "forbidden", status: 403, details: { reason: "not_a_member" } });
      });
    });

    it("falls back to the oldest membership for a stale cookie (not strict)", async () => {
      await t.rollback(async (db) => {
        const { user, first, foreign } = await twoBusinesses(db);
        const actor = await resolveUser(db, user.id, { businessId: foreign.id, strict: false });
        expect(actor.business?.businessId).toBe(first.id);
      });
    });

    it("gives a strict request from a user with no memberships 403 too", async () => {
      await t.rollback(async (db) => {
        const user = await makeUser(db);
        const foreign = await makeBusiness(db, "Foreign");
        await expect(resolveActor(db, user.id, { businessId: foreign.id, strict: true })).rejects.toMatchObject({
          details: { reason: "not_a_member" },
        });
        expect((await resolveUser(db, user.id, { businessId: foreign.id })).business).toBeNull();
      });
    });
  });

  it("returns anonymous for a user who no longer exists", async () => {
    await t.rollback(async (db) => {
      const user = await makeUser(db);
      const shop = await makeBusiness(db, "Shop");
      await join(db, user.id, shop.id, "owner", "2024-01-01T00:00:00Z");
      await db.delete(users).where(eq(users.id, user.id));
      expect(await resolveActor(db, user.id)).toEqual({ kind: "anonymous" });
      // Even when the deleted user's old session names a business.
      expect(await resolveActor(db, user.id, { businessId: shop.id, strict: true })).toEqual({ kind: "anonymous" });
    });
  });
});
