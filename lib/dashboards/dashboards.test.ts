/** The home pages' data: each is scoped to what the policy returns and refused to everyone else. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { businesses, crmCustomers, customers, jobs, memberships, users, type StaffRole } from "@/db/schema";
import { resolveActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { testDatabase, type TestDatabase } from "@/test/db";
import { getAdminOverview } from "./admin-overview";
import { getCrmHome } from "./crm-home";
import { getCustomerHome } from "./customer-home";
import { getProviderHome } from "./provider-home";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

let n = 0;
async function user(db: Database, opts: { admin?: boolean } = {}) {
  const [u] = await db
    .insert(users)
    .values({ email: `u${++n}@dash.test`, name: `User ${n}`, isPlatformAdmin: opts.admin ?? false })
    .returning({ id: users.id });
  return u!.id;
}
async function business(db: Database, ownerId: string, opts: { provider?: boolean; role?: StaffRole } = {}) {
  const [b] = await db
    .insert(businesses)
    .values({ name: `Biz ${++n}`, isMarketplaceProvider: opts.provider ?? false })
    .returning({ id: businesses.id });
  await db.insert(memberships).values({ businessId: b!.id, userId: ownerId, role: opts.role ?? "owner" });
  return b!.id;
}
async function customer(db: Database, userId: string) {
  const [c] = await db
    .insert(customers)
    .values({ userId, firstName: "Cara", lastName: "Smith", handle: `h${++n}${Date.now()}`.slice(0, 10) })
    .returning({ id: customers.id });
  return c!.id;
}
const reason = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: unknown) => (e instanceof AppError ? (e.details.reason ?? e.code) : Promise.reject(e)),
  );

describe("getCrmHome", () => {
  it("counts and lists only the acting business's live records", () =>
    t.rollback(async (db) => {
      const owner = await user(db);
      const mine = await business(db, owner);
      const other = await business(db, await user(db));
      await db.insert(crmCustomers).values([
        { businessId: mine, firstName: "Ann" },
        { businessId: mine, firstName: "Ben", deletedAt: new Date() },
        { businessId: other, firstName: "Zed" },
      ]);
      const home = await getCrmHome(db, await resolveActor(db, owner, { businessId: mine }));
      expect(home.customerCount).toBe(1);
      expect(home.recentCustomers.map((c) => c.firstName)).toEqual(["Ann"]);
    }));

  it("is refused without an acting business", () =>
    t.rollback(async (db) => {
      expect(await reason(getCrmHome(db, await resolveActor(db, await user(db))))).toBe("no_business");
      expect(await reason(getCrmHome(db, { kind: "anonymous" }))).toBe("unauthorized");
    }));
});

describe("getCustomerHome", () => {
  it("shows the customer's own profile and counts, zero included", () =>
    t.rollback(async (db) => {
      const userId = await user(db);
      const customerId = await customer(db, userId);
      const otherCustomer = await customer(db, await user(db));
      await db.insert(jobs).values([
        { customerId, title: "Fix sink", category: "plumbing", description: "Leaks" },
        { customerId: otherCustomer, title: "Paint", category: "painting", description: "Walls" },
      ]);
      const home = await getCustomerHome(db, await resolveActor(db, userId));
      expect(home).toMatchObject({ firstName: "Cara", providerVisibility: "public" });
      expect(home.counts).toEqual({ jobs: 1, openJobs: 1, orders: 0, reviews: 0, profileViews: 0 });
      expect(home.recentJobs.map((j) => j.title)).toEqual(["Fix sink"]);
    }));

  it("is refused to an account without a customer profile", () =>
    t.rollback(async (db) => {
      expect(await reason(getCustomerHome(db, await resolveActor(db, await user(db))))).toBe("not_a_customer");
    }));
});

describe("getProviderHome", () => {
  it("is for members of provider businesses only", () =>
    t.rollback(async (db) => {
      const owner = await user(db);
      const provider = await business(db, owner, { provider: true });
      await db.insert(memberships).values({ businessId: provider, userId: await user(db), role: "staff" });
      const home = await getProviderHome(db, await resolveActor(db, owner, { businessId: provider }));
      expect(home.counts.staff).toBe(2);
      expect(home.role).toBe("owner");

      const shopOwner = await user(db);
      const shop = await business(db, shopOwner);
      expect(await reason(getProviderHome(db, await resolveActor(db, shopOwner, { businessId: shop })))).toBe("not_a_provider");
    }));
});

describe("getAdminOverview", () => {
  it.each([
    ["a platform admin", true, "allowed"],
    ["anyone else", false, "not_platform_admin"],
  ])("%s: %s", (_, admin, expected) =>
    t.rollback(async (db) => {
      const actor: Actor = await resolveActor(db, await user(db, { admin }));
      expect(await reason(getAdminOverview(db, actor))).toBe(expected);
    }));
});
