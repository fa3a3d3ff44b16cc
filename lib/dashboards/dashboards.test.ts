/** The home pages' data: each is scoped to what the policy returns and refused to everyone else. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmCustomers, jobs } from "@/db/schema";
import { resolveActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { testDatabase, type TestDatabase } from "@/test/db";
import { addMember, createBusiness, createCustomer, createUser } from "@/test/factories";
import { getAdminOverview } from "./admin-overview";
import { getCrmHome } from "./crm-home";
import { getCustomerHome } from "./customer-home";
import { getProviderHome } from "./provider-home";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const reason = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: unknown) => (e instanceof AppError ? (e.details.reason ?? e.code) : Promise.reject(e)),
  );

describe("getCrmHome", () => {
  it("counts and lists only the acting business's live records", () =>
    t.rollback(async (db) => {
      const owner = (await createUser(db)).id;
      const mine = (await createBusiness(db, {}, owner)).id;
      const other = (await createBusiness(db, {}, (await createUser(db)).id)).id;
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
      expect(await reason(getCrmHome(db, await resolveActor(db, (await createUser(db)).id)))).toBe("no_business");
      expect(await reason(getCrmHome(db, { kind: "anonymous" }))).toBe("unauthorized");
    }));
});

describe("getCustomerHome", () => {
  it("shows the customer's own profile and counts, zero included", () =>
    t.rollback(async (db) => {
      const userId = (await createUser(db)).id;
      const customerId = (await createCustomer(db, userId)).id;
      const otherCustomer = (await createCustomer(db, (await createUser(db)).id)).id;
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
      expect(await reason(getCustomerHome(db, await resolveActor(db, (await createUser(db)).id)))).toBe("not_a_customer");
    }));
});

describe("getProviderHome", () => {
  it("is for members of provider businesses only", () =>
    t.rollback(async (db) => {
      const owner = (await createUser(db)).id;
      const provider = (await createBusiness(db, { isMarketplaceProvider: true }, owner)).id;
      await addMember(db, provider, (await createUser(db)).id, "staff");
      const home = await getProviderHome(db, await resolveActor(db, owner, { businessId: provider }));
      expect(home.counts.staff).toBe(2);
      expect(home.role).toBe("owner");

      const shopOwner = (await createUser(db)).id;
      const shop = (await createBusiness(db, {}, shopOwner)).id;
      expect(await reason(getProviderHome(db, await resolveActor(db, shopOwner, { businessId: shop })))).toBe("not_a_provider");
    }));
});

describe("getAdminOverview", () => {
  it.each([
    ["a platform admin", true, "allowed"],
    ["anyone else", false, "not_platform_admin"],
  ])("%s: %s", (_, admin, expected) =>
    t.rollback(async (db) => {
      const actor: Actor = await resolveActor(db, (await createUser(db, { isPlatformAdmin: admin })).id);
      expect(await reason(getAdminOverview(db, actor))).toBe(expected);
    }));
});
