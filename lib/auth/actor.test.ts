import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { testDatabase, type TestDatabase } from "@/test/db";
import { addMember, createBusiness, createCustomer, createUser } from "@/test/factories";
import { resolveActor } from "./resolve-actor";
import { type UserActor } from "./actor";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

async function resolveUser(db: Database, userId: string, requested?: Parameters<typeof resolveActor>[2]) {
  const actor = await resolveActor(db, userId, requested);
  expect(actor.kind).toBe("user");
  return actor as UserActor;
}

describe("resolveActor", () => {
  it("loads the account, its customer profile and its memberships", async () => {
    await t.rollback(async (db) => {
      const user = await createUser(db, { name: "Ada", isPlatformAdmin: true });
      const customer = await createCustomer(db, user.id, { firstName: "Ada" });
      const shop = await createBusiness(db, { name: "Shop", isMarketplaceProvider: true });
      await addMember(db, shop.id, user.id, "manager", "2024-01-01T00:00:00Z");

      const actor = await resolveUser(db, user.id);
      const membership = { businessId: shop.id, businessName: "Shop", role: "manager", isMarketplaceProvider: true };
      expect(actor).toEqual({
        kind: "user",
        userId: user.id,
        email: user.email,
        name: "Ada",
        isPlatformAdmin: true,
        customerId: customer.id,
        memberships: [membership],
        business: membership,
      });
    });
  });

  it("reads memberships fresh, so a removed member loses the business at once", async () => {
    await t.rollback(async (db) => {
      const user = await createUser(db, { name: "Ada" });
      const shop = await createBusiness(db, { name: "Shop" });
      await addMember(db, shop.id, user.id, "staff", "2024-01-01T00:00:00Z");
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
      const user = await createUser(db, { name: "Ada" });
      const newer = await createBusiness(db, { name: "Newer" });
      const older = await createBusiness(db, { name: "Older" });
      await addMember(db, newer.id, user.id, "owner", "2024-06-01T00:00:00Z");
      await addMember(db, older.id, user.id, "staff", "2023-01-01T00:00:00Z");

      const actor = await resolveUser(db, user.id);
      expect(actor.memberships.map((m) => m.businessName)).toEqual(["Older", "Newer"]);
      expect(actor.business).toMatchObject({ businessId: older.id, role: "staff" });
    });
  });

  describe("with a requested business", () => {
    async function twoBusinesses(db: Database) {
      const user = await createUser(db, { name: "Ada" });
      const first = await createBusiness(db, { name: "First" });
      const second = await createBusiness(db, { name: "Second", isMarketplaceProvider: true });
      const foreign = await createBusiness(db, { name: "Foreign" });
      await addMember(db, first.id, user.id, "owner", "2023-01-01T00:00:00Z");
      await addMember(db, second.id, user.id, "staff", "2024-01-01T00:00:00Z");
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
        const user = await createUser(db, { name: "Ada" });
        const foreign = await createBusiness(db, { name: "Foreign" });
        await expect(resolveActor(db, user.id, { businessId: foreign.id, strict: true })).rejects.toMatchObject({
          details: { reason: "not_a_member" },
        });
        expect((await resolveUser(db, user.id, { businessId: foreign.id })).business).toBeNull();
      });
    });
  });

  it("returns anonymous for a user who no longer exists", async () => {
    await t.rollback(async (db) => {
      const user = await createUser(db, { name: "Ada" });
      const shop = await createBusiness(db, { name: "Shop" });
      await addMember(db, shop.id, user.id, "owner", "2024-01-01T00:00:00Z");
      await db.delete(users).where(eq(users.id, user.id));
      expect(await resolveActor(db, user.id)).toEqual({ kind: "anonymous" });
      // Even when the deleted user's old session names a business.
      expect(await resolveActor(db, user.id, { businessId: shop.id, strict: true })).toEqual({ kind: "anonymous" });
    });
  });
});
